/**
 * The binary32 fast reciprocal square root (kernels/rsqrtF32.ts) against BigInt: the seed's residual range for every
 * significand, the float register within the stated bound fx.err on ~100k words biased to the hard places (the edges
 * of the 192 seed chords in both exponent parities, subnormals, the largest words, powers of two), agreement of every
 * decided result with the full-precision path in all six modes with flags, the wiring into f32_rsqrt, and the
 * undecided rate.
 */
import { describe, expect, it } from 'vitest';
import { env, type RoundingMode } from '../../../src/env/environment.js';
import { approxRecipSqrtSigF32 } from '../../../src/formats/f32/approxRecipSqrtSig.js';
import { fx } from '../../../src/math/kernels/float.js';
import { zivStats } from '../../../src/math/kernels/round.js';
import { rsqrtF32Fast, rsqrtF32Value } from '../../../src/math/kernels/rsqrtF32.js';
import { f32_rsqrt } from '../../../src/math/rsqrt.js';
import { isqrt } from '../bigref.js';
import { boundHolds, rng } from '../support.js';
import { decidedDisagreements } from './support.js';

/** The kernel's arguments for a positive finite nonzero word: m in [2^23, 2^24) and ue, x = m·2^(ue − 23). */
function args(a: number): [number, number] {
  const e = a >>> 23;
  let m = a & 0x7fffff;
  if (e !== 0) return [m | 0x800000, e - 127];
  const s = Math.clz32(m) - 8;
  m <<= s;
  return [m, -126 - s];
}

const G = 40;

/** Loads the float register for the word a and checks it against 1/√x in BigInt; returns [units off, bound]. */
function check(a: number): [number, number] {
  const [m, ue] = args(a);
  rsqrtF32Value(m, ue);
  // 1/√x·2^(63 − fx.e + G) = √(2^(2(63 − fx.e + G) + 23 − ue)/m), floored (isqrt of a floor is the floor).
  const s = 2 * (63 - fx.e + G) + 23 - ue;
  const q = isqrt((1n << BigInt(s)) / BigInt(m));
  return boundHolds({ m: q, e: fx.e - 63 - G });
}

/** The words of the bound check. */
function boundWords(): number[] {
  const next = rng(4099);
  const out: number[] = [];
  // Chord edges: w = m·2^(1 + p) = (64 + i)·2^18 + δ, that is m = (64 + i)·2^(17 − p) + δ', both parities, a few
  // exponents of each parity.
  for (let i = 0; i < 192; i++) {
    for (const p of [0, 1]) {
      const base = (64 + i) * 2 ** (17 - p);
      if (base < 0x800000 || base > 0x1000000) continue;
      for (let d = -8; d <= 8; d++) {
        const m = base + d;
        if (m < 0x800000 || m >= 0x1000000) continue;
        for (const be of [0x7f + p, 0x81 + p, 0x1 + p, 0xfd + p, 2 + p + 2 * (next() % 120)]) {
          out.push((be << 23) | (m & 0x7fffff));
        }
      }
    }
  }
  // Every significand next to 1 and next to 4 (X = 1 + small, X = 4 − small), both parities.
  for (let d = 1; d < 3000; d++) out.push(0x3f800000 + d, 0x40000000 + d, 0x3f800000 - d, 0x40800000 - d);
  // Subnormals (the smallest and random), the largest words, powers of two with odd ue, the word just off powers of 4.
  for (let a = 1; a <= 2000; a++) out.push(a);
  for (let i = 0; i < 5000; i++) out.push(1 + (next() % 0x7fffff));
  for (let a = 0x7f7fffff; a > 0x7f7fffff - 2000; a--) out.push(a);
  for (let e = 1; e < 0xff; e++) {
    if ((e & 1) === 0) out.push(e << 23);
    out.push((e << 23) + 1, (e << 23) - 1);
  }
  // Random positive words.
  while (out.length < 100_000) {
    const a = next() & 0x7fffffff;
    if (a !== 0 && a < 0x7f800000) out.push(a);
  }
  // The kernel is not asked about x = 4^k (X = 1), the exact results.
  return out.filter((a) => a !== 0 && a < 0x7f800000 && !isPow4(a));
}

function isPow4(a: number): boolean {
  const [m, ue] = args(a);
  return m === 0x800000 && (ue & 1) === 0;
}

describe('rsqrtF32: the seed', () => {
  it('for every significand and parity Y < 2^16 and |e|·2^44 < 2^30.92 (e = 1 − w·Y²/2^56)', () => {
    let lo = 0;
    let hi = 0;
    let maxY = 0;
    for (let w = 1 << 24; w < 1 << 26; w += 2) {
      if (w >= 1 << 25 && (w & 3) !== 0) continue;
      const Y = approxRecipSqrtSigF32(w);
      maxY = Math.max(maxY, Y);
      const Q = Y * Y;
      const A = Math.floor(Q / 65536);
      const B = Q % 65536;
      // 2^56 − w·Y² exactly in doubles: (2^40 − w·A)·2^16 − w·B, every term below 2^53.
      const D = (2 ** 40 - w * A) * 65536 - w * B;
      const e44 = D / 4096;
      lo = Math.min(lo, e44);
      hi = Math.max(hi, e44);
    }
    console.log(`rsqrtF32 seed: e·2^44 in [${lo}, ${hi}] = [−2^${Math.log2(-lo).toFixed(3)}, 2^${Math.log2(hi).toFixed(3)}]`);
    expect(maxY).toBeLessThan(2 ** 16);
    expect(-lo).toBeLessThan(2 ** 30.92);
    expect(hi).toBeLessThan(2 ** 29.82);
  });
});

describe('rsqrtF32: the float register', () => {
  const words = boundWords();

  it(`holds the stated bound on ${words.length} words (chord edges, both parities, ends of the range)`, () => {
    const bad: string[] = [];
    let worst = 0;
    let worstWord = 0;
    let maxErr = 0;
    for (const a of words) {
      const [u, err] = check(a);
      if (!(u < err)) bad.push(`${a.toString(16)}: ${u} units >= ${err}`);
      if (u / err > worst) {
        worst = u / err;
        worstWord = a;
      }
      maxErr = Math.max(maxErr, err);
    }
    console.log(
      `rsqrtF32 bound: worst |error|/bound ${worst.toFixed(3)} at 0x${worstWord.toString(16)}; largest bound ` +
        `2^${Math.log2(maxErr).toFixed(2)} units`,
    );
    expect(bad.slice(0, 10)).toEqual([]);
    expect(maxErr).toBeLessThanOrEqual(0x48000 * 8);
  });

  it('every decided result equals the full-precision path in all six modes, flags included', () => {
    // zivStats.force sends f32_rsqrt past the fast kernel and its own Ziv test to the exact comparison.
    const fast = (a: number): number => rsqrtF32Fast(...args(a));
    const { bad, decided } = decidedDisagreements(fast, f32_rsqrt, words, {
      stride: (mode) => (mode === 0 ? 1 : 3),
      force: true,
    });
    expect(bad.slice(0, 10)).toEqual([]);
    expect(decided).toBeGreaterThan(250_000);
  });
});

describe('rsqrtF32: wiring into f32_rsqrt', () => {
  it('specials, powers of two and subnormals behave as the forced full path; 4^k raises nothing', () => {
    const list = [0, 0x80000000, 0x7f800000, 0xff800000, 0x7fc00000, 0x7f800001, 0xffc00001, 0xbf800000, 0x80000001];
    list.push(0x807fffff, 0xff7fffff, 0x7fffffff, 0xffffffff, 0x7f7fffff, 0x00800000, 0x007fffff, 1, 2, 3, 0x00400000);
    for (let e = 1; e < 0xff; e++) list.push(e << 23, (e << 23) | 1);
    for (let b = 0; b < 23; b++) list.push(1 << b, (1 << b) | 1);
    const saved = [env.roundingMode, env.flags] as const;
    for (let mode = 0; mode <= 6; mode++) {
      if (mode === 5) continue;
      env.roundingMode = mode as RoundingMode;
      for (const a of list) {
        env.flags = 0;
        const got = f32_rsqrt(a >>> 0);
        const gotFlags = env.flags;
        zivStats.force = true;
        env.flags = 0;
        const want = f32_rsqrt(a >>> 0);
        zivStats.force = false;
        expect([got, gotFlags], `${a.toString(16)} mode ${mode}`).toEqual([want, env.flags]);
      }
      for (let k = -74; k <= 63; k++) {
        // x = 4^k = 2^(2k): the word of 2^(2k) (subnormal below 2^-126), result 2^-k exactly.
        const a = 2 * k >= -126 ? (2 * k + 127) << 23 : 1 << (2 * k + 149);
        env.flags = 0;
        expect(f32_rsqrt(a), `4^${k}`).toBe((127 - k) << 23);
        expect(env.flags).toBe(0);
      }
    }
    [env.roundingMode, env.flags] = saved;
    zivStats.force = true;
    try {
      expect(rsqrtF32Fast(0xc00000, 0)).toBe(-1);
    } finally {
      zivStats.force = false;
    }
  });
});

describe('rsqrtF32: undecided rate', () => {
  it('is small on a million random positive words', () => {
    const next = rng(77);
    const hard0 = zivStats.hard;
    let n = 0;
    let undecided = 0;
    while (n < 1_000_000) {
      const a = next() & 0x7fffffff;
      if (a === 0 || a >= 0x7f800000 || isPow4(a)) continue;
      n++;
      const [m, ue] = args(a);
      if (rsqrtF32Fast(m, ue) < 0) undecided++;
    }
    console.log(`rsqrtF32 undecided: ${undecided} of ${n} random positive words`);
    // The fast path's own undecided results are not counted as slow-path events.
    expect(zivStats.hard).toBe(hard0);
    expect(undecided).toBeLessThan(100);
  });
});
