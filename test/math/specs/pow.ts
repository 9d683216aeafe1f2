/**
 * Reference of pow(x, y) for the tests, and the machinery the two-operand functions (pow, hypot) share: a
 * per-pair reference that settles special operands by the IEEE 754-2019 tables, rounds the double approximation when
 * it is clearly away from every rounding boundary of the format (more than 2^-40 relative; the doubles here are
 * within a few units of 2^-53), and otherwise asks an exact BigInt computation; and the checks that run a
 * two-operand word over pairs of words in every rounding mode with exact flags.
 *
 * pow's BigInt reference is exact whenever x^y is a dyadic number (x = 2^e with e·y an integer; y > 0 and
 * x = w^(2^k) with y·2^k an odd integer n, giving w^n exactly — found with integer square roots, independently of
 * src/), and otherwise exp(y·ln|x|) from bigref.ts to far more bits than any rounding needs.
 */
import { env, type RoundingMode } from '../../../src/env/environment.js';
import { Failures, restore } from '../../support/exhaustive.js';
import { flagNames, hex, modeName } from '../../support/harness.js';
import { INVALID, decode, type Decoded, type Format, type Mode, MODES } from '../../reference/exact.js';
import { floorLog2, propagateFast, roundDouble, wordToDouble, type FastResult } from '../../reference/fast.js';
import * as B from '../bigref.js';
import { HUGE, TINY, exactValue, one, res, roundPrecise, type Precise } from '../reference.js';

const INFINITE = 0x08;

// ---------------------------------------------------------------------------------------------------------------
// Two-operand references

export interface PairSpec {
  /** The double approximation of f(x, y) for finite x, y (signed; ±Infinity and ±0 when beyond the double range). */
  dbl: (x: number, y: number) => number;
  /** Results that are not the rounding of a finite nonzero value (NaN, infinities, exact zeros, domain errors). */
  special: (fmt: Format, a: number, b: number) => FastResult | null;
  /** The exact or high-precision value for the other pairs. */
  precise: (fmt: Format, a: number, b: number) => Precise;
  /**
   * For finite x, y whose result is a number h of the format plus a sliver below 2^-27·|h| of sign dir (0: exactly
   * h): [h, dir]; else null. Rounded as h nudged by 2^-45 relative: h is a rounding boundary, the nearest other ones
   * are at least 2^-25·|h| away (p <= 24), so the nudged value and the exact one round alike, with the same flags.
   */
  near?: (x: number, y: number) => [number, number] | null;
}

/** |y| in half-ulps of fmt at y (finite, nonzero): the rounding boundaries are the integers. */
function halfUlps(fmt: Format, y: number): number {
  const ay = Math.abs(y);
  const L = Math.max(floorLog2(ay), fmt.emin);
  return ay * 2 ** (fmt.p - L);
}

function nearBoundary(fmt: Format, y: number): boolean {
  const ay = Math.abs(y);
  if (!(ay > 2 ** -900 && ay < 2 ** 900)) return true;
  const s = halfUlps(fmt, y);
  return Math.abs(s - Math.round(s)) <= s * 2 ** -40;
}

/**
 * A reference for one pair at a time: `prepare(a, b)` does the mode-independent work, `get(mode)` the rounding.
 * `slow` counts the pairs that needed the BigInt value.
 */
export class PairReference {
  slow = 0;
  private kind = 0; // 0 fixed, 1 double, 2 precise
  private fixed: FastResult = res(0);
  private d = 0;
  private p: Precise = TINY(0);

  constructor(
    readonly fmt: Format,
    readonly spec: PairSpec,
  ) {}

  prepare(a: number, b: number): void {
    const fmt = this.fmt;
    const s = this.spec.special(fmt, a, b);
    if (s) {
      this.kind = 0;
      this.fixed = s;
      return;
    }
    const x = wordToDouble(fmt, a);
    const y = wordToDouble(fmt, b);
    const h = this.spec.near?.(x, y);
    if (h) {
      this.kind = 1;
      this.d = h[0] + h[1] * Math.abs(h[0]) * 2 ** -45;
      return;
    }
    const z = this.spec.dbl(x, y);
    const az = Math.abs(z);
    if (az > 2 ** 900 || az < 2 ** -900) {
      // Far beyond the format's range (every format here ends within 2^±150); the double's sign is exact.
      this.kind = 1;
      this.d = (z > 0 || Object.is(z, 0) ? 1 : -1) * (az < 1 ? 2 ** -1000 : 2 ** 1000);
      return;
    }
    if (Number.isFinite(z) && !nearBoundary(fmt, z)) {
      this.kind = 1;
      this.d = z;
      return;
    }
    this.kind = 2;
    this.slow++;
    this.p = this.spec.precise(fmt, a, b);
  }

  get(mode: Mode): FastResult {
    if (this.kind === 0) return this.fixed;
    if (this.kind === 1) return roundDouble(this.fmt, this.d, mode);
    return roundPrecise(this.fmt, this.p, mode);
  }

  /** The double approximation of the last prepared pair (NaN for special ones). */
  approx(): number {
    return this.kind === 1 ? this.d : NaN;
  }
}

/** The NaN every NaN result becomes in default-NaN mode. */
function nanModeOf(fmt: Format, bits: number): number {
  return bits % fmt.signBit > fmt.expMask ? fmt.nanModeNaN : bits;
}

/**
 * Check `call` on every pair (h, w) and (w, h) for h in `hard` and w any of the 65,536 words, in every rounding mode
 * (tininess after rounding, 8086-SSE NaNs; and tininess before rounding with default NaNs whenever the two flag sets
 * differ, the result is a NaN, or for every 7th pair). Returns the number of pairs that needed the BigInt reference.
 */
export function exhaustivePairs16(
  fmt: Format,
  name: string,
  call: (a: number, b: number) => number,
  spec: PairSpec,
  hard: readonly number[],
  modes: readonly Mode[] = MODES,
): number {
  const ref = new PairReference(fmt, spec);
  const fails = new Failures();
  const op = `${fmt.name}_${name}`;
  let i = 0;
  const check = (a: number, b: number): void => {
    ref.prepare(a, b);
    for (const mode of modes) {
      const r = ref.get(mode);
      env.roundingMode = mode as RoundingMode;
      env.tininess = 1;
      env.nanMode = 0;
      env.flags = 0;
      let got = call(a, b);
      if (got !== r.bits || env.flags !== r.flagsAfter) {
        const flags = env.flags;
        fails.add(() => `${op}(${hex(fmt, a)}, ${hex(fmt, b)}) mode=${modeName(mode)} tininess=after: got ${hex(fmt, got)} ${flagNames(flags)}, expected ${hex(fmt, r.bits)} ${flagNames(r.flagsAfter)}`);
      }
      const isNaN = r.bits % fmt.signBit > fmt.expMask;
      if (r.flagsBefore !== r.flagsAfter || isNaN || i % 7 === 0) {
        env.tininess = 0;
        env.nanMode = 1;
        env.flags = 0;
        got = call(a, b);
        const bits = nanModeOf(fmt, r.bits);
        if (got !== bits || env.flags !== r.flagsBefore) {
          const flags = env.flags;
          fails.add(() => `${op}(${hex(fmt, a)}, ${hex(fmt, b)}) mode=${modeName(mode)} tininess=before nan=default: got ${hex(fmt, got)} ${flagNames(flags)}, expected ${hex(fmt, bits)} ${flagNames(r.flagsBefore)}`);
        }
      }
    }
    i++;
  };
  for (const h of hard) {
    for (let w = 0; w < 0x10000; w++) {
      check(h, w);
      check(w, h);
    }
  }
  restore();
  fails.check(op);
  return ref.slow;
}

/** The words of a format for the values given (exact or rounded to nearest), both signs when `signs`. */
export function wordsOf(fmt: Format, values: readonly number[], signs = true): number[] {
  const out = new Set<number>();
  for (const v of values) {
    const w = roundDouble(fmt, Math.abs(v), 0).bits;
    out.add(w);
    if (signs) out.add(w + fmt.signBit);
    else if (v < 0) out.add(w + fmt.signBit);
  }
  return [...out];
}

/** Boundary words of every format: zeros, subnormal and normal extremes, ±1 and its neighbours, infinities, NaNs. */
export function edgeWords(fmt: Format): number[] {
  const s = fmt.signBit;
  const one = fmt.bias * 2 ** (fmt.p - 1);
  const base = [0, 1, fmt.quietBit - 1, 2 ** (fmt.p - 1) - 1, 2 ** (fmt.p - 1), fmt.maxFinite, fmt.posInf, one - 1, one, one + 1];
  const out = base.flatMap((w) => [w, w + s]);
  // NaNs: quiet, signaling, with and without payload, both signs.
  out.push(fmt.posInf + fmt.quietBit, fmt.posInf + fmt.quietBit + 5 + s, fmt.posInf + 1, fmt.posInf + 3 + s);
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// pow

/** Compare |x| (finite) with 1. */
function cmpOne(d: Decoded): number {
  if (d.kind === 'zero') return -1;
  const v = d.e >= 0 ? d.m << BigInt(d.e) : d.m;
  const o = d.e >= 0 ? 1n : 1n << BigInt(-d.e);
  return v > o ? 1 : v < o ? -1 : 0;
}

/** 0 not an integer, 1 even integer, 2 odd integer (finite nonzero y). */
function integerKind(d: Decoded): number {
  if (d.e >= 1) return 1;
  if (d.e === 0) return d.m % 2n === 1n ? 2 : 1;
  const den = 1n << BigInt(-d.e);
  if (d.m % den !== 0n) return 0;
  return (d.m / den) % 2n === 1n ? 2 : 1;
}

export function powSpecial(fmt: Format, a: number, b: number): FastResult | null {
  const x = decode(fmt, a);
  const y = decode(fmt, b);
  const ONE = one(fmt);
  if (y.kind === 'zero') return x.kind === 'nan' && x.signaling ? propagateFast(fmt, a, b) : res(ONE);
  if (a === ONE) return y.kind === 'nan' && y.signaling ? propagateFast(fmt, a, b) : res(ONE);
  if (x.kind === 'nan' || y.kind === 'nan') return propagateFast(fmt, a, b);
  if (y.kind === 'inf') {
    const c = x.kind === 'inf' ? 1 : cmpOne(x);
    if (c === 0) return res(ONE);
    return (c < 0) === (y.sign === 0) ? res(0) : res(fmt.posInf);
  }
  const kind = integerKind(y);
  const negative = x.sign === 1 && kind === 2;
  const sgn = negative ? fmt.signBit : 0;
  if (x.kind === 'inf') return res(sgn + (y.sign ? 0 : fmt.posInf));
  if (x.kind === 'zero') return y.sign ? res(sgn + fmt.posInf, INFINITE) : res(sgn);
  if (x.sign && kind === 0) return res(fmt.defaultNaN, INVALID);
  if (cmpOne(x) === 0) return res(sgn + ONE);
  return null;
}

function trailingZeros(m: bigint): number {
  let n = 0;
  while ((m & 1n) === 0n) {
    m >>= 1n;
    n++;
  }
  return n;
}

/** ln|x| of the operands seen, by |x| (the BigInt logarithm is the slow part of the reference). */
const LN_MEMO = new Map<string, B.BF>();

/** The exact or settled value of |x|^y with the sign of the result, for finite nonzero x ≠ ±1 and y. */
export function powPrecise(fmt: Format, a: number, b: number): Precise {
  const x = decode(fmt, a);
  const y = decode(fmt, b);
  const sign = x.sign === 1 && integerKind(y) === 2 ? 1 : 0;
  const tzx = trailingZeros(x.m);
  const m = x.m >> BigInt(tzx);
  const e = x.e + tzx;
  const tzy = trailingZeros(y.m);
  const n = y.m >> BigInt(tzy);
  const k = -(y.e + tzy);
  const t = wordToDouble(fmt, b) * Math.log2(Math.abs(wordToDouble(fmt, a)));
  // Far beyond every format's range (binary32 and bfloat16 end near 2^±150), and y·log2|x| is good to many bits.
  if (t > 400) return HUGE(sign);
  if (t < -400) return TINY(sign);
  if (m === 1n) {
    // |x| = 2^e: exact when e·y is an integer.
    const num = BigInt(e) * n * (y.sign ? -1n : 1n);
    if (k <= 0) return exactValue(sign, 1n, Number(num << BigInt(-k)));
    const den = 1n << BigInt(k);
    if (num % den === 0n) return exactValue(sign, 1n, Number(num / den));
  } else if (!y.sign) {
    if (k <= 0) {
      const N = n << BigInt(-k);
      if (N * BigInt(B.bitLength(m)) < 1n << 24n) return exactValue(sign, m ** N, e * Number(N));
    } else if (k < 8 && e % 2 ** k === 0) {
      let u = m;
      let perfect = true;
      for (let i = 0; i < k && perfect; i++) {
        const r = B.isqrt(u);
        perfect = r * r === u;
        u = r;
      }
      if (perfect && n * BigInt(B.bitLength(u)) < 1n << 24n) return exactValue(sign, u ** n, (e / 2 ** k) * Number(n));
    }
  }
  // |y·ln|x|| < 2^-60: e^t lies strictly between 1 and 1 + 2^-59 (or 1 − 2^-59 and 1), which every format rounds
  // like 1 plus (minus) a sticky bit; the sign of t is exact.
  const tl = wordToDouble(fmt, b) * Math.log(Math.abs(wordToDouble(fmt, a)));
  if (Math.abs(tl) < 2 ** -60) return { sign, q: tl > 0 ? 1n << 240n : (1n << 240n) - 1n, E: -240, exact: false };
  const key = `${x.m}:${x.e}`;
  let lx = LN_MEMO.get(key);
  if (!lx) {
    lx = B.log({ m: x.m, e: x.e });
    LN_MEMO.set(key, lx);
  }
  const r = B.exp(B.mul({ m: y.sign ? -y.m : y.m, e: y.e }, lx));
  const s = B.settle(r);
  return { sign, q: s.q, E: s.E, exact: false };
}

export const POW: PairSpec = {
  dbl: (x, y) => Math.pow(x, y),
  // x^y = e^t with |t| = |y·ln x| < 2^-60 (x > 0 here: a negative x needs an integer y): 1 and the sign of t.
  near: (x, y) => {
    if (x <= 0 || x === 1) return null;
    const t = y * Math.log(x);
    return Math.abs(t) < 2 ** -60 ? [1, Math.sign(t)] : null;
  },
  special: powSpecial,
  precise: powPrecise,
};

// ---------------------------------------------------------------------------------------------------------------
// binary32 samples

export interface PairStats {
  checked: number;
  /** Results (or flags) that differ from the correctly rounded ones. */
  wrong: number;
  /** Largest error in ulps against the double value (round to nearest only). */
  maxUlp: number;
  worst: string;
  slow: number;
  /** The first few wrong results, described. */
  lines: string[];
}

/** ulp of the binary32 grid at |y| (subnormal spacing below 2^-126). */
function ulpF32(y: number): number {
  const ay = Math.abs(y);
  if (ay < 2 ** -126) return 2 ** -149;
  return 2 ** (floorLog2(ay) - 23);
}

const F32_VIEW = new Float32Array(1);
const U32_VIEW = new Uint32Array(F32_VIEW.buffer);
export function f32Value(w: number): number {
  U32_VIEW[0] = w;
  return F32_VIEW[0]!;
}
export function f32Word(x: number): number {
  F32_VIEW[0] = x;
  return U32_VIEW[0]!;
}

/**
 * Check a binary32 two-operand word on pairs (words[2i], words[2i+1]) in the given modes (tininess after rounding):
 * counts results or flags that differ from the correctly rounded ones and measures the largest error in ulps of the
 * round-to-nearest results against the double value.
 */
export function checkPairsF32(
  fmt: Format,
  name: string,
  call: (a: number, b: number) => number,
  spec: PairSpec,
  words: Uint32Array,
  modes: readonly Mode[],
): PairStats {
  const ref = new PairReference(fmt, spec);
  const stats: PairStats = { checked: 0, wrong: 0, maxUlp: 0, worst: '', slow: 0, lines: [] };
  for (let i = 0; i + 1 < words.length; i += 2) {
    const a = words[i]!;
    const b = words[i + 1]!;
    ref.prepare(a, b);
    for (const mode of modes) {
      const r = ref.get(mode);
      env.roundingMode = mode as RoundingMode;
      env.tininess = 1;
      env.nanMode = 0;
      env.flags = 0;
      const got = call(a, b);
      stats.checked++;
      if (got !== r.bits || env.flags !== r.flagsAfter) {
        stats.wrong++;
        if (stats.lines.length < 12) {
          stats.lines.push(`f32_${name}(${hex(fmt, a)}, ${hex(fmt, b)}) = (${f32Value(a)}, ${f32Value(b)}) mode=${modeName(mode)}: got ${hex(fmt, got)} ${flagNames(env.flags)}, expected ${hex(fmt, r.bits)} ${flagNames(r.flagsAfter)}`);
        }
      }
      if (mode === 0 && (got & 0x7f800000) !== 0x7f800000) {
        const z = spec.dbl(f32Value(a), f32Value(b));
        if (Number.isFinite(z) && z !== 0) {
          const u = Math.abs(f32Value(got) - z) / ulpF32(z);
          if (u > stats.maxUlp) {
            stats.maxUlp = u;
            stats.worst = `(${hex(fmt, a)}, ${hex(fmt, b)})`;
          }
        }
      }
    }
  }
  restore();
  stats.slow = ref.slow;
  return stats;
}
