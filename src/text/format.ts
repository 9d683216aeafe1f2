/**
 * Binary32, binary16 and bfloat16 words to text.
 *
 * - `F_toShortest(a)`: the shortest digits that read back to a (round to nearest even), laid out as ECMAScript's
 *   Number::toString lays out a number ("1e+21", "0.000001", "1e-7", "Infinity", "NaN"), except that negative zero
 *   prints as "-0".
 * - `F_toFixed(a, f)`, `F_toExponential(a, f)`, `F_toPrecision(a, p)`: the layouts of JavaScript's methods of the
 *   same names, with digits from the exact value of a rounded half to even (JavaScript rounds half up); toFixed
 *   never switches to exponent notation (JavaScript does from 1e21 on); a set sign bit always prints '-', also on
 *   zero and on values that round to zero. Without a digit count, toExponential uses the shortest digits and
 *   toPrecision is toShortest.
 * - `F_represent(a, u)`: Forth's REPRESENT: u digits, rounded half to even, and the exponent n with
 *   value = 0.d1…du × 10^n (n = 1 for zero); for infinities and NaN the digits are "inf" or "nan" blank-filled to
 *   u characters, and valid is false.
 * - `F_toHex(a)`: C99's %a layout, normalized ("0x1.8p+3", "0x1p-149", "0x0p+0").
 *
 * Printing never reads the rounding mode and raises no flag; a signaling NaN prints as "NaN".
 */
import {
  class_finite,
  class_infinity,
  class_nan,
  decode,
  decoded,
  digitBuffer,
  digitsOf,
  expandExact,
  format_bf16,
  format_f16,
  format_f32,
  roundDigits,
  div10,
  type TextFormat,
} from './digits.js';
import { clz32 } from '../primitives/integer.js';
import { shortestDigits } from './shortest.js';

/** The largest digit count the precision arguments accept. */
export const MAX_PRECISION = 1000;

/** What F_represent returns: REPRESENT's string, exponent n and the two flags. */
export interface Represented {
  digits: string;
  exponent: number;
  negative: boolean;
  valid: boolean;
}

const DIGIT_CHARS = '0123456789abcdef';

/** A nonnegative cell in decimal. */
function decimal(n: number): string {
  let text = '';
  do {
    const q = div10(n);
    text = DIGIT_CHARS.charAt(n - ((q << 3) + (q << 1))) + text;
    n = q;
  } while (n !== 0);
  return text;
}

/** Digit characters [from, to) of the digit buffer, '0' outside 0 … count. */
function digitText(from: number, to: number): string {
  let text = '';
  const count = digitsOf.count;
  for (let i = from; i < to; i++) text += i >= 0 && i < count ? DIGIT_CHARS.charAt(digitBuffer[i]!) : '0';
  return text;
}

function zeros(n: number): string {
  let text = '';
  for (let i = 0; i < n; i++) text += '0';
  return text;
}

function exponentText(e: number): string {
  return e < 0 ? `e-${decimal(-e)}` : `e+${decimal(e)}`;
}

function checkDigits(fn: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min || value > MAX_PRECISION) {
    throw new RangeError(`${fn}: ${String(value)} is not a digit count (an integer ${min} … ${MAX_PRECISION})`);
  }
  return value;
}

/** Infinity or NaN text for the decoded word, '' if it is a number. */
function specialText(): string {
  if (decoded.cls === class_nan) return 'NaN';
  if (decoded.cls === class_infinity) return decoded.sign !== 0 ? '-Infinity' : 'Infinity';
  return '';
}

/** ECMAScript's Number::toString layout of the digit buffer (k digits, value 0.d… × 10^n). */
function jsLayout(): string {
  const k = digitsOf.count;
  const n = digitsOf.point;
  if (k <= n && n <= 21) return digitText(0, k) + zeros(n - k);
  if (0 < n && n <= 21) return `${digitText(0, n)}.${digitText(n, k)}`;
  if (-6 < n && n <= 0) return `0.${zeros(-n)}${digitText(0, k)}`;
  return digitText(0, 1) + (k > 1 ? `.${digitText(1, k)}` : '') + exponentText(n - 1);
}

function shortestOfDecoded(): void {
  shortestDigits(decoded.m, decoded.e, (decoded.m & 1) === 0, decoded.lowerGapHalf);
}

function toShortest(fmt: TextFormat, a: number): string {
  decode(fmt, a);
  const special = specialText();
  if (special !== '') return special;
  const minus = decoded.sign !== 0 ? '-' : '';
  if (decoded.cls !== class_finite) return `${minus}0`;
  shortestOfDecoded();
  return minus + jsLayout();
}

function toFixed(fn: string, fmt: TextFormat, a: number, fractionDigits: number): string {
  const f = checkDigits(fn, fractionDigits, 0);
  decode(fmt, a);
  const special = specialText();
  if (special !== '') return special;
  const minus = decoded.sign !== 0 ? '-' : '';
  if (decoded.cls === class_finite) {
    expandExact(decoded.m, decoded.e);
    roundDigits(digitsOf.point + f);
  } else {
    digitsOf.count = 0;
  }
  const point = digitsOf.count !== 0 ? digitsOf.point : 0;
  const integer = point > 0 ? digitText(0, point) : '0';
  return minus + integer + (f > 0 ? `.${digitText(point, point + f)}` : '');
}

function toExponential(fn: string, fmt: TextFormat, a: number, fractionDigits: number | undefined): string {
  const f = fractionDigits === undefined ? -1 : checkDigits(fn, fractionDigits, 0);
  decode(fmt, a);
  const special = specialText();
  if (special !== '') return special;
  const minus = decoded.sign !== 0 ? '-' : '';
  if (decoded.cls !== class_finite) return `${minus}0${f > 0 ? `.${zeros(f)}` : ''}e+0`;
  if (f < 0) {
    shortestOfDecoded();
  } else {
    expandExact(decoded.m, decoded.e);
    roundDigits(f + 1);
  }
  const shown = f < 0 ? digitsOf.count - 1 : f;
  return minus + digitText(0, 1) + (shown > 0 ? `.${digitText(1, 1 + shown)}` : '') + exponentText(digitsOf.point - 1);
}

function toPrecision(fn: string, fmt: TextFormat, a: number, precision: number | undefined): string {
  if (precision === undefined) return toShortest(fmt, a);
  const p = checkDigits(fn, precision, 1);
  decode(fmt, a);
  const special = specialText();
  if (special !== '') return special;
  const minus = decoded.sign !== 0 ? '-' : '';
  if (decoded.cls !== class_finite) return `${minus}0${p > 1 ? `.${zeros(p - 1)}` : ''}`;
  expandExact(decoded.m, decoded.e);
  roundDigits(p);
  const e = digitsOf.point - 1;
  if (e < -6 || e >= p) {
    return minus + digitText(0, 1) + (p > 1 ? `.${digitText(1, p)}` : '') + exponentText(e);
  }
  if (e >= 0) return minus + digitText(0, e + 1) + (p > e + 1 ? `.${digitText(e + 1, p)}` : '');
  return `${minus}0.${zeros(-(e + 1))}${digitText(0, p)}`;
}

function represent(fn: string, fmt: TextFormat, a: number, digits: number): Represented {
  const u = checkDigits(fn, digits, 1);
  decode(fmt, a);
  const negative = decoded.sign !== 0;
  if (decoded.cls === class_nan || decoded.cls === class_infinity) {
    let text = decoded.cls === class_nan ? 'nan' : 'inf';
    while (text.length < u) text += ' ';
    return { digits: text.slice(0, u), exponent: 0, negative, valid: false };
  }
  if (decoded.cls !== class_finite) return { digits: zeros(u), exponent: 1, negative, valid: true };
  expandExact(decoded.m, decoded.e);
  roundDigits(u);
  return { digits: digitText(0, u), exponent: digitsOf.point, negative, valid: true };
}

function toHex(fmt: TextFormat, a: number): string {
  decode(fmt, a);
  const special = specialText();
  if (special !== '') return special;
  const minus = decoded.sign !== 0 ? '-' : '';
  if (decoded.cls !== class_finite) return `${minus}0x0p+0`;
  // Fraction bits below the leading one, padded on the right to whole hex digits: 23 → 24, 10 → 12, 7 → 8.
  const fracBits = fmt === format_f32 ? 23 : fmt === format_f16 ? 10 : 7;
  const hexDigits = (fracBits + 3) >>> 2;
  const lead = 31 - clz32(decoded.m);
  let frac = ((decoded.m << (fracBits - lead)) & ((1 << fracBits) - 1)) << ((hexDigits << 2) - fracBits);
  let n = hexDigits;
  while (n > 0 && (frac & 0xf) === 0) {
    frac >>>= 4;
    n--;
  }
  let text = '';
  for (let i = 0; i < n; i++) {
    text = DIGIT_CHARS.charAt(frac & 0xf) + text;
    frac >>>= 4;
  }
  const exp = decoded.e + lead;
  return `${minus}0x1${n > 0 ? `.${text}` : ''}p${exp < 0 ? `-${decimal(-exp)}` : `+${decimal(exp)}`}`;
}

/** Shortest round-trip digits of a binary32 word, in JavaScript's number layout. */
export function f32_toShortest(a: number): string {
  return toShortest(format_f32, a);
}

/** A binary32 word with `fractionDigits` digits after the point (exact value rounded half to even). */
export function f32_toFixed(a: number, fractionDigits = 0): string {
  return toFixed('f32_toFixed', format_f32, a, fractionDigits);
}

/** A binary32 word as d.ddd…e±n with `fractionDigits` digits after the point (shortest digits if omitted). */
export function f32_toExponential(a: number, fractionDigits?: number): string {
  return toExponential('f32_toExponential', format_f32, a, fractionDigits);
}

/** A binary32 word with `significantDigits` significant digits, JavaScript's toPrecision layout. */
export function f32_toPrecision(a: number, significantDigits?: number): string {
  return toPrecision('f32_toPrecision', format_f32, a, significantDigits);
}

/** Forth's REPRESENT for a binary32 word. */
export function f32_represent(a: number, digits: number): Represented {
  return represent('f32_represent', format_f32, a, digits);
}

/** A binary32 word in C99 %a hexadecimal layout. */
export function f32_toHex(a: number): string {
  return toHex(format_f32, a);
}

export function f16_toShortest(a: number): string {
  return toShortest(format_f16, a);
}

export function f16_toFixed(a: number, fractionDigits = 0): string {
  return toFixed('f16_toFixed', format_f16, a, fractionDigits);
}

export function f16_toExponential(a: number, fractionDigits?: number): string {
  return toExponential('f16_toExponential', format_f16, a, fractionDigits);
}

export function f16_toPrecision(a: number, significantDigits?: number): string {
  return toPrecision('f16_toPrecision', format_f16, a, significantDigits);
}

export function f16_represent(a: number, digits: number): Represented {
  return represent('f16_represent', format_f16, a, digits);
}

export function f16_toHex(a: number): string {
  return toHex(format_f16, a);
}

export function bf16_toShortest(a: number): string {
  return toShortest(format_bf16, a);
}

export function bf16_toFixed(a: number, fractionDigits = 0): string {
  return toFixed('bf16_toFixed', format_bf16, a, fractionDigits);
}

export function bf16_toExponential(a: number, fractionDigits?: number): string {
  return toExponential('bf16_toExponential', format_bf16, a, fractionDigits);
}

export function bf16_toPrecision(a: number, significantDigits?: number): string {
  return toPrecision('bf16_toPrecision', format_bf16, a, significantDigits);
}

export function bf16_represent(a: number, digits: number): Represented {
  return represent('bf16_represent', format_bf16, a, digits);
}

export function bf16_toHex(a: number): string {
  return toHex(format_bf16, a);
}
