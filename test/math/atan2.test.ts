import { describe, expect, it } from 'vitest';
import { env, type RoundingMode } from '../../src/env/environment.js';
import { bf16_atan2, f16_atan2, f32_atan2 } from '../../src/math/atan2.js';
import { R } from '../../src/math/kernels/fixed.js';
import { fx } from '../../src/math/kernels/float.js';
import {
  atanFast,
  atanValue,
  fastQuotient,
  fastQuotientWord,
  fastValueWord,
  loadQuotient,
  st,
} from '../../src/math/kernels/atan.js';
import { zivStats } from '../../src/math/kernels/round.js';
import { Failures, restore } from '../support/exhaustive.js';
import { flagNames, hex, modeName } from '../support/harness.js';
import { MODES, type Format } from '../reference/exact.js';
import { Atan2Reference, BF16, F16, F32, atan2Exact } from './specs/atan2.js';
import { f32Bits, f32Value, rng, ulpF32 } from './support.js';

/**
 * About 300 words of a format where atan2 is hard or special: signed zeros, infinities, NaNs (quiet, signaling, with
 * payloads), subnormals, the normal extremes, ±1, ±2, halves, small integers and their neighbours, powers of two
 * across the exponent range, and random words. The first CORE of them are checked in all six rounding modes against
 * every fourth word.
 */
const CORE = 20;
function hardSet(fmt: Format): number[] {
  const words: number[] = [];
  const seen = new Set<number>();
  const add = (w: number): void => {
    for (const v of [w, w + fmt.signBit]) {
      if (!seen.has(v)) {
        seen.add(v);
        words.push(v);
      }
    }
  };
  const f = fmt.p - 1;
  const one = fmt.bias * 2 ** f;
  const expOf = (e: number): number => (e + fmt.bias) * 2 ** f;
  // Core: specials and the simplest numbers.
  add(0);
  add(fmt.posInf);
  add(fmt.posInf + fmt.quietBit);
  add(fmt.posInf + 1);
  add(1);
  add(fmt.fracMask);
  add(2 ** f);
  add(fmt.maxFinite);
  add(one);
  add(one + 1);
  add(one - 1);
  add(expOf(1));
  add(expOf(-1));
  add(expOf(1) + 2 ** (f - 1));
  add(expOf(0) + 2 ** (f - 1));
  add(expOf(fmt.emax - 1));
  add(expOf(-(fmt.p + 1)));
  add(expOf(-(fmt.p + 2)));
  add(expOf(fmt.emin + fmt.p));
  add(expOf(fmt.p + 1));
  // Small integers, powers of two, NaN payloads, subnormals.
  for (let n = 3; n <= 12; n++) {
    const e = 31 - Math.clz32(n);
    add(expOf(e) + (n - 2 ** e) * 2 ** (f - e));
  }
  for (let e = fmt.emin; e <= fmt.emax; e += fmt.name === 'f16' ? 2 : 12) add(expOf(e));
  add(fmt.posInf + fmt.quietBit + 5);
  add(fmt.posInf + 3);
  for (const s of [2, 3, 5, 2 ** (f - 1), 2 ** (f - 1) + 1, fmt.fracMask - 1]) add(s);
  add(2 ** f + 1);
  add(2 ** f - 1);
  const next = rng(fmt.name === 'f16' ? 16 : 1616);
  while (words.length < 300) {
    const w = next() & (fmt.signBit - 1);
    if (w < fmt.posInf) add(w);
  }
  return words;
}

/**
 * atan2 on every pair with one operand from the hard set and the other any of the 65,536 words, in both positions:
 * each pair in one rounding mode (cycling through the six), and the core values against every fourth word in all six;
 * tininess before or after rounding and the NaN mode alternate. Returns the pairs checked and the BigInt reference's
 * count.
 */
function sweep(fmt: Format, call: (y: number, x: number) => number): { pairs: number; calls: number; slow: number } {
  const ref = new Atan2Reference(fmt);
  const fails = new Failures();
  const set = hardSet(fmt);
  let k = 0;
  let calls = 0;
  for (let i = 0; i < set.length; i++) {
    const h = set[i]!;
    const all = i < CORE;
    for (let w = 0; w < 0x10000; w++) {
      for (let side = 0; side < 2; side++) {
        const y = side === 0 ? h : w;
        const x = side === 0 ? w : h;
        k++;
        const m0 = all && (w & 3) === 0 ? 0 : k % 6;
        const m1 = all && (w & 3) === 0 ? 6 : m0 + 1;
        for (let m = m0; m < m1; m++) {
          const mode = MODES[m]!;
          const r = ref.get(y, x, mode);
          const tininess = (k >>> 1) & 1;
          const nanMode = (k >>> 2) & 1;
          env.roundingMode = mode as RoundingMode;
          env.tininess = tininess as 0 | 1;
          env.nanMode = nanMode as 0 | 1;
          env.flags = 0;
          const got = call(y, x);
          calls++;
          const isNaN = r.bits % fmt.signBit > fmt.expMask;
          const bits = isNaN && nanMode === 1 ? fmt.nanModeNaN : r.bits;
          const flags = tininess === 1 ? r.flagsAfter : r.flagsBefore;
          if (got !== bits || env.flags !== flags) {
            fails.add(
              () =>
                `${fmt.name}_atan2(${hex(fmt, y)}, ${hex(fmt, x)}) mode=${modeName(mode)} ` +
                `tininess=${tininess} nan=${nanMode}: ` +
                `got ${hex(fmt, got)} ${flagNames(env.flags)}, expected ${hex(fmt, bits)} ${flagNames(flags)}`,
            );
          }
        }
      }
    }
  }
  restore();
  fails.check(`${fmt.name}_atan2`);
  return { pairs: k, calls, slow: ref.slow };
}

describe('atan2', () => {
  for (const [fmt, op] of [
    [F16, f16_atan2],
    [BF16, bf16_atan2],
  ] as const) {
    it(`${fmt.name}: every pair with one operand from a hard set of 300 words, correctly rounded, never undecided`, () => {
      const before = zivStats.hard;
      const r = sweep(fmt, op);
      console.log(`${fmt.name}_atan2: ${r.pairs} pairs, ${r.calls} calls, ${r.slow} BigInt references`);
      expect(r.pairs).toBe(300 * 2 * 0x10000);
      expect(zivStats.hard - before).toBe(0);
    });
  }

  it("the 16-bit fast path's error bound holds against the 64-bit evaluation", () => {
    const next = rng(777);
    let worst = 0;
    for (let i = 0; i < 300_000; i++) {
      const n = (next() | 0x80000000) >>> 0;
      const d = (next() | 0x80000000) >>> 0;
      const s = -((next() % 40) + (n > d ? 1 : 0));
      const K = [0, 2, 4][i % 3]!;
      const neg = K === 0 ? 0 : (i >>> 2) & 1;
      fastQuotient(n, d, s);
      atanFast(fastQuotientWord(), st.te, 1, K, 0, neg);
      const v = fastValueWord() >>> 0;
      const fe = st.fe;
      const ferr = st.ferr;
      loadQuotient(n, d, s);
      atanValue(K, 0, neg);
      // The 64-bit value (within 2^-55 relative, far below the fast bound) in units of the fast value's last bit.
      const precise = (R[0]! * 2 ** 32 + R[1]!) * 2 ** (fx.e - 63 - (fe - 31));
      worst = Math.max(worst, Math.abs(v - precise) / ferr);
    }
    expect(worst).toBeLessThan(0.95);
  });

  it('f32: random and structured pairs within 0.5 ulp (+2^-30), correctly rounded in every mode', () => {
    const ref = new Atan2Reference(F32);
    const next = rng(3232);
    const fails = new Failures();
    let maxUlp = 0;
    let wrong = 0;
    const special = [
      0, 1, 0x007fffff, 0x00800000, 0x3f800000, 0x40000000, 0x3f000000, 0x7f7fffff, 0x7f800000, 0x7fc00000, 0x7f800001,
    ];
    const pick = (): number => {
      const r = next();
      switch (r & 7) {
        case 0:
          return (special[(r >>> 3) % special.length]! | (r & 0x80000000)) >>> 0;
        default:
          return next();
      }
    };
    const N = 400_000;
    for (let i = 0; i < N; i++) {
      const y = pick();
      let x = pick();
      // Half of the pairs with nearby exponents (ratios near 1) or exponent gaps around the tiny-ratio threshold.
      if ((i & 1) === 1) {
        const gap = (next() % 64) - 32;
        const e = ((y >>> 23) & 0xff) - gap;
        if (e > 0 && e < 0xff) x = ((x & 0x807fffff) | (e << 23)) >>> 0;
      }
      const mode = i < N / 4 ? MODES[i % 6]! : 0;
      const r = ref.get(y, x, mode);
      env.roundingMode = mode as RoundingMode;
      env.flags = 0;
      const got = f32_atan2(y, x);
      if (got !== r.bits || env.flags !== r.flagsAfter) {
        wrong++;
        fails.add(
          `f32_atan2(${hex(F32, y)}, ${hex(F32, x)}) mode=${modeName(mode)}: ` +
            `got ${hex(F32, got)} ${flagNames(env.flags)}, expected ${hex(F32, r.bits)} ${flagNames(r.flagsAfter)}`,
        );
      }
      if (mode === 0 && (got & 0x7f800000) !== 0x7f800000) {
        const v = Math.atan2(f32Value(y), f32Value(x));
        if (Number.isFinite(v) && v !== 0) maxUlp = Math.max(maxUlp, Math.abs(f32Value(got) - v) / ulpF32(v));
      }
    }
    restore();
    expect(maxUlp).toBeLessThan(0.5000001);
    fails.check('f32_atan2');
    expect(wrong).toBe(0);
  });

  it('the special-value table of IEEE 754-2019 §9.2.1, with flags, in every mode', () => {
    const pi = 0x40490fdb;
    const cases: [number, number, number, number][] = [
      // y, x, result (round to nearest), flags
      [0x00000000, 0x00000000, 0x00000000, 0],
      [0x80000000, 0x00000000, 0x80000000, 0],
      [0x00000000, 0x80000000, pi, 1],
      [0x80000000, 0x80000000, (pi | 0x80000000) >>> 0, 1],
      [0x00000000, 0xbf800000, pi, 1],
      [0x80000000, 0x3f800000, 0x80000000, 0],
      [0xbf800000, 0x00000000, 0xbfc90fdb, 1],
      [0x3f800000, 0x80000000, 0x3fc90fdb, 1],
      [0x3f800000, 0x7f800000, 0x00000000, 0],
      [0xbf800000, 0x7f800000, 0x80000000, 0],
      [0x3f800000, 0xff800000, pi, 1],
      [0xbf800000, 0xff800000, (pi | 0x80000000) >>> 0, 1],
      [0x7f800000, 0x3f800000, 0x3fc90fdb, 1],
      [0xff800000, 0xbf800000, 0xbfc90fdb, 1],
      [0x7f800000, 0x7f800000, 0x3f490fdb, 1],
      [0xff800000, 0x7f800000, 0xbf490fdb, 1],
      [0x7f800000, 0xff800000, 0x4016cbe4, 1],
      [0xff800000, 0xff800000, 0xc016cbe4, 1],
      [0x00000001, 0x7f7fffff, 0x00000000, 3], // underflow to zero
      [0x7fa00000, 0x3f800000, 0x7fe00000, 0x10],
      [0x3f800000, 0xffc00001, 0xffc00001, 0],
    ];
    for (const [y, x, want, flags] of cases) {
      env.flags = 0;
      expect(hex(F32, f32_atan2(y, x))).toBe(hex(F32, want));
      expect(env.flags).toBe(flags);
      for (const mode of MODES) {
        const r = atan2Exact(F32, y, x, mode);
        env.roundingMode = mode as RoundingMode;
        env.flags = 0;
        expect(hex(F32, f32_atan2(y, x))).toBe(hex(F32, r.bits));
        expect(env.flags).toBe(r.flagsAfter);
      }
      restore();
    }
    // Subnormal results: atan2(y, x) = y/x nudged toward zero, with underflow.
    env.flags = 0;
    expect(f32_atan2(f32Bits(2 ** -100), f32Bits(2 ** 40))).toBe(1 << 9); // 2^-140 exactly representable, just below
    expect(env.flags).toBe(3);
    env.roundingMode = 1 as RoundingMode;
    expect(f32_atan2(f32Bits(2 ** -100), f32Bits(2 ** 40))).toBe((1 << 9) - 1);
    restore();
  });
});
