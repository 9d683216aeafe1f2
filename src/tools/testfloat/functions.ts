/**
 * The functions the TestFloat driver can run, under Berkeley TestFloat 3e's names, with the shape of their test-case
 * lines: the operand fields, the result field, and which of the -r / -exact options they take.
 *
 * Names and line shapes follow testfloat_gen; the bf16 arithmetic, the f16<->bf16 conversions and the elementary
 * functions are fpuless extensions written the same way (TestFloat itself only knows bf16_to_f32 and f32_to_bf16).
 */
import * as fp from '../../index.js';
import type { RoundingMode } from '../../index.js';

/** A hex field of a test-case line: a float's bit pattern or an integer in two's complement. */
export type FieldType = 'f16' | 'bf16' | 'f32' | 'i32' | 'ui32' | 'i64' | 'ui64';
/** A result field: any field type, or a comparison result written as one digit, 0 or 1. */
export type ResultType = FieldType | 'bool';

/** Hex digits of each field, as testfloat_gen writes them. */
export const FIELD_DIGITS: Readonly<Record<ResultType, number>> = {
  f16: 4,
  bf16: 4,
  f32: 8,
  i32: 8,
  ui32: 8,
  i64: 16,
  ui64: 16,
  bool: 1,
};

/**
 * How a function rounds:
 * - `none`: exact, or rounds in the current mode (env.roundingMode, set from -r); takes no -exact;
 * - `argument`: roundToInt and the float-to-integer conversions, which take the -r mode and -exact as arguments;
 * - `minMag`: the `_r_minMag` conversions, always toward zero, which take -exact only.
 */
export type RoundingUse = 'none' | 'argument' | 'minMag';

/** The operation on a line's operand words; 64-bit operands take two words (high, then low). */
export type Evaluate = (a: number, b: number, c: number) => number;

export interface Settings {
  readonly roundingMode: RoundingMode;
  readonly exact: boolean;
}

export interface TestFunction {
  readonly name: string;
  readonly operands: readonly FieldType[];
  readonly result: ResultType;
  readonly rounding: RoundingUse;
  /** The operation with the options applied; a 64-bit result returns its low word, the high one in wide.hi. */
  readonly bind: (settings: Settings) => Evaluate;
}

const FLOATS = ['f16', 'bf16', 'f32'] as const;

const table = new Map<string, TestFunction>();

function define(
  name: string,
  operands: readonly FieldType[],
  result: ResultType,
  rounding: RoundingUse,
  bind: (settings: Settings) => Evaluate,
): void {
  table.set(name, { name, operands, result, rounding, bind });
}

const asBit = (b: boolean): number => (b ? 1 : 0);

for (const f of FLOATS) {
  const binary = [
    ['add', fp[`${f}_add`]],
    ['sub', fp[`${f}_sub`]],
    ['mul', fp[`${f}_mul`]],
    ['div', fp[`${f}_div`]],
    ['rem', fp[`${f}_rem`]],
  ] as const;
  for (const [op, word] of binary) define(`${f}_${op}`, [f, f], f, 'none', () => (a, b) => word(a, b));

  const mulAdd = fp[`${f}_mulAdd`];
  define(`${f}_mulAdd`, [f, f, f], f, 'none', () => (a, b, c) => mulAdd(a, b, c));
  const sqrt = fp[`${f}_sqrt`];
  define(`${f}_sqrt`, [f], f, 'none', () => (a) => sqrt(a));
  const roundToInt = fp[`${f}_roundToInt`];
  define(`${f}_roundToInt`, [f], f, 'argument', (s) => (a) => roundToInt(a, s.roundingMode, s.exact));

  const compare = [
    ['eq', fp[`${f}_eq`]],
    ['le', fp[`${f}_le`]],
    ['lt', fp[`${f}_lt`]],
    ['eq_signaling', fp[`${f}_eq_signaling`]],
    ['le_quiet', fp[`${f}_le_quiet`]],
    ['lt_quiet', fp[`${f}_lt_quiet`]],
  ] as const;
  for (const [op, word] of compare) define(`${f}_${op}`, [f, f], 'bool', 'none', () => (a, b) => asBit(word(a, b)));

  const toInt = [
    ['ui32', fp[`${f}_to_ui32`], fp[`${f}_to_ui32_r_minMag`]],
    ['ui64', fp[`${f}_to_ui64`], fp[`${f}_to_ui64_r_minMag`]],
    ['i32', fp[`${f}_to_i32`], fp[`${f}_to_i32_r_minMag`]],
    ['i64', fp[`${f}_to_i64`], fp[`${f}_to_i64_r_minMag`]],
  ] as const;
  for (const [i, word, minMag] of toInt) {
    define(`${f}_to_${i}`, [f], i, 'argument', (s) => (a) => word(a, s.roundingMode, s.exact));
    define(`${f}_to_${i}_r_minMag`, [f], i, 'minMag', (s) => (a) => minMag(a, s.exact));
  }

  const fromI32 = fp[`i32_to_${f}`];
  define(`i32_to_${f}`, ['i32'], f, 'none', () => (a) => fromI32(a | 0));
  const fromUi32 = fp[`ui32_to_${f}`];
  define(`ui32_to_${f}`, ['ui32'], f, 'none', () => (a) => fromUi32(a >>> 0));
  const fromI64 = fp[`i64_to_${f}`];
  define(`i64_to_${f}`, ['i64'], f, 'none', () => (hi, lo) => fromI64(hi | 0, lo >>> 0));
  const fromUi64 = fp[`ui64_to_${f}`];
  define(`ui64_to_${f}`, ['ui64'], f, 'none', () => (hi, lo) => fromUi64(hi >>> 0, lo >>> 0));
}

/**
 * The elementary functions (fpuless extensions, named like TestFloat's: f16_exp, bf16_tanh, f32_atan2): rounded in
 * the current mode, operands and result in the function's format.
 */
const MATH_UNARY = [
  'exp', 'exp2', 'exp10', 'expm1', 'log', 'log2', 'log10', 'log1p', 'rsqrt', 'tanh', 'sigmoid', 'softplus', 'sin', 'cos',
  'tan', 'sinh', 'cosh', 'asinh', 'acosh', 'atanh', 'erf', 'erfc', 'gelu', 'asin', 'acos', 'atan',
] as const;
/** Two-operand functions, C's argument order (atan2(y, x)). */
const MATH_BINARY = ['atan2', 'pow', 'hypot'] as const;

for (const f of FLOATS) {
  for (const name of MATH_UNARY) {
    const word = fp[`${f}_${name}`];
    define(`${f}_${name}`, [f], f, 'none', () => (a) => word(a));
  }
  for (const name of MATH_BINARY) {
    const word = fp[`${f}_${name}`];
    define(`${f}_${name}`, [f, f], f, 'none', () => (a, b) => word(a, b));
  }
}

const conversions = [
  ['f16', 'f32', fp.f16_to_f32],
  ['f32', 'f16', fp.f32_to_f16],
  ['bf16', 'f32', fp.bf16_to_f32],
  ['f32', 'bf16', fp.f32_to_bf16],
  ['f16', 'bf16', fp.f16_to_bf16],
  ['bf16', 'f16', fp.bf16_to_f16],
] as const;
for (const [from, to, word] of conversions) define(`${from}_to_${to}`, [from], to, 'none', () => (a) => word(a));

/** Every function, by TestFloat name. */
export const TEST_FUNCTIONS: ReadonlyMap<string, TestFunction> = table;
