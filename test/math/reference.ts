/**
 * Reference results of the elementary functions for every format and rounding mode, with flags.
 *
 * Fast path: the double from Math.* (or a short formula of them), correct to a few units of 2^-53, is rounded to
 * the format by definition (test/reference/fast.ts) unless it lies within 2^-40 (relative) of a rounding boundary
 * of the format (a representable number or a midpoint); those inputs, and any whose double overflowed or
 * underflowed, go to the BigInt reference (bigref.ts), which rounds exactly (test/reference/exact.ts) and throws
 * rather than guess when even 2^-260 does not separate the value from a boundary. Exact results (exp2 of an
 * integer, log2 of a power of two, …) are recognized as such first.
 */
import { BF16, F16, F32, INEXACT, INVALID, decode, roundToFormat, type Decoded, type Format, type Mode } from '../reference/exact.js';
import { floorLog2, propagateFast, roundDouble, wordToDouble, type FastResult } from '../reference/fast.js';
import * as B from './bigref.js';

export { BF16, F16, F32 };

const INFINITE = 0x08;

/** A function name as the TestFloat driver spells it after the format prefix (`exp`, `tanh`, …). */
export type MathName = string;

/** A finite reference value: either exact (sign·q·2^E) or strictly between q·2^E and (q+1)·2^E. */
export interface Precise {
  sign: number;
  q: bigint;
  E: number;
  exact: boolean;
}

export function exactValue(sign: number, q: bigint, E: number): Precise {
  return { sign, q, E, exact: true };
}

export function settled(a: B.BF): Precise {
  return { ...B.settle(a), exact: false };
}

/** Strictly between q·2^E and (q+1)·2^E with q = |a| scaled to 240 bits: for a value known to be just above |a|. */
export function justAbove(sign: number, a: B.BF): Precise {
  const m = a.m < 0n ? -a.m : a.m;
  const sh = 240 - B.bitLength(m);
  return { sign, q: sh >= 0 ? m << BigInt(sh) : m >> BigInt(-sh), E: a.e - sh, exact: false };
}

export function fromInt(n: number): B.BF {
  return { m: BigInt(n), e: 0 };
}

export function isInteger(d: Decoded): boolean {
  return d.e >= 0 || d.m % (1n << BigInt(-d.e)) === 0n;
}

export function intValue(d: Decoded): number {
  return Number(d.e >= 0 ? d.m << BigInt(d.e) : d.m >> BigInt(-d.e)) * (d.sign ? -1 : 1);
}

/** If the finite positive x is 2^k, k; else null. */
export function log2Exact(d: Decoded): number | null {
  if ((d.m & (d.m - 1n)) !== 0n) return null;
  return B.bitLength(d.m) - 1 + d.e;
}

export interface Spec {
  /** The double approximation (for finite nonzero x, and x = 0 where not special). */
  dbl: (x: number) => number;
  /**
   * For tiny |x|, where the result is a simple number h (1, 1/2 or x) plus a sliver: [h, sliver as a double, sign of
   * the exact sliver] (the sliver's double may underflow to zero; its sign may not). h plus the sliver's double must
   * be within 2^-50 relative of the result. The threshold is each spec's: 2^-20, or 2^-12 for the series whose second
   * term is x² relative (sin, cos, tan, their inverses and hyperbolic kin), where the double alone stays within 2^-40
   * of x or 1 up to about 2^-18.7 and would leave that whole band to the BigInt reference.
   */
  pair?: (x: number) => [number, number, number] | null;
  /** The result is positive for every finite x (so a double 0 is an underflow). */
  positive?: boolean;
  /** A double ±∞ is an overflow of a finite result (not a pole). */
  overflows?: boolean;
  /** The exact / high-precision value for finite x. */
  precise: (d: Decoded, x: B.BF) => Precise;
  /** Results that are not a rounding of a finite value, or are exact by definition. */
  special: (fmt: Format, d: Decoded) => FastResult | null;
}

export const TINY = (sign: number): Precise => ({ sign, q: 1n << 240n, E: -2000, exact: false });
export const HUGE = (sign: number): Precise => ({ sign, q: 1n << 240n, E: 1000, exact: false });

/** Strictly between 1 − 2^-240 and 1: what tanh, sigmoid and expm1 round like far out. */
export function oneMinusTiny(sign: number): Precise {
  return { sign, q: (1n << 240n) - 1n, E: -240, exact: false };
}

/** floor(log2 |x|) + 1 for a finite nonzero x. */
export function mag(d: Decoded): number {
  return B.bitLength(d.m) + d.e;
}

export function res(bits: number, flags = 0): FastResult {
  return { bits, flagsBefore: flags, flagsAfter: flags };
}

export function one(fmt: Format): number {
  return fmt.bias * 2 ** (fmt.p - 1);
}

export function half(fmt: Format): number {
  return (fmt.bias - 1) * 2 ** (fmt.p - 1);
}

export const signBitOf = (fmt: Format, sign: number) => (sign ? fmt.signBit : 0);

/** NaN and domain handling common to the exp-like functions: f(+∞), f(−∞), f(±0). */
export function expLike(pInf: 'inf' | 'one', nInf: 'zero' | 'minusOne' | 'minusInf', zero: 'one' | 'same' | 'half' | 'none') {
  return (fmt: Format, d: Decoded): FastResult | null => {
    if (d.kind === 'nan') return propagateFast(fmt, d.bits, 0);
    if (d.kind === 'inf') {
      if (d.sign === 0) return res(pInf === 'inf' ? fmt.posInf : one(fmt));
      if (nInf === 'zero') return res(0);
      if (nInf === 'minusOne') return res(fmt.signBit + one(fmt));
      return res(fmt.signBit + fmt.posInf);
    }
    if (d.kind === 'zero') {
      if (zero === 'one') return res(one(fmt));
      if (zero === 'same') return res(d.bits);
      if (zero === 'half') return res(half(fmt));
    }
    return null;
  };
}

/** NaN and domain handling of the logarithms: log(±0) = −∞ (divide by zero), log(x < 0) invalid, log(+∞) = +∞. */
export function logLike(pole: 'zero' | 'minusOne') {
  return (fmt: Format, d: Decoded): FastResult | null => {
    if (d.kind === 'nan') return propagateFast(fmt, d.bits, 0);
    if (pole === 'zero') {
      if (d.kind === 'zero') return res(fmt.signBit + fmt.posInf, INFINITE);
      if (d.sign) return res(fmt.defaultNaN, INVALID);
      if (d.kind === 'inf') return res(fmt.posInf);
      return null;
    }
    if (d.kind === 'zero') return res(d.bits);
    if (d.kind === 'inf') return d.sign ? res(fmt.defaultNaN, INVALID) : res(fmt.posInf);
    if (d.sign && d.m << BigInt(Math.max(0, d.e)) >= 1n << BigInt(Math.max(0, -d.e))) {
      // x <= −1
      const isMinusOne = d.e <= 0 && d.m === 1n << BigInt(-d.e);
      return isMinusOne ? res(fmt.signBit + fmt.posInf, INFINITE) : res(fmt.defaultNaN, INVALID);
    }
    return null;
  };
}

const BUILTIN: Record<string, Spec> = {
  exp: {
    overflows: true,
    positive: true,
    dbl: Math.exp,
    pair: (x) => (Math.abs(x) < 2 ** -20 ? [1, Math.expm1(x), Math.sign(x)] : null),
    precise: (d, x) => (mag(d) > 10 ? (d.sign ? TINY(0) : HUGE(0)) : settled(B.exp(x))),
    special: expLike('inf', 'zero', 'one'),
  },
  exp2: {
    overflows: true,
    positive: true,
    dbl: (x) => 2 ** x,
    pair: (x) => (Math.abs(x) < 2 ** -20 ? [1, Math.expm1(x * Math.LN2), Math.sign(x)] : null),
    precise: (d, x) => {
      if (mag(d) > 11) return d.sign ? TINY(0) : HUGE(0);
      if (isInteger(d)) return exactValue(0, 1n, intValue(d));
      return settled(B.exp(B.mul(x, B.LN2)));
    },
    special: expLike('inf', 'zero', 'one'),
  },
  exp10: {
    overflows: true,
    positive: true,
    dbl: (x) => 10 ** x,
    pair: (x) => (Math.abs(x) < 2 ** -20 ? [1, Math.expm1(x * Math.LN10), Math.sign(x)] : null),
    precise: (d, x) => {
      if (mag(d) > 10) return d.sign ? TINY(0) : HUGE(0);
      if (isInteger(d) && !d.sign) return exactValue(0, 10n ** BigInt(intValue(d)), 0);
      return settled(B.exp(B.mul(x, B.LN10)));
    },
    special: expLike('inf', 'zero', 'one'),
  },
  expm1: {
    overflows: true,
    dbl: Math.expm1,
    pair: (x) => (Math.abs(x) < 2 ** -20 ? [x, (x * x) / 2, 1] : x < -8 ? [-1, Math.exp(x), 1] : null),
    precise: (d, x) => {
      if (mag(d) > 10) return d.sign ? oneMinusTiny(1) : HUGE(0);
      return settled(B.expm1(x));
    },
    special: expLike('inf', 'minusOne', 'same'),
  },
  tanh: {
    dbl: Math.tanh,
    pair: (x) =>
      Math.abs(x) < 2 ** -20
        ? [x, (-x * x * x) / 3, -Math.sign(x)]
        : Math.abs(x) > 4
          ? [Math.sign(x), (-Math.sign(x) * 2) / (Math.exp(2 * Math.abs(x)) + 1), -Math.sign(x)]
          : null,
    precise: (d, x) => {
      if (mag(d) > 8) return oneMinusTiny(d.sign);
      const em = B.expm1(B.mul(x, fromInt(2)));
      return settled(B.div(em, B.add(em, fromInt(2))));
    },
    special: (fmt, d) => {
      if (d.kind === 'nan') return propagateFast(fmt, d.bits, 0);
      if (d.kind === 'inf') return res(signBitOf(fmt, d.sign) + one(fmt));
      if (d.kind === 'zero') return res(d.bits);
      return null;
    },
  },
  sigmoid: {
    positive: true,
    dbl: (x) => 1 / (1 + Math.exp(-x)),
    pair: (x) =>
      Math.abs(x) < 2 ** -20 ? [0.5, Math.tanh(x / 2) / 2, Math.sign(x)] : x > 8 ? [1, -1 / (Math.exp(x) + 1), -1] : null,
    precise: (d, x) => {
      if (mag(d) > 10) return d.sign ? TINY(0) : oneMinusTiny(0);
      return settled(B.div(B.BF_ONE, B.add(B.BF_ONE, B.exp(B.neg(x)))));
    },
    special: expLike('one', 'zero', 'half'),
  },
  log: {
    dbl: Math.log,
    precise: (_d, x) => settled(B.log(x)),
    special: (fmt, d) => {
      const r = logLike('zero')(fmt, d);
      if (r) return r;
      if (d.m === 1n << BigInt(-d.e)) return res(0);
      return null;
    },
  },
  log2: {
    dbl: Math.log2,
    precise: (d, x) => {
      const k = log2Exact(d);
      if (k !== null) return exactValue(k < 0 ? 1 : 0, BigInt(Math.abs(k)), 0);
      return settled(B.div(B.log(x), B.LN2));
    },
    special: logLike('zero'),
  },
  log10: {
    dbl: Math.log10,
    precise: (d, x) => {
      if (isInteger(d) && !d.sign) {
        const v = d.e >= 0 ? d.m << BigInt(d.e) : d.m >> BigInt(-d.e);
        for (let k = 0n, p = 1n; p <= v; k++, p *= 10n) if (p === v) return exactValue(0, k, 0);
      }
      return settled(B.div(B.log(x), B.LN10));
    },
    special: (fmt, d) => {
      const r = logLike('zero')(fmt, d);
      if (r) return r;
      if (d.m === 1n << BigInt(-d.e)) return res(0);
      return null;
    },
  },
  log1p: {
    dbl: Math.log1p,
    pair: (x) => (Math.abs(x) < 2 ** -20 ? [x, (-x * x) / 2, -1] : null),
    precise: (_d, x) => settled(B.log1p(x)),
    special: logLike('minusOne'),
  },
  rsqrt: {
    dbl: (x) => 1 / Math.sqrt(x),
    precise: (d) => {
      // x = m·2^e with e even: 1/sqrt(x) = 2^(-e/2)·sqrt(2^(2T)/m)·2^-T.
      let m = d.m;
      let e = d.e;
      if (e % 2 !== 0) {
        m <<= 1n;
        e -= 1;
      }
      const T = 300n;
      const num = 1n << (2n * T);
      const N = num / m;
      const q = B.isqrt(N);
      const exact = N * m === num && q * q === N;
      return { sign: 0, q, E: -e / 2 - Number(T), exact };
    },
    special: (fmt, d) => {
      if (d.kind === 'nan') return propagateFast(fmt, d.bits, 0);
      if (d.kind === 'zero') return res(signBitOf(fmt, d.sign) + fmt.posInf, INFINITE);
      if (d.sign) return res(fmt.defaultNaN, INVALID);
      if (d.kind === 'inf') return res(0);
      return null;
    },
  },
  softplus: {
    positive: true,
    dbl: (x) => (x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x))),
    precise: (d, x) => {
      if (d.kind === 'zero') return settled(B.LN2);
      if (!d.sign && B.bitLength(d.m) + d.e > 6) return justAbove(0, x);
      if (d.sign && B.bitLength(d.m) + d.e > 12) return TINY(0);
      if (d.sign) return settled(B.log1p(B.exp(x)));
      return settled(B.add(x, B.log1p(B.exp(B.neg(x)))));
    },
    special: (fmt, d) => {
      if (d.kind === 'nan') return propagateFast(fmt, d.bits, 0);
      if (d.kind === 'inf') return res(d.sign ? 0 : fmt.posInf);
      return null;
    },
  },
};

const SPECS = new Map<string, Spec>(Object.entries(BUILTIN));

/** Add the reference of a function (test files of newer functions call this from their own spec module). */
export function defineSpec(name: string, spec: Spec): void {
  if (SPECS.has(name)) throw new Error(`reference for ${name} defined twice`);
  SPECS.set(name, spec);
}

function specOf(name: string): Spec {
  const s = SPECS.get(name);
  if (!s) throw new Error(`no reference defined for ${name}`);
  return s;
}

export function roundPrecise(fmt: Format, p: Precise, mode: Mode): FastResult {
  if (p.q === 0n) return res(signBitOf(fmt, p.sign));
  const r = roundToFormat(fmt, p.sign, p.q, p.E, !p.exact, mode);
  return { bits: r.bits, flagsBefore: r.flags[0], flagsAfter: r.flags[1] };
}

/** The exact / high-precision rounding of fn at the word a. */
export function preciseResult(fmt: Format, fn: MathName, a: number, mode: Mode): FastResult {
  const spec = specOf(fn);
  const d = decode(fmt, a);
  const s = spec.special(fmt, d);
  if (s) return s;
  const x: B.BF = { m: d.sign ? -d.m : d.m, e: d.e };
  return roundPrecise(fmt, spec.precise(d, x), mode);
}

/** |y| in units of half an ulp of fmt at y (finite, nonzero): boundaries are the integers. */
function halfUlps(fmt: Format, y: number): number {
  const ay = Math.abs(y);
  const L = Math.max(floorLog2(ay), fmt.emin);
  return ay * 2 ** (fmt.p - L);
}

/** Is the double y (finite, nonzero) within 2^-40 relative of a rounding boundary of fmt? */
function nearBoundary(fmt: Format, y: number): boolean {
  const ay = Math.abs(y);
  if (!(ay > 2 ** -900 && ay < 2 ** 900)) return true;
  const s = halfUlps(fmt, y);
  return Math.abs(s - Math.round(s)) <= s * 2 ** -40;
}

/**
 * Round h + sliver (|sliver| < 2^-30·|h|, of sign dir) when that can be decided in doubles: away from boundaries
 * by the sum, and at a boundary h by nudging h toward dir (by 2^-45 relative, inside the same gap). Else null.
 */
function roundPair(fmt: Format, h: number, lo: number, dir: number, mode: Mode): FastResult | null {
  const y = h + lo;
  if (y !== 0 && !nearBoundary(fmt, y)) return roundDouble(fmt, y, mode);
  if (h === 0 || Math.abs(lo) > Math.abs(h) * 2 ** -30) return null;
  const s = halfUlps(fmt, h);
  if (s !== Math.round(s)) return null;
  if (dir === 0) return roundDouble(fmt, h, mode);
  return roundDouble(fmt, h + dir * Math.abs(h) * 2 ** -45, mode);
}

export interface Reference {
  (a: number, mode: Mode): FastResult;
  /** How many inputs needed the BigInt reference. */
  slowCount: () => number;
}

/**
 * A reference for fn on fmt that memoizes per word the double (or the BigInt value for the undecided ones), for
 * checking many modes on the same inputs.
 */
export function makeReference(fmt: Format, fn: MathName, options: { memo?: boolean } = {}): Reference {
  const spec = specOf(fn);
  // A sweep that sees each word once turns memoization off: millions of entries cost more than they save.
  const memo = options.memo ?? true;
  const slow = new Map<number, Precise | FastResult>();
  let slowCount = 0;
  const ref = (a: number, mode: Mode): FastResult => {
    const hit = slow.get(a);
    if (hit !== undefined) return 'bits' in hit ? hit : roundPrecise(fmt, hit, mode);
    const x = wordToDouble(fmt, a);
    if (x !== 0 && Number.isFinite(x)) {
      const pr = spec.pair?.(x);
      if (pr) {
        const r = roundPair(fmt, pr[0], pr[1], pr[2], mode);
        if (r) return r;
      } else {
        const y = spec.dbl(x);
        if (y !== 0 && Number.isFinite(y) && !nearBoundary(fmt, y)) return roundDouble(fmt, y, mode);
        // Beyond the double range the result is far beyond every format's range too.
        if (spec.overflows && (y === Infinity || y === -Infinity)) return roundDouble(fmt, Math.sign(y) * 2 ** 1000, mode);
        if (y === 0 && spec.positive) return roundDouble(fmt, 2 ** -1000, mode);
      }
    }
    const d = decode(fmt, a);
    const s = spec.special(fmt, d);
    if (s) {
      if (memo) slow.set(a, s);
      return s;
    }
    slowCount++;
    const p = spec.precise(d, { m: d.sign ? -d.m : d.m, e: d.e });
    if (memo) slow.set(a, p);
    return roundPrecise(fmt, p, mode);
  };
  return Object.assign(ref, { slowCount: () => slowCount });
}

/** The double approximation of fn (for measuring errors in ulps). */
export function doubleOf(fn: MathName, x: number): number {
  return specOf(fn).dbl(x);
}

/**
 * The double approximation of fn and its small-argument pair form, for callers that screen many inputs cheaply and
 * fall back to makeReference wherever the double is not conclusive (bench/math/sweep.mjs).
 */
export function doubleParts(fn: MathName): { dbl: (x: number) => number; pair: ((x: number) => [number, number, number] | null) | undefined } {
  const spec = specOf(fn);
  return { dbl: spec.dbl, pair: spec.pair };
}

export { INEXACT };
