/**
 * A fast reference for the exhaustive binary16 / bfloat16 tests, independent of exact.ts: the sum or product of two
 * binary16 (or bfloat16) values is exact in a JS double (at most 22 + 40 bits of span for sums, 22 bits for products),
 * so rounding that double to the format by the definition of each rounding mode gives the correctly rounded result.
 *
 * Only doubles and integer arithmetic on small integers are used; rounding is done on the exact double.
 */
import type { Format, Mode } from './exact.js';

export interface FastResult {
  bits: number;
  /** Flags with tininess before rounding. */
  flagsBefore: number;
  /** Flags with tininess after rounding. */
  flagsAfter: number;
}

const INEXACT = 0x01;
const UNDERFLOW = 0x02;
const OVERFLOW = 0x04;

/** 2^i for i in -1074 … 1023, looked up rather than computed. */
const POW2 = new Float64Array(1074 + 1024);
for (let i = -1074; i <= 1023; i++) POW2[i + 1074] = 2 ** i;
function pow2(i: number): number {
  return POW2[i + 1074]!;
}

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);

/** floor(log2(x)) for a positive finite double, exactly (read from the double's exponent field). */
export function floorLog2(x: number): number {
  if (!(x > 0 && x < Infinity)) throw new RangeError(`floorLog2: ${x} is not a positive finite number`);
  F64[0] = x;
  const e = (U32[1]! >>> 20) & 0x7ff;
  if (e !== 0) return e - 1023;
  // a subnormal double
  let L = -1023;
  while (pow2(L) > x) L--;
  return L;
}

/**
 * Round t + frac (t an integer, 0 <= frac < 1) to an integer in `mode` for a value of the given sign.
 * Returns the rounded integer.
 */
function roundInt(t: number, frac: number, negative: boolean, mode: Mode): number {
  if (frac === 0) return t;
  switch (mode) {
    case 0:
      return frac > 0.5 || (frac === 0.5 && t % 2 === 1) ? t + 1 : t;
    case 4:
      return frac >= 0.5 ? t + 1 : t;
    case 1:
      return t;
    case 2:
      return negative ? t + 1 : t;
    case 3:
      return negative ? t : t + 1;
    case 6:
      return t % 2 === 1 ? t : t + 1;
  }
}

/**
 * Round the exact double x to the format (p <= 24). For x === 0 the caller decides the sign of zero; this returns
 * the zero whose sign is the sign of x (−0 for −0).
 */
export function roundDouble(fmt: Format, x: number, mode: Mode): FastResult {
  const negative = x < 0 || Object.is(x, -0);
  const signPart = negative ? fmt.signBit : 0;
  const ax = Math.abs(x);
  if (ax === 0) return { bits: signPart, flagsBefore: 0, flagsAfter: 0 };
  const fbits = fmt.p - 1;
  const L = floorLog2(ax);
  const Ru = L - fbits;
  const Rsub = fmt.emin - fbits;
  const R = Math.max(Ru, Rsub);
  // bounded-exponent rounding
  const s = ax * pow2(-R); // exact: scaling by a power of two within double range
  const t0 = Math.floor(s);
  const t = roundInt(t0, s - t0, negative, mode);
  const inexact = s !== t0;
  // unbounded-exponent rounding
  const su = R === Ru ? s : ax * pow2(-Ru);
  const tu0 = Math.floor(su);
  const tu = roundInt(tu0, su - tu0, negative, mode);
  const valueU = tu * pow2(Ru);
  if (valueU >= pow2(fmt.emax + 1)) {
    const toInf = mode === 0 || mode === 4 || (mode === 2 && negative) || (mode === 3 && !negative);
    const f = OVERFLOW | INEXACT;
    return { bits: signPart + (toInf ? fmt.posInf : fmt.maxFinite), flagsBefore: f, flagsAfter: f };
  }
  const minNormal = pow2(fmt.emin);
  const tinyBefore = ax < minNormal;
  const tinyAfter = valueU < minNormal;
  const base = inexact ? INEXACT : 0;
  const flagsBefore = base | (tinyBefore && inexact ? UNDERFLOW : 0);
  const flagsAfter = base | (tinyAfter && inexact ? UNDERFLOW : 0);
  // encode t · 2^R
  const v = t * pow2(R);
  let bits: number;
  if (t === 0) bits = signPart;
  else if (v < minNormal) bits = signPart + t * pow2(R - Rsub);
  else {
    const Lv = floorLog2(v);
    const sig = v * pow2(fbits - Lv); // in [2^fbits, 2^(fbits+1))
    bits = signPart + (Lv + fmt.bias) * pow2(fbits) + (sig - pow2(fbits));
  }
  return { bits, flagsBefore, flagsAfter };
}

function slowWordToDouble(fmt: Format, a: number): number {
  const negative = a >= fmt.signBit;
  const mag = negative ? a - fmt.signBit : a;
  const fbits = fmt.p - 1;
  const expField = Math.floor(mag / 2 ** fbits);
  const frac = mag % 2 ** fbits;
  if (expField === (1 << fmt.ebits) - 1) return frac !== 0 ? NaN : negative ? -Infinity : Infinity;
  const v = expField === 0 ? frac * 2 ** (fmt.emin - fbits) : (frac + 2 ** fbits) * 2 ** (expField - fmt.bias - fbits);
  return negative ? -v : v;
}

/** Values of every word of the 16-bit formats, computed once. */
const TABLES = new Map<string, Float64Array>();
function table16(fmt: Format): Float64Array {
  let t = TABLES.get(fmt.name);
  if (!t) {
    t = new Float64Array(0x10000);
    for (let a = 0; a < 0x10000; a++) t[a] = slowWordToDouble(fmt, a);
    TABLES.set(fmt.name, t);
  }
  return t;
}

/** The exact value of a finite word as a double (NaN for NaNs, ±Infinity for infinities). */
export function wordToDouble(fmt: Format, a: number): number {
  return fmt.width === 16 ? table16(fmt)[a]! : slowWordToDouble(fmt, a);
}

// ---------------------------------------------------------------------------------------------------------------
// Special operands (8086-SSE NaN rules) and the fast operations built on roundDouble

const INVALID = 0x10;

export function isNaNWord(fmt: Format, a: number): boolean {
  return a % fmt.signBit > fmt.expMask;
}

export function isSignalingWord(fmt: Format, a: number): boolean {
  const mag = a % fmt.signBit;
  return mag > fmt.expMask && mag < fmt.expMask + fmt.quietBit;
}

function isInfWord(fmt: Format, a: number): boolean {
  return a % fmt.signBit === fmt.expMask;
}

function isZeroWord(fmt: Format, a: number): boolean {
  return a % fmt.signBit === 0;
}

function result(bits: number, flags: number): FastResult {
  return { bits, flagsBefore: flags, flagsAfter: flags };
}

/** The first NaN of a, b quieted; invalid if either is signaling. */
export function propagateFast(fmt: Format, a: number, b: number): FastResult {
  const flags = isSignalingWord(fmt, a) || isSignalingWord(fmt, b) ? INVALID : 0;
  return result(((isNaNWord(fmt, a) ? a : b) | fmt.quietBit) >>> 0, flags);
}

/** a + b for formats whose sums are exact in a double (binary16). */
export function addFast(fmt: Format, a: number, b: number, mode: Mode): FastResult {
  if (isNaNWord(fmt, a) || isNaNWord(fmt, b)) return propagateFast(fmt, a, b);
  const x = wordToDoubleAny(fmt, a);
  const y = wordToDoubleAny(fmt, b);
  if (isInfWord(fmt, a) && isInfWord(fmt, b) && a !== b) return result(fmt.defaultNaN, INVALID);
  if (isInfWord(fmt, a)) return result(a, 0);
  if (isInfWord(fmt, b)) return result(b, 0);
  const s = x + y;
  if (s === 0) {
    // exact zero: same-signed zeros keep their sign, anything else cancelling is +0 (−0 rounding toward −∞)
    if (isZeroWord(fmt, a) && isZeroWord(fmt, b) && a === b) return result(a, 0);
    return result(mode === 2 ? fmt.signBit : 0, 0);
  }
  return roundDouble(fmt, s, mode);
}

/** a · b for formats whose products are exact in a double (binary16, bfloat16). */
export function mulFast(fmt: Format, a: number, b: number, mode: Mode): FastResult {
  if (isNaNWord(fmt, a) || isNaNWord(fmt, b)) return propagateFast(fmt, a, b);
  const sign = (a >= fmt.signBit ? 1 : 0) ^ (b >= fmt.signBit ? 1 : 0);
  if (isInfWord(fmt, a) || isInfWord(fmt, b)) {
    if (isZeroWord(fmt, a) || isZeroWord(fmt, b)) return result(fmt.defaultNaN, INVALID);
    return result((sign ? fmt.signBit : 0) + fmt.posInf, 0);
  }
  if (isZeroWord(fmt, a) || isZeroWord(fmt, b)) return result(sign ? fmt.signBit : 0, 0);
  return roundDouble(fmt, wordToDouble(fmt, a) * wordToDouble(fmt, b), mode);
}

/**
 * Square root for formats of at most 12 bits of precision. Math.sqrt is correctly rounded to 53 bits; an irrational
 * root of a p-bit number is more than 2^-30 (relative) away from every (p+1)-bit number, so the double lies on the
 * same side of every rounding boundary as the root and is never itself on a boundary: rounding it gives the
 * correctly rounded result and the right inexact flag.
 */
export function sqrtFast(fmt: Format, a: number, mode: Mode): FastResult {
  if (isNaNWord(fmt, a)) return propagateFast(fmt, a, 0);
  if (isZeroWord(fmt, a)) return result(a, 0);
  if (a >= fmt.signBit) return result(fmt.defaultNaN, INVALID);
  if (isInfWord(fmt, a)) return result(a, 0);
  return roundDouble(fmt, Math.sqrt(wordToDouble(fmt, a)), mode);
}

/** Round a finite double to an integer in `mode`; returns the signed integer (a double) and whether it changed. */
export function roundDoubleToInteger(x: number, mode: Mode): { n: number; inexact: boolean } {
  const negative = x < 0;
  const ax = Math.abs(x);
  const t = Math.floor(ax);
  const frac = ax - t;
  const m = roundInt(t, frac, negative, mode);
  return { n: negative ? -m : m, inexact: frac !== 0 };
}

/** The value of any word as a double (NaN for NaNs, ±Infinity for infinities). */
export const wordToDoubleAny = wordToDouble;

// ---------------------------------------------------------------------------------------------------------------
// Allocation-free form for the exhaustive pair loops

/**
 * addFast / mulFast split in two steps so that the mode-independent work is done once per operand pair:
 * `prepare(a, b)` computes the exact double result (or settles special operands), `round(mode)` fills `bits`,
 * `flagsBefore`, `flagsAfter` for one rounding mode. Results are written into the object (no allocation).
 */
export class PairReference {
  bits = 0;
  flagsBefore = 0;
  flagsAfter = 0;
  private kind = 0; // 0: rounded value, 1: fixed result, 2: exact zero of an exact cancellation
  private fixedBits = 0;
  private fixedFlags = 0;
  private negative = false;
  private signPart = 0;
  private t0 = 0;
  private frac = 0;
  private tu0 = 0;
  private fracU = 0;
  private R = 0;
  private Ru = 0;
  private tinyBefore = false;

  constructor(
    readonly fmt: Format,
    readonly op: 'add' | 'mul',
  ) {}

  private fixed(bits: number, flags: number): void {
    this.kind = 1;
    this.fixedBits = bits;
    this.fixedFlags = flags;
  }

  prepare(a: number, b: number): void {
    const fmt = this.fmt;
    if (isNaNWord(fmt, a) || isNaNWord(fmt, b)) {
      const flags = isSignalingWord(fmt, a) || isSignalingWord(fmt, b) ? INVALID : 0;
      this.fixed(((isNaNWord(fmt, a) ? a : b) | fmt.quietBit) >>> 0, flags);
      return;
    }
    const x = wordToDouble(fmt, a);
    const y = wordToDouble(fmt, b);
    let v: number;
    if (this.op === 'add') {
      if (isInfWord(fmt, a) && isInfWord(fmt, b) && a !== b) return this.fixed(fmt.defaultNaN, INVALID);
      if (isInfWord(fmt, a)) return this.fixed(a, 0);
      if (isInfWord(fmt, b)) return this.fixed(b, 0);
      v = x + y;
      if (v === 0) {
        if (isZeroWord(fmt, a) && a === b) return this.fixed(a, 0);
        this.kind = 2;
        return;
      }
    } else {
      const signPart = (a >= fmt.signBit) !== (b >= fmt.signBit) ? fmt.signBit : 0;
      if (isInfWord(fmt, a) || isInfWord(fmt, b)) {
        if (isZeroWord(fmt, a) || isZeroWord(fmt, b)) return this.fixed(fmt.defaultNaN, INVALID);
        return this.fixed(signPart + fmt.posInf, 0);
      }
      if (isZeroWord(fmt, a) || isZeroWord(fmt, b)) return this.fixed(signPart, 0);
      v = x * y;
    }
    this.kind = 0;
    this.negative = v < 0;
    this.signPart = v < 0 ? fmt.signBit : 0;
    const ax = Math.abs(v);
    const L = floorLog2(ax);
    const fbits = fmt.p - 1;
    this.Ru = L - fbits;
    this.R = Math.max(this.Ru, fmt.emin - fbits);
    const s = ax * pow2(-this.R);
    this.t0 = Math.floor(s);
    this.frac = s - this.t0;
    const su = this.R === this.Ru ? s : ax * pow2(-this.Ru);
    this.tu0 = Math.floor(su);
    this.fracU = su - this.tu0;
    this.tinyBefore = ax < pow2(fmt.emin);
  }

  round(mode: Mode): void {
    const fmt = this.fmt;
    if (this.kind === 1) {
      this.bits = this.fixedBits;
      this.flagsBefore = this.flagsAfter = this.fixedFlags;
      return;
    }
    if (this.kind === 2) {
      this.bits = mode === 2 ? fmt.signBit : 0;
      this.flagsBefore = this.flagsAfter = 0;
      return;
    }
    const tu = roundInt(this.tu0, this.fracU, this.negative, mode);
    const valueU = tu * pow2(this.Ru);
    if (valueU >= pow2(fmt.emax + 1)) {
      const toInf = mode === 0 || mode === 4 || (mode === 2 && this.negative) || (mode === 3 && !this.negative);
      this.bits = this.signPart + (toInf ? fmt.posInf : fmt.maxFinite);
      this.flagsBefore = this.flagsAfter = OVERFLOW | INEXACT;
      return;
    }
    const t = this.R === this.Ru ? tu : roundInt(this.t0, this.frac, this.negative, mode);
    const inexact = this.frac !== 0;
    const base = inexact ? INEXACT : 0;
    this.flagsBefore = base | (this.tinyBefore && inexact ? UNDERFLOW : 0);
    this.flagsAfter = base | (valueU < pow2(fmt.emin) && inexact ? UNDERFLOW : 0);
    // t·2^R with R on or above the subnormal lsb: the fraction field counts units of 2^R, and a significand that
    // reaches 2^p (or 2^(p-1) in the subnormal range) carries into the exponent field.
    this.bits = this.signPart + (this.R - (fmt.emin - fmt.p + 1)) * pow2(fmt.p - 1) + t;
  }
}
