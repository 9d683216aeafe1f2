/**
 * What the binary32 fast-path kernel tests share: an independent e^x at 200 bits and ln x at 256 bits, and the checks
 * that a fast path's decided results are the right ones (against the reference in every mode and tininess, and
 * against the function's own full-precision path).
 */
import { expect } from 'vitest';
import { env, type RoundingMode } from '../../../src/env/environment.js';
import { zivStats } from '../../../src/math/kernels/round.js';
import { F32, MODES } from '../../reference/exact.js';
import { LOG_TABLE } from '../../../src/math/kernels/tables.js';
import { LN2_FIXED, PREC, log as bigLog, type BF } from '../bigref.js';
import { f32Bits, mismatches, rng } from '../support.js';

/* e^x for binary32 x as 2^t, t = x·log2 e, from 2^(j/256) and a Taylor series, all at P = 200 bits. */
export const P = 200n;
export const ONE = 1n << P;
/** ln 2 and log2 e at scale 2^P. */
export const LN2 = LN2_FIXED >> (640n - P);
export const LOG2E = (ONE << P) / LN2;

/** e^y·2^P for 0 <= y < 1 given as y·2^P. */
export function expSmall(y: bigint): bigint {
  let term = ONE;
  let sum = ONE;
  for (let k = 1n; term !== 0n; k++) {
    term = (term * y) / (k << P);
    sum += term;
  }
  return sum;
}

/** 2^(j/256)·2^P for j = 0 … 255. */
export const EXP2_J: bigint[] = [];
for (let j = 0n; j < 256n; j++) EXP2_J.push(expSmall((j * LN2) >> 8n));

/** e^x for x = (−1)^neg·m·2^E as v·2^e, v of about 200 bits (relative error far below 2^-150). */
export function exactExp(neg: number, m: number, E: number): BF {
  let t = BigInt(m) * LOG2E;
  t = E >= 0 ? t << BigInt(E) : t >> BigInt(-E);
  if (neg) t = -t;
  const K = t >> (P - 8n);
  const rho = t - (K << (P - 8n));
  const v = (EXP2_J[Number(K & 255n)]! * expSmall((rho * LN2) >> P)) >> P;
  return { m: v, e: Number(K >> 8n) - Number(P) };
}

/* ln x for binary32 x at W = 256 bits, by the same table reduction as the kernels (any c_j close to 1/y would do:
 * the identity ln x = K·ln 2 − ln c_j + ln(1 + r) is exact) with every term in BigInt. */
export const W = 256n;
export const LN2_W = LN2_FIXED >> (PREC - W);

/** v at scale 2^-W, truncated. */
export function toFixedW(v: BF): bigint {
  const sh = v.e + Number(W);
  return sh >= 0 ? v.m << BigInt(sh) : v.m >> BigInt(-sh);
}

/** T'_j = −ln(C_j/2^17) − [j >= 256]·ln 2 at 2^-W, for the 512 intervals of LOG_TABLE. */
export const TX: bigint[] = [];
for (let j = 0; j < 512; j++) {
  const C = LOG_TABLE[3 * j]! & 0x3ffff;
  TX.push(-toFixedW(bigLog({ m: BigInt(C), e: -17 })) - (j >= 256 ? LN2_W : 0n));
}

/** ln of the positive finite binary32 word a at 2^-W (within a few hundred units): x = 2^K·(1 + r)/c_j. */
export function exactLn(a: number): bigint {
  const e = a >>> 23;
  const f = a & 0x7fffff;
  const m = e === 0 ? f : f | 0x800000;
  const E = e === 0 ? -149 : e - 150;
  const L = 32 - Math.clz32(m);
  const mm = BigInt(m) << BigInt(24 - L);
  const k = E + L - 1;
  const j = Number((mm >> 14n) & 511n);
  const C = BigInt(LOG_TABLE[3 * j]! & 0x3ffff);
  const rho = mm * C - (1n << 40n);
  const K = BigInt(k + (j >= 256 ? 1 : 0));
  const r = rho << (W - 40n);
  let sum = 0n;
  let pw = r;
  for (let i = 1n; pw !== 0n; i++) {
    sum += (i & 1n ? pw : -pw) / i;
    pw = (pw * r) >> W;
  }
  return K * LN2_W + TX[j]! + sum;
}

/**
 * Every result the fast attempt `fast` decides (>= 0) is the correctly rounded one in all six modes and both tininess
 * settings (undecided words are answered by `full`, the whole function); and the fast path decides all but a few.
 */
export function expectDecidedCorrect(
  name: string,
  fast: (a: number) => number,
  full: (a: number) => number,
  words: readonly number[],
): void {
  let decided = 0;
  const call = (a: number): number => {
    const z = fast(a);
    if (z >= 0) {
      decided++;
      return z;
    }
    return full(a);
  };
  expect(mismatches(F32, name, call, words, MODES, [0, 1], 10)).toEqual([]);
  expect(decided).toBeGreaterThan(words.length * 11.9);
}

/**
 * The words (every `stride(mode)`-th, per mode) where a decided fast result differs from `full`'s, value or flags, in
 * each of the six modes; with `force`, `full` runs with every rounding sent to the slow path (zivStats.force).
 */
export function decidedDisagreements(
  fast: (a: number) => number,
  full: (a: number) => number,
  words: readonly number[],
  { stride = () => 1, force = false }: { stride?: (mode: number) => number; force?: boolean } = {},
): { bad: string[]; decided: number } {
  const saved = [env.roundingMode, env.flags] as const;
  const bad: string[] = [];
  let decided = 0;
  for (const mode of MODES) {
    env.roundingMode = mode as RoundingMode;
    const step = stride(mode);
    for (let i = 0; i < words.length; i += step) {
      const a = words[i]!;
      env.flags = 0;
      const z = fast(a);
      const f1 = env.flags;
      if (z < 0) continue;
      decided++;
      zivStats.force = force;
      env.flags = 0;
      let want: number;
      try {
        want = full(a);
      } finally {
        zivStats.force = false;
      }
      if (z !== want || f1 !== env.flags) {
        bad.push(`${a.toString(16)} mode ${mode}: ${z.toString(16)}/${f1} vs ${want.toString(16)}/${env.flags}`);
      }
    }
  }
  [env.roundingMode, env.flags] = saved;
  return { bad, decided };
}

/** On every 50th word, each decided fast result equals the full path's with every rounding forced to the slow path. */
export function expectDecidedEqualsForcedFull(
  fast: (a: number) => number,
  full: (a: number) => number,
  words: readonly number[],
): void {
  expect(decidedDisagreements(fast, full, words, { stride: () => 50, force: true }).bad.slice(0, 10)).toEqual([]);
}

/**
 * How often `fast` leaves a result undecided (-1) on a million random words of its domain and on a million values
 * uniform in [−half, half] (those in its domain), from a fixed seed: { words, missWords, missUniform }.
 */
export function undecidedCounts(
  fast: (a: number) => number,
  inDomain: (a: number) => boolean,
  half: number,
): { words: number; missWords: number; missUniform: number } {
  const next = rng(77);
  let words = 0;
  let missWords = 0;
  let missUniform = 0;
  for (let i = 0; i < 1_000_000; i++) {
    const a = next();
    if (inDomain(a)) {
      words++;
      if (fast(a) < 0) missWords++;
    }
    const b = f32Bits(((next() >>> 8) / 2 ** 24 - 0.5) * 2 * half);
    if (inDomain(b) && fast(b) < 0) missUniform++;
  }
  return { words, missWords, missUniform };
}
