/**
 * Text for binary32, binary16 and bfloat16: reading decimal and hexadecimal numbers (correctly rounded in every mode,
 * with flags) and writing them (shortest round-trip digits, fixed, exponential, precision, REPRESENT, hexadecimal).
 * See spec/text.md.
 */
export { f32_fromDecimal, f16_fromDecimal, bf16_fromDecimal, parseF32, parseF16, parseBF16 } from './parse.js';
export {
  TextError,
  type TextErrorCode,
  text_empty,
  text_expectedNumber,
  text_noDigits,
  text_exponentDigits,
  text_hexDigits,
  text_unexpected,
  text_badWord,
} from './errors.js';
export {
  MAX_PRECISION,
  type Represented,
  f32_toShortest,
  f32_toFixed,
  f32_toExponential,
  f32_toPrecision,
  f32_represent,
  f32_toHex,
  f16_toShortest,
  f16_toFixed,
  f16_toExponential,
  f16_toPrecision,
  f16_represent,
  f16_toHex,
  bf16_toShortest,
  bf16_toFixed,
  bf16_toExponential,
  bf16_toPrecision,
  bf16_represent,
  bf16_toHex,
} from './format.js';
