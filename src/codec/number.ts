/**
 * The boundary between fpuless cells and JavaScript's own numbers: JS numbers (binary64) to and from binary32,
 * binary16 and bfloat16 words, and BigInts to and from the two-word 64-bit integers of the conversions.
 *
 * These functions check their arguments (TypeError for a wrong type, RangeError for a value out of range, naming
 * the function and the value) and may use native floating point, but only to move bits: a double is taken apart
 * into its fields through a DataView and rounded by the same integer round-and-pack as every other operation, so
 * the result and the flags are exactly those of SoftFloat's f64_to_f32 (f64_to_f16, and its bfloat16 counterpart)
 * in the current rounding mode and tininess detection. Widening a word to a number is exact and raises no flag
 * (a signaling NaN simply becomes JavaScript's NaN).
 */
import { env, flag_invalid } from '../env/environment.js';
import { shiftRightJam64, wide } from '../primitives/integer.js';
import { packBF16, roundPackToBF16 } from '../formats/bf16/roundPack.js';
import { packF16, roundPackToF16 } from '../formats/f16/roundPack.js';
import { packF32, roundPackToF32 } from '../formats/f32/roundPack.js';
import { nanBF16FromPayload, nanF16FromPayload, nanF32FromPayload } from '../formats/specialize.js';

const scratch = new DataView(new ArrayBuffer(8));

function describe(x: unknown): string {
  if (typeof x === 'bigint') return `${x}n`;
  if (typeof x === 'string') return JSON.stringify(x);
  if (typeof x === 'number' && Object.is(x, -0)) return '-0';
  return String(x);
}

function checkNumber(name: string, x: unknown): number {
  if (typeof x !== 'number') throw new TypeError(`${name}: ${describe(x)} is not a number`);
  return x;
}

function checkWord(name: string, w: unknown, max: number, what: string): number {
  if (typeof w !== 'number') throw new TypeError(`${name}: ${describe(w)} is not a number (expected ${what})`);
  if (!Number.isInteger(w) || w < 0 || w > max) {
    throw new RangeError(`${name}: ${describe(w)} is not ${what}`);
  }
  return w;
}

const F32_WORD = 'a binary32 word (an integer 0 … 0xFFFFFFFF)';
const F16_WORD = 'a binary16 word (an integer 0 … 0xFFFF)';
const BF16_WORD = 'a bfloat16 word (an integer 0 … 0xFFFF)';

/* The fields of the double last split by splitDouble. */
let dSign = 0;
let dExp = 0;
let dHi = 0;
let dLo = 0;

function splitDouble(x: number): void {
  scratch.setFloat64(0, x);
  const hi = scratch.getUint32(0);
  dSign = hi >>> 31;
  dExp = (hi >>> 20) & 0x7ff;
  dHi = hi & 0x000fffff;
  dLo = scratch.getUint32(4);
}

/**
 * The NaN payload of the split double in the specialize.ts form (the fraction bits below the quiet bit,
 * left-aligned in a word); a signaling double NaN raises invalid, as any conversion of it does.
 */
function doubleNaNPayload(): number {
  if ((dHi & 0x00080000) === 0) env.flags |= flag_invalid;
  return ((dHi << 13) | (dLo >>> 19)) >>> 0;
}

/**
 * The double's significand narrowed to `bits` bits with its leading bit at the top (jamming what is dropped). A
 * double subnormal is given an implicit bit it does not have: it and the true value are both far below every
 * target format's least subnormal, so they round alike.
 */
function doubleSig(bits: number): number {
  return shiftRightJam64(dHi | 0x00100000, dLo, 53 - bits);
}

/** A JS number to the nearest binary32 word in the current rounding mode, raising the flags that rounding raises. */
export function f32FromNumber(x: number): number {
  splitDouble(checkNumber('f32FromNumber', x));
  if (dExp === 0x7ff) {
    if ((dHi | dLo) !== 0) return nanF32FromPayload(dSign, doubleNaNPayload());
    return packF32(dSign, 0xff, 0);
  }
  if ((dExp | dHi | dLo) === 0) return packF32(dSign, 0, 0);
  return roundPackToF32(dSign, dExp - 0x381, doubleSig(31));
}

/** A JS number to the nearest binary16 word in the current rounding mode, raising the flags that rounding raises. */
export function f16FromNumber(x: number): number {
  splitDouble(checkNumber('f16FromNumber', x));
  if (dExp === 0x7ff) {
    if ((dHi | dLo) !== 0) return nanF16FromPayload(dSign, doubleNaNPayload());
    return packF16(dSign, 0x1f, 0);
  }
  if ((dExp | dHi | dLo) === 0) return packF16(dSign, 0, 0);
  return roundPackToF16(dSign, dExp - 0x3f1, doubleSig(15));
}

/** A JS number to the nearest bfloat16 word in the current rounding mode, raising the flags that rounding raises. */
export function bf16FromNumber(x: number): number {
  splitDouble(checkNumber('bf16FromNumber', x));
  if (dExp === 0x7ff) {
    if ((dHi | dLo) !== 0) return nanBF16FromPayload(dSign, doubleNaNPayload());
    return packBF16(dSign, 0xff, 0);
  }
  if ((dExp | dHi | dLo) === 0) return packBF16(dSign, 0, 0);
  return roundPackToBF16(dSign, dExp - 0x381, doubleSig(15));
}

/** The value of a binary32 word as a JS number (exact). */
export function f32ToNumber(w: number): number {
  scratch.setUint32(0, checkWord('f32ToNumber', w, 0xffffffff, F32_WORD));
  return scratch.getFloat32(0);
}

/** The value of a binary16 word as a JS number (exact). */
export function f16ToNumber(w: number): number {
  checkWord('f16ToNumber', w, 0xffff, F16_WORD);
  const exp = (w >>> 10) & 0x1f;
  const frac = w & 0x03ff;
  let magnitude: number;
  if (exp === 0x1f) magnitude = frac !== 0 ? NaN : Infinity;
  else if (exp === 0) magnitude = frac * 2 ** -24;
  else magnitude = (frac + 0x400) * 2 ** (exp - 25);
  return (w & 0x8000) !== 0 ? -magnitude : magnitude;
}

/** The value of a bfloat16 word as a JS number (exact). */
export function bf16ToNumber(w: number): number {
  scratch.setUint32(0, checkWord('bf16ToNumber', w, 0xffff, BF16_WORD) << 16);
  return scratch.getFloat32(0);
}

function checkLowWord(name: string, lo: unknown): number {
  return checkWord(name, lo, 0xffffffff, 'a low word (an integer 0 … 0xFFFFFFFF)');
}

/**
 * The int64 a conversion such as f32_to_i64 just produced, as a BigInt: pass the low word it returned; the high
 * word is read from `wide.hi`, so call this before anything else overwrites it.
 */
export function toBigInt64(lo: number): bigint {
  checkLowWord('toBigInt64', lo);
  return BigInt.asIntN(64, (BigInt(wide.hi >>> 0) << 32n) | BigInt(lo));
}

/** Like {@link toBigInt64} for a uint64 result (f32_to_ui64 and the like). */
export function toBigUint64(lo: number): bigint {
  checkLowWord('toBigUint64', lo);
  return (BigInt(wide.hi >>> 0) << 32n) | BigInt(lo);
}

/**
 * A 64-bit integer as the two words the conversions take (i64_to_F(hi, lo), ui64_to_F(hi, lo)): x may be any
 * int64 or uint64, -2^63 … 2^64-1; negative values come out in two's complement. Allocates the result object (this
 * is the boundary, not a hot path).
 */
export function splitBigInt64(x: bigint): { hi: number; lo: number } {
  if (typeof x !== 'bigint') throw new TypeError(`splitBigInt64: ${describe(x)} is not a BigInt`);
  if (x < -(1n << 63n) || x >= 1n << 64n) {
    throw new RangeError(`splitBigInt64: ${describe(x)} is outside the 64-bit range -2^63 … 2^64-1`);
  }
  const bits = BigInt.asUintN(64, x);
  return { hi: Number(bits >> 32n), lo: Number(bits & 0xffffffffn) };
}
