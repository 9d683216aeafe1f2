/**
 * Reading a number's text, for every format at once: the scanner checks the syntax and reduces the text to a sign
 * and either a special value or a binary significand `sig` in [2^30, 2^31) and exponent `exp2` with
 * value ≈ sig·2^exp2, where bit 0 of sig is jammed (OR-ed with every bit of the exact value below it). That is
 * exactly what the formats' round-and-pack words take, so the per-format parsers only add their exponent bias.
 *
 * Syntax (spec/text.md has the grammar): optional sign; then "inf", "infinity" or "nan" (any case); or decimal
 * digits with an optional '.', and an optional exponent e/E, optional sign, decimal digits; or "0x"/"0X", hexadecimal
 * digits with an optional '.', and an optional binary exponent p/P, optional sign, decimal digits.
 *
 * Decimal significands keep their first {@link KEPT_DIGITS} significant digits; if any later digit is nonzero, a
 * digit 1 is appended in its place. spec/text.md shows that no rounding boundary of the three formats (a number of
 * the format, a midpoint between two, the smallest normal) has more than 114 significant digits, so the shortened
 * value lies strictly between the same two boundaries as the text's value and rounds the same way in every mode,
 * with the same flags. The kept digits D and decimal exponent E then give value = D·10^E, converted exactly:
 * for E >= 0 the product D·5^E, for E < 0 one step of long division D·2^s / 5^-E with a 32-bit quotient.
 */
import { clz32, umDivMod } from '../primitives/integer.js';
import {
  text_empty,
  text_expectedNumber,
  text_exponentDigits,
  text_hexDigits,
  text_noDigits,
  text_ok,
  text_unexpected,
  text_badWord,
} from './errors.js';
import {
  bitLength,
  compare,
  copy,
  mulPow5,
  mulSmallAdd,
  mulSmallInto,
  newLimbs,
  POW10,
  setSmall,
  shiftLeftInto,
  sub,
  top31Jam,
} from './limbs.js';

/** Significant decimal digits kept before the rest is summarized as a sticky digit (see the header). */
export const KEPT_DIGITS = 120;

/** What the text denotes. */
export const kind_error = 0;
export const kind_zero = 1;
/** Finite nonzero: value ≈ sig·2^exp2. */
export const kind_finite = 2;
export const kind_infinity = 3;
export const kind_nan = 4;
/** Finite, at least 10^39 (or 2^300 for hex): overflows every format in every rounding mode. */
export const kind_huge = 5;
/** Finite nonzero, below 10^-46 (or 2^-300): below half the smallest subnormal of every format. */
export const kind_tiny = 6;

/** The scanner's result (one per realm, like `env`). */
export const scanned = {
  kind: kind_error,
  sign: 0,
  sig: 0,
  exp2: 0,
  /** A text_* code (errors.ts) and the 0-based index it refers to, when kind is kind_error. */
  error: text_ok,
  position: 0,
};

/* The kept decimal digits, and the working numbers of the conversion (sizes in spec/text.md). */
const digitsD = newLimbs();
const workU = newLimbs();
const workV = newLimbs();
const workP = newLimbs();
const workT = newLimbs();

/* The exponent part last read by scanExponent: magnitude (saturated) and sign. */
let expMagnitude = 0;
let expNegative = false;

/** Decimal exponents saturate here: with fewer than 2^29 digits the value is then out of range anyway. */
const DECIMAL_EXP_CAP = 0x40000000;
/** Binary exponents of hex text saturate here (an unsigned cell): beyond 4 × 2^29, the largest digit shift. */
const HEX_EXP_CAP = 0xf0000000;

function fail(code: number, position: number): void {
  scanned.kind = kind_error;
  scanned.error = code;
  scanned.position = position;
}

function isDigit(c: number): boolean {
  return c - 0x30 >>> 0 < 10;
}

/** Value of a hexadecimal digit character, or -1. */
function hexValue(c: number): number {
  if (c - 0x30 >>> 0 < 10) return c - 0x30;
  const lower = c | 0x20;
  if (lower - 0x61 >>> 0 < 6) return lower - 0x61 + 10;
  return -1;
}

/** How many characters of `word` (lower case) match s from index i on, ignoring case. */
function matchWord(s: string, i: number, word: string): number {
  let k = 0;
  while (k < word.length && i + k < s.length && (s.charCodeAt(i + k) | 0x20) === word.charCodeAt(k)) k++;
  return k;
}

/**
 * Read an exponent's optional sign and decimal digits from index i (just after the marker) into expMagnitude
 * (saturating at `cap`) and expNegative; returns the index after it, or -1 when no digit follows.
 */
function scanExponent(s: string, i: number, cap: number): number {
  const len = s.length;
  expNegative = false;
  if (i < len) {
    const c = s.charCodeAt(i);
    if (c === 0x2b || c === 0x2d) {
      expNegative = c === 0x2d;
      i++;
    }
  }
  if (i >= len || !isDigit(s.charCodeAt(i))) return -1;
  const tenthOfCap = cap === DECIMAL_EXP_CAP ? 0x06666666 : 0x18000000;
  let mag = 0;
  while (i < len) {
    const c = s.charCodeAt(i);
    if (!isDigit(c)) break;
    mag = mag < tenthOfCap ? ((mag << 3) + (mag << 1) + c - 0x30) >>> 0 : cap;
    i++;
  }
  expMagnitude = mag;
  return i;
}

/** Scan `s` into {@link scanned}. */
export function scanNumber(s: string): void {
  const len = s.length;
  scanned.error = text_ok;
  scanned.sign = 0;
  if (len === 0) {
    fail(text_empty, 0);
    return;
  }
  let i = 0;
  let c = s.charCodeAt(0);
  if (c === 0x2b || c === 0x2d) {
    scanned.sign = c === 0x2d ? 1 : 0;
    i = 1;
    if (i === len) {
      fail(text_expectedNumber, i);
      return;
    }
    c = s.charCodeAt(i);
  }
  const lower = c | 0x20;
  if (lower === 0x69 || lower === 0x6e) {
    scanWord(s, i, lower === 0x69);
  } else if (c === 0x30 && i + 1 < len && (s.charCodeAt(i + 1) | 0x20) === 0x78) {
    scanHex(s, i + 2);
  } else {
    scanDecimal(s, i);
  }
}

/** "inf", "infinity" or "nan" from index i, then the end of the text. */
function scanWord(s: string, i: number, infinity: boolean): void {
  let end: number;
  if (infinity) {
    const k = matchWord(s, i, 'infinity');
    if (k === 8 || (k === 3 && i + 3 === s.length)) {
      end = i + k;
    } else {
      fail(text_badWord, i + k);
      return;
    }
  } else {
    const k = matchWord(s, i, 'nan');
    if (k !== 3) {
      fail(text_badWord, i + k);
      return;
    }
    end = i + 3;
  }
  if (end < s.length) {
    fail(text_unexpected, end);
    return;
  }
  scanned.kind = infinity ? kind_infinity : kind_nan;
}

function scanDecimal(s: string, i: number): void {
  const len = s.length;
  const start = i;
  let totalDigits = 0;
  let pointPos = -1;
  let firstSig = -1;
  let kept = 0;
  let sticky = false;
  let chunk = 0;
  let chunkLength = 0;
  let nD = 0;
  for (; i < len; i++) {
    const c = s.charCodeAt(i);
    if (isDigit(c)) {
      const d = c - 0x30;
      if (firstSig < 0) {
        if (d === 0) {
          totalDigits++;
          continue;
        }
        firstSig = totalDigits;
      }
      if (kept < KEPT_DIGITS) {
        chunk = (chunk << 3) + (chunk << 1) + d;
        chunkLength++;
        kept++;
        if (chunkLength === 9) {
          nD = mulSmallAdd(digitsD, nD, 1000000000, chunk);
          chunk = 0;
          chunkLength = 0;
        }
      } else if (d !== 0) {
        sticky = true;
      }
      totalDigits++;
    } else if (c === 0x2e && pointPos < 0) {
      pointPos = totalDigits;
    } else {
      break;
    }
  }
  if (totalDigits === 0) {
    // Nothing numeric at all ("e5", "_1") or only a point (".", "-.e1").
    fail(i === start ? text_expectedNumber : text_noDigits, i);
    return;
  }
  if (pointPos < 0) pointPos = totalDigits;
  let exp = 0;
  if (i < len && (s.charCodeAt(i) | 0x20) === 0x65) {
    const next = scanExponent(s, i + 1, DECIMAL_EXP_CAP);
    if (next < 0) {
      fail(text_exponentDigits, exponentDigitPosition(s, i + 1));
      return;
    }
    exp = expNegative ? -expMagnitude : expMagnitude;
    i = next;
  }
  if (i < len) {
    fail(text_unexpected, i);
    return;
  }
  if (firstSig < 0) {
    scanned.kind = kind_zero;
    return;
  }
  if (chunkLength !== 0) nD = mulSmallAdd(digitsD, nD, POW10[chunkLength]!, chunk);
  // The leading digit stands for 10^magnitude.
  const magnitude = pointPos - firstSig - 1 + exp;
  if (magnitude > 38) {
    scanned.kind = kind_huge;
    return;
  }
  if (magnitude < -46) {
    scanned.kind = kind_tiny;
    return;
  }
  let e10 = magnitude - (kept - 1);
  if (sticky) {
    nD = mulSmallAdd(digitsD, nD, 10, 1);
    e10--;
  }
  decimalToBinary(nD, e10);
  scanned.kind = kind_finite;
}

/** Where the missing exponent digit was expected: after the marker and its sign, if any. */
function exponentDigitPosition(s: string, i: number): number {
  if (i < s.length) {
    const c = s.charCodeAt(i);
    if (c === 0x2b || c === 0x2d) return i + 1;
  }
  return i;
}

/** sig, exp2 for value = digitsD·10^e10 (digitsD nonzero, 10^-46 <= value < 10^39). */
function decimalToBinary(nD: number, e10: number): void {
  if (e10 >= 0) {
    let n = copy(workU, digitsD, nD);
    n = mulPow5(workU, n, e10);
    const bl = bitLength(workU, n);
    scanned.sig = top31Jam(workU, n, bl);
    scanned.exp2 = e10 + bl - 31;
    return;
  }
  // value = D / 5^f · 2^e10 (f = −e10). Choose s so that q = ⌊D·2^s / 5^f⌋ lies in (2^30, 2^32):
  // then value ≈ q·2^(e10 − s).
  const nP = mulPow5(workP, setSmall(workP, 1), -e10);
  const bP = bitLength(workP, nP);
  const s = 31 + bP - bitLength(digitsD, nD);
  // Long division needs the divisor's top limb to have its top bit set; both operands move up by the same amount.
  let normalize = (32 - (bP & 31)) & 31;
  let shiftU = s + normalize;
  while (shiftU < 0) {
    shiftU += 32;
    normalize += 32;
  }
  const nV = shiftLeftInto(workV, workP, nP, normalize);
  const nU = shiftLeftInto(workU, digitsD, nD, shiftU);
  // One step of Knuth's algorithm D: the estimate from the top limbs is at most 2 too large.
  const vTop = workV[nV - 1]!;
  const uTop = nU > nV ? workU[nV]! : 0;
  let q = uTop >= vTop ? 0xffffffff : umDivMod(uTop, workU[nV - 1]!, vTop);
  let nT = mulSmallInto(workT, workV, nV, q);
  while (compare(workT, nT, workU, nU) > 0) {
    q = (q - 1) >>> 0;
    nT = sub(workT, nT, workV, nV);
  }
  const inexact = compare(workT, nT, workU, nU) !== 0 ? 1 : 0;
  if (q >= 0x80000000) {
    scanned.sig = ((q >>> 1) | (q & 1) | inexact) >>> 0;
    scanned.exp2 = e10 - s + 1;
  } else {
    scanned.sig = (q | inexact) >>> 0;
    scanned.exp2 = e10 - s;
  }
}

function scanHex(s: string, i: number): void {
  const len = s.length;
  let totalDigits = 0;
  let pointPos = -1;
  let firstSig = -1;
  let kept = 0;
  let sticky = 0;
  let acc = 0;
  for (; i < len; i++) {
    const c = s.charCodeAt(i);
    const h = hexValue(c);
    if (h >= 0) {
      if (firstSig < 0) {
        if (h === 0) {
          totalDigits++;
          continue;
        }
        firstSig = totalDigits;
      }
      if (kept < 8) {
        acc = ((acc << 4) | h) >>> 0;
        kept++;
      } else if (h !== 0) {
        sticky = 1;
      }
      totalDigits++;
    } else if (c === 0x2e && pointPos < 0) {
      pointPos = totalDigits;
    } else {
      break;
    }
  }
  if (totalDigits === 0) {
    fail(text_hexDigits, i);
    return;
  }
  if (pointPos < 0) pointPos = totalDigits;
  let pMagnitude = 0;
  let pNegative = false;
  if (i < len && (s.charCodeAt(i) | 0x20) === 0x70) {
    const next = scanExponent(s, i + 1, HEX_EXP_CAP);
    if (next < 0) {
      fail(text_exponentDigits, exponentDigitPosition(s, i + 1));
      return;
    }
    pMagnitude = expMagnitude;
    pNegative = expNegative;
    i = next;
  }
  if (i < len) {
    fail(text_unexpected, i);
    return;
  }
  if (firstSig < 0) {
    scanned.kind = kind_zero;
    return;
  }
  // value = acc · 16^shift · 2^±p = acc · 2^(4·(shift ± p/4) ± p mod 4); the quarter keeps every sum in a cell.
  const shift = pointPos - firstSig - kept;
  const quarter = pNegative ? shift - (pMagnitude >>> 2) : shift + (pMagnitude >>> 2);
  if (quarter > 0x01000000) {
    scanned.kind = kind_huge;
    return;
  }
  if (quarter < -0x01000000) {
    scanned.kind = kind_tiny;
    return;
  }
  const e2 = pNegative ? (quarter << 2) - (pMagnitude & 3) : (quarter << 2) + (pMagnitude & 3);
  const bl = 32 - clz32(acc);
  if (bl === 32) {
    scanned.sig = ((acc >>> 1) | (acc & 1) | sticky) >>> 0;
    scanned.exp2 = e2 + 1;
  } else {
    scanned.sig = ((acc << (31 - bl)) | sticky) >>> 0;
    scanned.exp2 = e2 - (31 - bl);
  }
  if (scanned.exp2 > 300) {
    scanned.kind = kind_huge;
  } else if (scanned.exp2 < -300) {
    scanned.kind = kind_tiny;
  } else {
    scanned.kind = kind_finite;
  }
}
