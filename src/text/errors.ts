/**
 * Why a string is not a number: the scanner reports one of these codes and the 0-based index of the offending
 * character (or the string's length when the text ended too early). The raw parsers turn any of them into the
 * default NaN with the invalid flag; the checked parsers throw a {@link TextError} carrying the code, the position
 * and a message that names both.
 */

export const text_ok = 0;
/** The string is empty. */
export const text_empty = 1;
/** A sign, a digit, '.', "inf" or "nan" was expected at the start (after an optional sign). */
export const text_expectedNumber = 2;
/** The significand has a '.' but no digit. */
export const text_noDigits = 3;
/** An exponent marker (e, E, p, P) and optional sign are not followed by a decimal digit. */
export const text_exponentDigits = 4;
/** "0x" (or "0X") is not followed by a hexadecimal digit or '.' and a hexadecimal digit. */
export const text_hexDigits = 5;
/** A character that cannot continue the number (a second '.', '_', a space, trailing text, …). */
export const text_unexpected = 6;
/** A word that starts like "inf", "infinity" or "nan" but is not one of them. */
export const text_badWord = 7;

export type TextErrorCode = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const REASONS = [
  '',
  'empty string',
  "expected a digit, '.', \"inf\" or \"nan\"",
  'expected a digit in the significand',
  'expected a digit in the exponent',
  "expected a hexadecimal digit after '0x'",
  'unexpected character',
  'expected "inf", "infinity" or "nan"',
];

/** What stands at `position` in `s`, for a message. */
function found(s: string, position: number): string {
  if (position >= s.length) return ', found the end of the text';
  const c = s.charAt(position);
  return `, found ${JSON.stringify(c)}`;
}

/** The input, shortened for a message if it is long. */
function quote(s: string): string {
  return JSON.stringify(s.length <= 60 ? s : `${s.slice(0, 40)}…${s.slice(s.length - 12)}`);
}

/** A parse failure: `code` says what was wrong (one of the text_* constants) and `position` where (0-based). */
export class TextError extends Error {
  readonly code: TextErrorCode;
  readonly position: number;
  readonly input: string;

  constructor(fn: string, code: TextErrorCode, position: number, input: string) {
    const what =
      code === text_empty
        ? 'empty string'
        : code === text_unexpected
          ? `unexpected ${JSON.stringify(input.charAt(position))} at position ${position}`
          : `${REASONS[code]!}${found(input, position)} at position ${position}`;
    super(`${fn}: ${what} in ${quote(input)}`);
    this.name = 'TextError';
    this.code = code;
    this.position = position;
    this.input = input;
  }
}
