/**
 * The trigonometric kernel against BigInt: the reduction (j, the sign and magnitude of r within st.rErr) and the
 * float register after sin, cos and tan (within its stated error bound fx.err), on the binary32 argument nearest a
 * multiple of π/32 at every exponent, random binary32 words, and random binary16 / bfloat16 arguments.
 */
import { describe, expect, it } from 'vitest';
import { R } from '../../../src/math/kernels/fixed.js';
import { FX, fx } from '../../../src/math/kernels/float.js';
import { st, trigReduce, trigRegisters, trigSin, trigTan } from '../../../src/math/kernels/trig.js';
import { bitLength, div, type BF } from '../bigref.js';
import { HALF_PI_FIXED, sinCos } from '../bigref/trig.js';
import { rng } from '../support.js';

/** For each exponent E = -29 … 104, the binary32 m·2^E (m of 24 bits) with x·32/π nearest an integer. */
const HARDEST = [
  0x3c800000, 0x3d000000, 0x3dc90fdb, 0x3e490fdb, 0x3e96cbe4, 0x3f16cbe4, 0x3f96cbe4, 0x4016cbe4, 0x4096cbe4,
  0x417ce5f1, 0x41fce5f1, 0x427ce5f1, 0x42fce5f1, 0x430be628, 0x438be628, 0x440be628, 0x448be628, 0x454d246f,
  0x45cd246f, 0x464d246f, 0x4682665e, 0x4702665e, 0x4782665e, 0x482562ae, 0x48a562ae, 0x492562ae, 0x49f3b47b,
  0x4a2332e9, 0x4aa332e9, 0x4b2332e9, 0x4b847661, 0x4c13d4a5, 0x4c93d4a5, 0x4d0ffd14, 0x4ddbd32f, 0x4e7fd274,
  0x4ea3e87f, 0x4f23e87f, 0x4fa3e87f, 0x5023e87f, 0x50a3e87f, 0x5123e87f, 0x51b146a6, 0x523146a6, 0x52b146a6,
  0x533146a6, 0x53b146a6, 0x54787577, 0x54f87577, 0x55787577, 0x55b82989, 0x56382989, 0x56dc36c9, 0x576e3d69,
  0x57f740b9, 0x587bc261, 0x58fe0335, 0x597f239f, 0x59ffb3d4, 0x5a07bcd0, 0x5a87bcd0, 0x5b07bcd0, 0x5b87bcd0,
  0x5c07bcd0, 0x5c87bcd0, 0x5d07bcd0, 0x5de4112c, 0x5e64112c, 0x5eab0ce1, 0x5f7c556b, 0x5fd3b126, 0x6053b126,
  0x60ec1b4a, 0x616c1b4a, 0x61e600c1, 0x622e0733, 0x62ae0733, 0x632e0733, 0x63898498, 0x64098498, 0x64898498,
  0x65098498, 0x65898498, 0x66098498, 0x66898498, 0x6746e3bb, 0x67c6e3bb, 0x681976f1, 0x689976f1, 0x691976f1,
  0x699976f1, 0x6a55da58, 0x6ad5da58, 0x6b2063c2, 0x6b85a877, 0x6c05a877, 0x6c85a877, 0x6d79be45, 0x6df9be45,
  0x6e79be45, 0x6ef9be45, 0x6f79be45, 0x6ff9be45, 0x703fa09a, 0x70bfa09a, 0x713fa09a, 0x71e61c18, 0x7252de59,
  0x72d2de59, 0x736fa1dc, 0x73949471, 0x74507ce8, 0x74a426eb, 0x75584625, 0x75d84625, 0x76584625, 0x76a8b883,
  0x77407f54, 0x77c07f54, 0x78105f7f, 0x78fccbab, 0x791675c0, 0x799675c0, 0x7a6c3305, 0x7aff01bd, 0x7b7f01bd,
  0x7bff01bd, 0x7c7f01bd, 0x7cbdcda0, 0x7d3dcda0, 0x7d8e5a38, 0x7e0e5a38, 0x7e827d5e, 0x7f027d5e,
];

const FB = 1800n;

/** m and E of a finite nonzero binary32 word (x = m·2^E). */
function split32(w: number): [number, number] {
  const e = (w >>> 23) & 0xff;
  const f = w & 0x7fffff;
  return e === 0 ? [f, -149] : [f | 0x800000, e - 150];
}

/** 2^64·(R[FX]:R[FX+1]·2^(fx.e−63) − |v|) / 2^(fx.e−63), i.e. the error of the register in 2^-64 of its units. */
function registerError(v: BF): number {
  const sig = (BigInt(R[FX]!) << 32n) | BigInt(R[FX + 1]!);
  const m = v.m < 0n ? -v.m : v.m;
  const sh = v.e + 63 - fx.e + 64;
  const exact = sh >= 0 ? m << BigInt(sh) : m >> BigInt(-sh);
  return Number((sig << 64n) - exact) / 2 ** 64;
}

interface Worst {
  ratio: number;
  err: number;
}

/** Check sin, cos and tan of x = m·2^E in the kernel; returns the largest |error| / fx.err seen. */
function checkKernel(m: number, E: number, worst: Worst): void {
  const x: BF = { m: BigInt(m), e: E };
  const [s, c] = sinCos(x);
  const t = div(s, c);
  const cases: [BF, () => number][] = [
    [s, () => trigSin(m, E, 0)],
    [c, () => trigSin(m, E, 1)],
    [t, () => trigTan(m, E)],
  ];
  for (const [v, run] of cases) {
    const sign = run();
    expect(sign, `sign at m=${m} E=${E}`).toBe(v.m < 0n ? 1 : 0);
    const err = registerError(v);
    expect(Math.abs(err), `m=${m} E=${E}: error ${err} units, bound ${fx.err}`).toBeLessThan(fx.err);
    expect((R[FX]! & 0x80000000) !== 0).toBe(true);
    const ratio = Math.abs(err) / fx.err;
    if (ratio > worst.ratio) worst.ratio = ratio;
    if (fx.err > worst.err) worst.err = fx.err;
  }
}

/** The reduction of x = m·2^E against BigInt: j, the sign of r and |r| within st.rErr units. */
function checkReduce(m: number, E: number): number {
  trigReduce(m, E);
  const X = BigInt(m) << (BigInt(E) + FB);
  const step = HALF_PI_FIXED; // π/32 = step/16 at 2^-FB, kept exact by scaling X by 16.
  const num = 2n * 16n * X + step;
  const k = num / (2n * step);
  const r16 = 16n * X - k * step; // 16·r at 2^-FB
  expect(st.j).toBe(Number(k % 64n));
  expect(st.rNeg).toBe(r16 < 0n ? 1 : 0);
  const ar = r16 < 0n ? -r16 : r16;
  const sig = (BigInt(trigRegisters[0]!) << 32n) | BigInt(trigRegisters[1]!);
  // |r|·2^(63−rE+64) = ar·2^(63 − rE + 64 − FB − 4)
  const sh = BigInt(63 - st.rE + 64) - FB - 4n;
  const exact = sh >= 0n ? ar << sh : ar >> -sh;
  const err = Math.abs(Number((sig << 64n) - exact) / 2 ** 64);
  expect(err, `reduce m=${m} E=${E}`).toBeLessThan(st.rErr === 0 ? 1e-9 : st.rErr);
  expect(bitLength(sig)).toBe(64);
  return st.rErr === 0 ? 0 : err / st.rErr;
}

describe('trig kernel', () => {
  it('reduction: j, sign and |r| within rErr, at the hardest binary32 arguments and random ones', () => {
    let worst = 0;
    const next = rng(99);
    const words = [...HARDEST];
    for (let i = 0; i < 2000; i++) words.push(((0x79 + (next() % (0xff - 0x79))) << 23) | (next() & 0x7fffff));
    for (const w of words) {
      const [m, E] = split32(w);
      worst = Math.max(worst, checkReduce(m, E));
    }
    console.log(`reduction: worst |r| error / rErr = ${worst.toFixed(3)}`);
  });

  it('sin, cos, tan registers within their error bounds', () => {
    const worst: Worst = { ratio: 0, err: 0 };
    const next = rng(7);
    const words = [...HARDEST];
    for (let i = 0; i < 1500; i++) words.push(((0x72 + (next() % (0xff - 0x72))) << 23) | (next() & 0x7fffff));
    // Small arguments (r = x), and binary16 / bfloat16 ones as binary32 words.
    for (let i = 0; i < 300; i++) words.push(((0x72 + (next() % 8)) << 23) | (next() & 0x7fffff));
    for (let i = 0; i < 300; i++) words.push((0x3e000000 + (next() % (0x7f800000 - 0x3e000000))) & 0xffff0000);
    for (let i = 0; i < 300; i++) words.push(((0x77 + (next() % 22)) << 23) | ((next() & 0x3ff) << 13));
    for (const w of words) {
      const [m, E] = split32(w);
      checkKernel(m, E, worst);
    }
    console.log(`kernel: worst |error| / fx.err = ${worst.ratio.toFixed(3)}, largest fx.err = ${worst.err}`);
  });
});
