/**
 * The three storage formats as the soft engines see them: the library words each kernel calls (arithmetic,
 * comparison, elementary functions, conversions) and the field layout the exact accumulator decodes.
 *
 * A finite nonzero word is m·2^(ie + emin) with m its integer significand (hidden bit included for normal numbers)
 * and ie = max(E, 1) − 1 for the biased exponent field E: ie runs 0 … maxIe with no gap between subnormal and normal
 * numbers, which is what lets the exact accumulator index its buckets by ie directly.
 */
import { bf16_add } from '../../../formats/bf16/add.js';
import { bf16_div } from '../../../formats/bf16/div.js';
import { bf16_lt_quiet } from '../../../formats/bf16/lt_quiet.js';
import { bf16_mul } from '../../../formats/bf16/mul.js';
import { roundPackToBF16 } from '../../../formats/bf16/roundPack.js';
import { bf16_sub } from '../../../formats/bf16/sub.js';
import { bf16_to_f32 } from '../../../formats/convert/bf16_to_f32.js';
import { f16_to_f32 } from '../../../formats/convert/f16_to_f32.js';
import { f32_to_bf16 } from '../../../formats/convert/f32_to_bf16.js';
import { f32_to_f16 } from '../../../formats/convert/f32_to_f16.js';
import { ui64_to_bf16 } from '../../../formats/convert/ui64_to_bf16.js';
import { ui64_to_f16 } from '../../../formats/convert/ui64_to_f16.js';
import { ui64_to_f32 } from '../../../formats/convert/ui64_to_f32.js';
import { f16_add } from '../../../formats/f16/add.js';
import { f16_div } from '../../../formats/f16/div.js';
import { f16_lt_quiet } from '../../../formats/f16/lt_quiet.js';
import { f16_mul } from '../../../formats/f16/mul.js';
import { roundPackToF16 } from '../../../formats/f16/roundPack.js';
import { f16_sub } from '../../../formats/f16/sub.js';
import { f32_add } from '../../../formats/f32/add.js';
import { f32_div } from '../../../formats/f32/div.js';
import { f32_lt_quiet } from '../../../formats/f32/lt_quiet.js';
import { f32_mul } from '../../../formats/f32/mul.js';
import { roundPackToF32 } from '../../../formats/f32/roundPack.js';
import { f32_sub } from '../../../formats/f32/sub.js';
import { defaultNaNBF16, defaultNaNF16, defaultNaNF32 } from '../../../formats/specialize.js';
import { bf16_exp, f16_exp, f32_exp } from '../../../math/exp.js';
import { bf16_sigmoid, f16_sigmoid, f32_sigmoid } from '../../../math/sigmoid.js';
import { bf16_tanh, f16_tanh, f32_tanh } from '../../../math/tanh.js';
import { bf16_gelu, f16_gelu, f32_gelu } from '../../../math/gelu.js';

export type FormatName = 'f32' | 'f16' | 'bf16';
export type Accumulation = 'sequential' | 'f32acc' | 'exact';

/** Words of one format: binary32 words in a Uint32Array, the 16-bit formats in a Uint16Array. */
export type Words = Uint32Array | Uint16Array;

type Binary = (a: number, b: number) => number;
type Unary = (a: number) => number;

export interface SoftFormat {
  readonly name: FormatName;
  /** Bytes per stored word. */
  readonly bytes: 2 | 4;
  readonly newWords: (n: number) => Words;
  readonly add: Binary;
  readonly sub: Binary;
  readonly mul: Binary;
  readonly div: Binary;
  readonly ltQuiet: (a: number, b: number) => boolean;
  readonly exp: Unary;
  readonly tanh: Unary;
  readonly sigmoid: Unary;
  readonly gelu: Unary;
  /** Exact widening to binary32 and rounding back (identities for f32). */
  readonly toF32: Unary;
  readonly fromF32: Unary;
  /** A uint64 (high, low words) rounded to the format. */
  readonly fromU64: Binary;
  readonly negInf: number;
  readonly posInf: number;
  readonly defaultNaN: number;
  // Field layout.
  readonly signShift: number;
  readonly expShift: number;
  /** Exponent field mask after the shift (also the Inf/NaN exponent). */
  readonly expMask: number;
  readonly fracMask: number;
  readonly hidden: number;
  /** Significand bits including the hidden bit (24, 11, 8). */
  readonly precision: number;
  /** Exponent of the lsb of a word with ie = 0 (−149, −24, −133). */
  readonly emin: number;
  /** Largest ie of a finite word (253, 29, 253). */
  readonly maxIe: number;
  /** The format's round-and-pack (its roundPack.ts): sign, biased exponent minus one, a sigBits-bit significand. */
  readonly roundPack: (sign: number, exp: number, sig: number) => number;
  /** Width of roundPack's significand (31, 15, 15); its leading bit sits at 2^(sigBits − 1). */
  readonly sigBits: number;
  /** roundPack's `exp` for a value whose leading bit weighs 2^L is L + expAdj. */
  readonly expAdj: number;
}

const identity: Unary = (a) => a;

export const F32: SoftFormat = {
  name: 'f32',
  bytes: 4,
  newWords: (n) => new Uint32Array(n),
  add: f32_add,
  sub: f32_sub,
  mul: f32_mul,
  div: f32_div,
  ltQuiet: f32_lt_quiet,
  exp: f32_exp,
  tanh: f32_tanh,
  sigmoid: f32_sigmoid,
  gelu: f32_gelu,
  toF32: identity,
  fromF32: identity,
  fromU64: ui64_to_f32,
  negInf: 0xff800000,
  posInf: 0x7f800000,
  defaultNaN: defaultNaNF32,
  signShift: 31,
  expShift: 23,
  expMask: 0xff,
  fracMask: 0x007fffff,
  hidden: 0x00800000,
  precision: 24,
  emin: -149,
  maxIe: 253,
  roundPack: roundPackToF32,
  sigBits: 31,
  expAdj: 126,
};

export const F16: SoftFormat = {
  name: 'f16',
  bytes: 2,
  newWords: (n) => new Uint16Array(n),
  add: f16_add,
  sub: f16_sub,
  mul: f16_mul,
  div: f16_div,
  ltQuiet: f16_lt_quiet,
  exp: f16_exp,
  tanh: f16_tanh,
  sigmoid: f16_sigmoid,
  gelu: f16_gelu,
  toF32: f16_to_f32,
  fromF32: f32_to_f16,
  fromU64: ui64_to_f16,
  negInf: 0xfc00,
  posInf: 0x7c00,
  defaultNaN: defaultNaNF16,
  signShift: 15,
  expShift: 10,
  expMask: 0x1f,
  fracMask: 0x03ff,
  hidden: 0x0400,
  precision: 11,
  emin: -24,
  maxIe: 29,
  roundPack: roundPackToF16,
  sigBits: 15,
  expAdj: 14,
};

export const BF16: SoftFormat = {
  name: 'bf16',
  bytes: 2,
  newWords: (n) => new Uint16Array(n),
  add: bf16_add,
  sub: bf16_sub,
  mul: bf16_mul,
  div: bf16_div,
  ltQuiet: bf16_lt_quiet,
  exp: bf16_exp,
  tanh: bf16_tanh,
  sigmoid: bf16_sigmoid,
  gelu: bf16_gelu,
  toF32: bf16_to_f32,
  fromF32: f32_to_bf16,
  fromU64: ui64_to_bf16,
  negInf: 0xff80,
  posInf: 0x7f80,
  defaultNaN: defaultNaNBF16,
  signShift: 15,
  expShift: 7,
  expMask: 0xff,
  fracMask: 0x007f,
  hidden: 0x0080,
  precision: 8,
  emin: -133,
  maxIe: 253,
  roundPack: roundPackToBF16,
  sigBits: 15,
  expAdj: 126,
};

export function softFormat(name: FormatName): SoftFormat {
  switch (name) {
    case 'f32':
      return F32;
    case 'f16':
      return F16;
    case 'bf16':
      return BF16;
  }
}

/** True for Inf and NaN words. */
export function isSpecial(fmt: SoftFormat, w: number): boolean {
  return ((w >>> fmt.expShift) & fmt.expMask) === fmt.expMask;
}

/** True for ±0. */
export function isZero(fmt: SoftFormat, w: number): boolean {
  return (w & ~(1 << fmt.signShift)) === 0;
}
