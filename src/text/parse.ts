/**
 * Text to binary32, binary16 and bfloat16: decimal and hexadecimal numbers, infinities and NaN, correctly rounded in
 * the current rounding mode with the flags of a rounded operation (inexact, overflow, underflow with the current
 * tininess detection), for text of any length.
 *
 * The raw words (`f32_fromDecimal` …) never throw: malformed text gives the NaN an invalid operation gives
 * (specialize.ts) and raises invalid. The checked words (`parseF32` …) give the same results for well-formed text and
 * throw a TextError, raising no flag, for malformed text. "nan" gives a quiet NaN with the text's sign and a zero
 * payload (the canonical NaN in default-NaN mode) and raises nothing; zeros keep their sign.
 */
import { env, flag_invalid } from '../env/environment.js';
import { shiftRightJam32 } from '../primitives/integer.js';
import { packBF16, roundPackToBF16 } from '../formats/bf16/roundPack.js';
import { packF16, roundPackToF16 } from '../formats/f16/roundPack.js';
import { packF32, roundPackToF32 } from '../formats/f32/roundPack.js';
import {
  invalidNaNBF16,
  invalidNaNF16,
  invalidNaNF32,
  nanBF16FromPayload,
  nanF16FromPayload,
  nanF32FromPayload,
} from '../formats/specialize.js';
import { TextError, type TextErrorCode } from './errors.js';
import {
  kind_error,
  kind_finite,
  kind_huge,
  kind_infinity,
  kind_nan,
  kind_zero,
  scanNumber,
  scanned,
} from './scan.js';

/*
 * A huge value is handed to round-and-pack as 2^30·2^(far above the format), a tiny one as 2^30·2^(far below): the
 * round-and-pack words then produce exactly the overflow or underflow result and flags of the current mode.
 */
const FAR = 0x4000;
const ONE = 0x40000000;

/** The binary32 word of the last scanned text (which must not be an error). */
function finishF32(): number {
  const sign = scanned.sign;
  switch (scanned.kind) {
    case kind_finite:
      return roundPackToF32(sign, scanned.exp2 + 156, scanned.sig);
    case kind_zero:
      return packF32(sign, 0, 0);
    case kind_infinity:
      return packF32(sign, 0xff, 0);
    case kind_nan:
      return nanF32FromPayload(sign, 0);
    case kind_huge:
      return roundPackToF32(sign, FAR, ONE);
    default:
      return roundPackToF32(sign, -FAR, ONE);
  }
}

function finishF16(): number {
  const sign = scanned.sign;
  switch (scanned.kind) {
    case kind_finite:
      // The 31-bit significand narrowed to f16's 15-bit intermediate, jamming what falls off.
      return roundPackToF16(sign, scanned.exp2 + 44, shiftRightJam32(scanned.sig, 16));
    case kind_zero:
      return packF16(sign, 0, 0);
    case kind_infinity:
      return packF16(sign, 0x1f, 0);
    case kind_nan:
      return nanF16FromPayload(sign, 0);
    case kind_huge:
      return roundPackToF16(sign, FAR, ONE >>> 16);
    default:
      return roundPackToF16(sign, -FAR, ONE >>> 16);
  }
}

function finishBF16(): number {
  const sign = scanned.sign;
  switch (scanned.kind) {
    case kind_finite:
      return roundPackToBF16(sign, scanned.exp2 + 156, shiftRightJam32(scanned.sig, 16));
    case kind_zero:
      return packBF16(sign, 0, 0);
    case kind_infinity:
      return packBF16(sign, 0xff, 0);
    case kind_nan:
      return nanBF16FromPayload(sign, 0);
    case kind_huge:
      return roundPackToBF16(sign, FAR, ONE >>> 16);
    default:
      return roundPackToBF16(sign, -FAR, ONE >>> 16);
  }
}

/** Text to binary32, rounded per env.roundingMode; malformed text gives the invalid-operation NaN with invalid. */
export function f32_fromDecimal(s: string): number {
  scanNumber(s);
  if (scanned.kind === kind_error) {
    env.flags |= flag_invalid;
    return invalidNaNF32();
  }
  return finishF32();
}

/** Text to binary16 (see {@link f32_fromDecimal}). */
export function f16_fromDecimal(s: string): number {
  scanNumber(s);
  if (scanned.kind === kind_error) {
    env.flags |= flag_invalid;
    return invalidNaNF16();
  }
  return finishF16();
}

/** Text to bfloat16 (see {@link f32_fromDecimal}). */
export function bf16_fromDecimal(s: string): number {
  scanNumber(s);
  if (scanned.kind === kind_error) {
    env.flags |= flag_invalid;
    return invalidNaNBF16();
  }
  return finishBF16();
}

function check(fn: string, s: unknown): string {
  if (typeof s !== 'string') throw new TypeError(`${fn}: ${String(s)} is not a string`);
  scanNumber(s);
  if (scanned.kind === kind_error) throw new TextError(fn, scanned.error as TextErrorCode, scanned.position, s);
  return s;
}

/** Text to binary32 like {@link f32_fromDecimal}, but malformed text throws a TextError (no flag raised). */
export function parseF32(s: string): number {
  check('parseF32', s);
  return finishF32();
}

/** Text to binary16, throwing a TextError for malformed text. */
export function parseF16(s: string): number {
  check('parseF16', s);
  return finishF16();
}

/** Text to bfloat16, throwing a TextError for malformed text. */
export function parseBF16(s: string): number {
  check('parseBF16', s);
  return finishBF16();
}
