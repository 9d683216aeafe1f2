/**
 * Shared checks of the elementary-function tests: exhaustive runs over the 16-bit formats, biased samples of
 * binary32 words, ulp-error measurement, the slow path, kernel error bounds and the reference's self-check.
 * Checks that only one family of functions shares live in support/<family>.ts.
 */
import { describe, expect, it } from 'vitest';
import { env, type RoundingMode, type Tininess } from '../../src/env/environment.js';
import { canonicalNaNBF16, canonicalNaNF16, canonicalNaNF32 } from '../../src/formats/specialize.js';
import { ALL16, Failures, restore } from '../support/exhaustive.js';
import { flagNames, hex, modeName } from '../support/harness.js';
import { BF16, F16, F32, MODES, type Format, type Mode } from '../reference/exact.js';
import { R } from '../../src/math/kernels/fixed.js';
import { FX, fx } from '../../src/math/kernels/float.js';
import { zivStats } from '../../src/math/kernels/round.js';
import { wordToDouble } from '../reference/fast.js';
import type { BF } from './bigref.js';
import { doubleOf, makeReference, preciseResult, type MathName } from './reference.js';

export { ALL16 };

/** The NaN every NaN result becomes in default-NaN mode (specialize.ts decides it; these tests follow it). */
export function defaultModeNaN(fmt: Format): number {
  return fmt.name === 'f32' ? canonicalNaNF32 : fmt.name === 'f16' ? canonicalNaNF16 : canonicalNaNBF16;
}

/**
 * Every one of the 65,536 words in every rounding mode. Tininess after rounding with 8086-SSE NaNs for every word;
 * tininess before rounding with default NaNs for every word whose two expected flag sets differ, every word with a
 * NaN result and every 7th word.
 */
export function exhaustive16(fmt: Format, fn: MathName, call: (a: number) => number, modes: readonly Mode[] = MODES): void {
  const ref = makeReference(fmt, fn);
  const op = `${fmt.name}_${fn}`;
  const fails = new Failures();
  const dnan = defaultModeNaN(fmt);
  for (const mode of modes) {
    for (let a = 0; a < 0x10000; a++) {
      const r = ref(a, mode);
      env.roundingMode = mode as RoundingMode;
      env.tininess = 1;
      env.nanMode = 0;
      env.flags = 0;
      let got = call(a);
      if (got !== r.bits || env.flags !== r.flagsAfter) {
        fails.add(`${op}(${hex(fmt, a)}) mode=${modeName(mode)} tininess=after: got ${hex(fmt, got)} ${flagNames(env.flags)}, expected ${hex(fmt, r.bits)} ${flagNames(r.flagsAfter)}`);
      }
      const isNaN = r.bits % fmt.signBit > fmt.expMask;
      if (r.flagsBefore !== r.flagsAfter || isNaN || a % 7 === 0) {
        env.tininess = 0;
        env.nanMode = 1;
        env.flags = 0;
        got = call(a);
        const bits = isNaN ? dnan : r.bits;
        if (got !== bits || env.flags !== r.flagsBefore) {
          fails.add(`${op}(${hex(fmt, a)}) mode=${modeName(mode)} tininess=before nan=default: got ${hex(fmt, got)} ${flagNames(env.flags)}, expected ${hex(fmt, bits)} ${flagNames(r.flagsBefore)}`);
        }
      }
    }
  }
  restore();
  fails.check(op);
}

/** A deterministic generator (xorshift32) so that failures reproduce. */
export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s;
  };
}

const f32buf = new Float32Array(1);
const u32buf = new Uint32Array(f32buf.buffer);
export function f32Bits(x: number): number {
  f32buf[0] = x;
  return u32buf[0]!;
}
export function f32Value(b: number): number {
  u32buf[0] = b;
  return f32buf[0]!;
}

/**
 * Binary32 words biased to where a function is hard: for each region [lo, hi] (doubles) a share of words drawn
 * uniformly among the binary32 words between them (a region that straddles zero is drawn half from each side), and
 * uniform random words for the rest.
 */
export function biasedF32(count: number, regions: readonly (readonly [number, number])[], seed = 12345): Uint32Array {
  const next = rng(seed);
  const out = new Uint32Array(count);
  const share = Math.floor(count / (regions.length + 1));
  let k = 0;
  const span = (lo: number, hi: number): [number, number] => {
    const a = f32Bits(lo);
    const b = f32Bits(hi);
    return [Math.min(a, b), Math.abs(a - b) + 1];
  };
  for (const [lo, hi] of regions) {
    const parts = lo < 0 && hi > 0 ? [span(lo, -0), span(0, hi)] : [span(lo, hi)];
    for (let i = 0; i < share; i++) {
      const [min, n] = parts[i % parts.length]!;
      out[k++] = min + (next() % n);
    }
  }
  while (k < count) out[k++] = next();
  return out;
}

/** ulp of the binary32 grid at |y| (the spacing of binary32 numbers there, subnormal spacing below 2^-126). */
export function ulpF32(y: number): number {
  const ay = Math.abs(y);
  if (ay < 2 ** -126) return 2 ** -149;
  const e = Math.floor(Math.log2(ay));
  const adj = 2 ** e > ay ? e - 1 : 2 ** (e + 1) <= ay ? e + 1 : e;
  return 2 ** (adj - 23);
}

export interface F32Stats {
  checked: number;
  wrong: number;
  maxUlp: number;
  worst: number;
  slow: number;
}

/**
 * Check binary32 results on the given words in the given modes against the reference: counts results that are not
 * correctly rounded (or whose flags differ) and measures the largest error in ulps against the double value
 * (round to nearest only; directed modes are checked for correct rounding and flags).
 */
export function checkF32(
  fn: MathName,
  call: (a: number) => number,
  words: Uint32Array,
  modes: readonly Mode[],
  wantCorrect: boolean,
  maxUlpAllowed: number,
): F32Stats {
  const ref = makeReference(F32, fn);
  const fails = new Failures();
  let wrong = 0;
  let maxUlp = 0;
  let worst = 0;
  let checked = 0;
  for (const mode of modes) {
    env.roundingMode = mode as RoundingMode;
    env.tininess = 1;
    for (let i = 0; i < words.length; i++) {
      const a = words[i]!;
      const r = ref(a, mode);
      env.flags = 0;
      const got = call(a);
      checked++;
      if (got !== r.bits || env.flags !== r.flagsAfter) {
        wrong++;
        const line = `${fn}(${hex(F32, a)} = ${f32Value(a)}) mode=${modeName(mode)}: got ${hex(F32, got)} ${flagNames(
          env.flags,
        )}, expected ${hex(F32, r.bits)} ${flagNames(r.flagsAfter)}`;
        if (wantCorrect) fails.add(line);
      }
      if (mode === 0 && (got & 0x7f800000) !== 0x7f800000) {
        const y = doubleOf(fn, wordToDouble(F32, a));
        if (Number.isFinite(y)) {
          const u = Math.abs(f32Value(got) - y) / ulpF32(y);
          if (u > maxUlp) {
            maxUlp = u;
            worst = a;
          }
        }
      }
    }
  }
  restore();
  if (wantCorrect) fails.check(`f32_${fn}`);
  expect(maxUlp, `f32_${fn} worst at ${hex(F32, worst)}`).toBeLessThanOrEqual(maxUlpAllowed);
  return { checked, wrong, maxUlp, worst, slow: ref.slowCount() };
}

export { MODES };

/** The three precisions of one function, each a binary word in, a binary word out. */
export type MathOps = { f32: (a: number) => number; f16: (a: number) => number; bf16: (a: number) => number };

/**
 * A million binary32 words biased to `regions` (the first 4,000 from `tinyRegion`, which most functions handle on a
 * path of their own) checked in round to nearest with the ulp error bounded by `maxUlp`, and the first 100,000 of them
 * in the five other modes. `wantCorrect` makes checkF32 itself fail with the first wrong results. Returns how many
 * results were not correctly rounded (or had other flags).
 */
export function biasedMillionF32(
  fn: MathName,
  call: (a: number) => number,
  regions: readonly (readonly [number, number])[],
  tinyRegion: readonly [number, number],
  wantCorrect: boolean,
  maxUlp: number,
): number {
  const words = biasedF32(1_000_000, regions);
  words.set(biasedF32(4000, [tinyRegion], 7), 0);
  const nearest = checkF32(fn, call, words, [0], wantCorrect, maxUlp);
  const directed = checkF32(fn, call, words.subarray(0, 100_000), MODES.slice(1), wantCorrect, Infinity);
  return nearest.wrong + directed.wrong;
}

/**
 * The standard suite of one function: all 65,536 words of binary16 and bfloat16 in every rounding mode, and a million
 * biased binary32 words (round to nearest, and 100,000 of them in the five other modes).
 */
export function mathSuite(
  fn: MathName,
  ops: MathOps,
  regions: readonly (readonly [number, number])[],
  tinyRegion: readonly [number, number],
  f32Correct = true,
  f32MaxUlp = 0.5,
): void {
  describe(fn, () => {
    it('f16: every word, every rounding mode, correctly rounded with exact flags', () => {
      exhaustive16(F16, fn, ops.f16);
    });
    it('bf16: every word, every rounding mode, correctly rounded with exact flags', () => {
      exhaustive16(BF16, fn, ops.bf16);
    });
    it(`f32: a million words biased to the hard regions, ${f32Correct ? 'correctly rounded in every mode' : `within ${f32MaxUlp} ulp`}`, () => {
      const wrong = biasedMillionF32(fn, ops.f32, regions, tinyRegion, f32Correct, f32MaxUlp);
      if (f32Correct) expect(wrong).toBe(0);
    });
  });
}

/**
 * exhaustive16, and no word took the slow path: in the functions that have one it exists for binary32, and every
 * 16-bit result must be decided by the fast rounding.
 */
export function exhaustive16Decided(fmt: Format, fn: MathName, call: (a: number) => number): void {
  const before = zivStats.hard;
  exhaustive16(fmt, fn, call);
  expect(zivStats.hard - before).toBe(0);
}

/** exhaustive16Decided for binary16 and bfloat16, a test each. */
export function exhaustive16DecidedTests(fn: MathName, ops: Pick<MathOps, 'f16' | 'bf16'>): void {
  it('f16: every word, every rounding mode, correctly rounded with exact flags, never undecided', () => {
    exhaustive16Decided(F16, fn, ops.f16);
  });
  it('bf16: every word, every rounding mode, correctly rounded with exact flags, never undecided', () => {
    exhaustive16Decided(BF16, fn, ops.bf16);
  });
}

/**
 * The words among `words` on which `fn` differs from the reference (result or flags) in `modes`, with tininess
 * detected after rounding or, given `tininesses`, in each of those settings; as messages, the first `limit` of them.
 */
export function mismatches(
  fmt: Format,
  fn: MathName,
  call: (a: number) => number,
  words: ArrayLike<number>,
  modes: readonly number[],
  tininesses: readonly Tininess[] = [1],
  limit = Infinity,
): string[] {
  const ref = makeReference(fmt, fn);
  const fails: string[] = [];
  for (const mode of modes) {
    for (let i = 0; i < words.length; i++) {
      const a = words[i]!;
      const r = ref(a, mode as Mode);
      for (const tininess of tininesses) {
        env.roundingMode = mode as RoundingMode;
        env.tininess = tininess;
        env.flags = 0;
        const got = call(a);
        const want = tininess ? r.flagsAfter : r.flagsBefore;
        if ((got !== r.bits || env.flags !== want) && fails.length < limit) {
          fails.push(
            `${fmt.name}_${fn}(${hex(fmt, a)}) ${modeName(mode)} tininess=${tininess}: ` +
              `got ${hex(fmt, got)} ${flagNames(env.flags)}, expected ${hex(fmt, r.bits)} ${flagNames(want)}`,
          );
        }
      }
    }
  }
  restore();
  return fails;
}

/**
 * The slow path of a function with one (kernels/slow.ts): forced for every rounding it must agree with the reference
 * (binary32 words biased to `f32Regions` in three modes, 16-bit samples), and no 16-bit word may ever need it.
 */
export function slowPathSuite(fn: MathName, ops: MathOps, f32Regions: readonly (readonly [number, number])[]): void {
  describe(`${fn}: the slow path`, () => {
    it('forced for every rounding, agrees with the reference (binary32 in three modes, 16-bit samples)', () => {
      zivStats.force = true;
      const hard0 = zivStats.hard;
      const fails = mismatches(F32, fn, ops.f32, biasedF32(1500, f32Regions, 99), [0, 2, 3]);
      const next = rng(7);
      const words16 = Array.from({ length: 3000 }, () => next() & 0xffff);
      fails.push(...mismatches(F16, fn, ops.f16, words16, [0, 1, 6]), ...mismatches(BF16, fn, ops.bf16, words16, [0, 2, 4]));
      expect(fails.slice(0, 10), `${fails.length} mismatches`).toEqual([]);
      expect(zivStats.hard - hard0).toBeGreaterThan(1000);
    });

    it('is never needed by the 16-bit formats (every word, every mode)', () => {
      const hard0 = zivStats.hard;
      for (const mode of MODES) {
        env.roundingMode = mode as RoundingMode;
        for (let a = 0; a < 0x10000; a++) {
          ops.f16(a);
          ops.bf16(a);
        }
      }
      expect(zivStats.hard - hard0).toBe(0);
    });
  });
}

/** |fx − exact| in units of the float register's last place, beside fx.err (the bound the kernel claims). */
export function boundHolds(exact: BF): [number, number] {
  const sig = (BigInt(R[FX]!) << 32n) | BigInt(R[FX + 1]!);
  const d = exact.e - (fx.e - 63);
  const m = exact.m < 0n ? -exact.m : exact.m;
  const scaled = d >= 0 ? m << BigInt(d) : m >> BigInt(-d);
  const diff = scaled - sig;
  // One more unit for the floor of the exact value.
  return [Number(diff < 0n ? -diff : diff) - 1, fx.err];
}

/**
 * Runs `kernel` on each binary32 word of `words` (sign dropped) that `inDomain` admits, as x = m·2^E with the hidden
 * bit in m, and lists the words where the float register is further from `exact` than the error the kernel claims.
 */
export function kernelBoundFailures(
  words: Iterable<number>,
  inDomain: (x: number) => boolean,
  kernel: (m: number, E: number, x: number) => void,
  exact: (v: BF) => BF,
): string[] {
  const bad: string[] = [];
  for (const a of words) {
    const x = a & 0x7fffffff;
    if (!inDomain(x)) continue;
    const m = (x & 0x7fffff) | 0x800000;
    const E = (x >>> 23) - 150;
    kernel(m, E, x);
    const [u, err] = boundHolds(exact({ m: BigInt(m), e: E }));
    if (u > err) bad.push(`${hex(F32, x)}: ${u} units > ${err}`);
  }
  return bad;
}

/** Each row [mode, a, result, flags]: the binary32 `call` on a in that mode gives exactly that result and those flags. */
export function expectF32Cases(call: (a: number) => number, cases: readonly (readonly [number, number, number, number])[]): void {
  for (const [mode, a, want, flags] of cases) {
    env.roundingMode = mode as RoundingMode;
    env.flags = 0;
    const got = call(a);
    expect([hex(F32, a), mode, hex(F32, got), env.flags]).toEqual([hex(F32, a), mode, hex(F32, want), flags]);
  }
}

/** Each row [a, result, flags]: in round to nearest the binary32 `call` on a gives that result, then those flags. */
export function expectF32Specials(call: (a: number) => number, cases: readonly (readonly [number, number, number])[]): void {
  env.roundingMode = 0;
  for (const [a, want, flags] of cases) {
    env.flags = 0;
    expect(hex(F32, call(a))).toBe(hex(F32, want));
    expect(env.flags).toBe(flags);
  }
}

/**
 * Where the double-based reference of `fn` and the BigInt one disagree (result or either flag set) on 150 binary32
 * words biased to `regions`, every mode: the tests trust the fast one, which hands only values near a rounding
 * boundary to the BigInt one.
 */
export function referenceDisagreements(fn: MathName, regions: readonly (readonly [number, number])[]): string[] {
  const ref = makeReference(F32, fn);
  const bad: string[] = [];
  for (const a of biasedF32(150, regions, 5)) {
    for (const mode of MODES) {
      const fast = ref(a, mode);
      const exact = preciseResult(F32, fn, a, mode);
      if (fast.bits !== exact.bits || fast.flagsAfter !== exact.flagsAfter || fast.flagsBefore !== exact.flagsBefore) {
        bad.push(`${fn}(${hex(F32, a)}) mode ${mode}: double ${hex(F32, fast.bits)}, BigInt ${hex(F32, exact.bits)}`);
      }
    }
  }
  return bad;
}

/** referenceDisagreements as a suite of its own, expecting none. */
export function referenceSelfCheckSuite(fn: MathName, regions: readonly (readonly [number, number])[]): void {
  describe(`${fn}: reference self-check (doubles against BigInt)`, () => {
    it('150 binary32 words, every mode', () => {
      expect(referenceDisagreements(fn, regions)).toEqual([]);
    });
  });
}

/** A finite binary32 word as the exact m·2^e the BigInt references take. */
export function f32WordToBF(a: number): BF {
  const exp = (a >>> 23) & 0xff;
  const m = BigInt((a & 0x7fffff) | (exp !== 0 ? 0x800000 : 0));
  return { m: a >>> 31 ? -m : m, e: Math.max(exp, 1) - 150 };
}

/** m·2^e as a double, from the leading 60 or so bits of m (more than a double holds). */
export function bfToDouble(v: BF): number {
  const L = v.m.toString(2).length;
  const sh = Math.max(0, L - 60);
  return Number(v.m >> BigInt(sh)) * 2 ** (v.e + sh);
}
