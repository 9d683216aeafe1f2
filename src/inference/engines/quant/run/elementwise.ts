/**
 * Quantized elementwise operators: clamps (Relu, Clip), LeakyRelu, Add and Mul of two quantized tensors (or a
 * tensor and a quantized constant), and the requantizing copy Concat uses.
 *
 * Add follows TFLite: both operands are centered and shifted left by `leftShift` (20 for int8, 15 for int16, which
 * keeps |q − z|·2^leftShift below 2^31), brought to a common scale 2·max(sa, sb) by multipliers <= 1/2, summed, and
 * the sum requantized to the output scale. Mul requantizes the exact product of the centered codes (a 64-bit
 * product for int16 with zero points, whose centered codes reach 2^16 − 1).
 */
import { umulHi } from '../../../../primitives/integer.js';
import type { QArray } from './dense.js';
import { requantize, requantize64 } from './fixedpoint.js';

export function clamp(x: QArray, y: QArray, n: number, lo: number, hi: number): void {
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    y[i] = v < lo ? lo : v > hi ? hi : v;
  }
}

export interface LeakyParams {
  readonly zIn: number;
  /** Multipliers for x >= 0 (sx/sy) and x < 0 (alpha·sx/sy). */
  readonly multPos: number;
  readonly shiftPos: number;
  readonly multNeg: number;
  readonly shiftNeg: number;
  readonly zOut: number;
  readonly lo: number;
  readonly hi: number;
}

export function leakyRelu(x: QArray, y: QArray, n: number, p: LeakyParams): void {
  const { zIn, multPos, shiftPos, multNeg, shiftNeg, zOut, lo, hi } = p;
  for (let i = 0; i < n; i++) {
    const d = x[i]! - zIn;
    const v = (d >= 0 ? requantize(d, multPos, shiftPos) : requantize(d, multNeg, shiftNeg)) + zOut;
    y[i] = v < lo ? lo : v > hi ? hi : v;
  }
}

export interface AddParams {
  readonly leftShift: number;
  readonly zA: number;
  readonly multA: number;
  readonly shiftA: number;
  readonly zB: number;
  readonly multB: number;
  readonly shiftB: number;
  readonly multOut: number;
  readonly shiftOut: number;
  readonly zOut: number;
  readonly lo: number;
  readonly hi: number;
}

/**
 * y = a + b over `channels` blocks of `inner` elements; b is read per element (`bElementwise`: a tensor or a full
 * constant) or one value per block (a per-channel or scalar constant).
 */
export function add(a: QArray, b: QArray, y: QArray, channels: number, inner: number, bElementwise: boolean, p: AddParams): void {
  const { leftShift, zA, multA, shiftA, zB, multB, shiftB, multOut, shiftOut, zOut, lo, hi } = p;
  let i = 0;
  for (let c = 0; c < channels; c++) {
    const bc = b[c]!;
    for (let k = 0; k < inner; k++, i++) {
      const qb = bElementwise ? b[i]! : bc;
      const ra = requantize((a[i]! - zA) << leftShift, multA, shiftA);
      const rb = requantize((qb - zB) << leftShift, multB, shiftB);
      const v = requantize(ra + rb, multOut, shiftOut) + zOut;
      y[i] = v < lo ? lo : v > hi ? hi : v;
    }
  }
}

export interface MulParams {
  readonly zA: number;
  readonly zB: number;
  readonly mult: number;
  readonly shift: number;
  readonly zOut: number;
  readonly lo: number;
  readonly hi: number;
  /** Centered codes may reach 2^16 − 1 (int16 with zero points): take the 64-bit product. */
  readonly wide: boolean;
}

export function mul(a: QArray, b: QArray, y: QArray, channels: number, inner: number, bElementwise: boolean, p: MulParams): void {
  const { zA, zB, mult, shift, zOut, lo, hi, wide } = p;
  let i = 0;
  for (let c = 0; c < channels; c++) {
    const bc = b[c]!;
    for (let k = 0; k < inner; k++, i++) {
      const da = a[i]! - zA;
      const db = (bElementwise ? b[i]! : bc) - zB;
      let v: number;
      if (!wide) {
        v = requantize(Math.imul(da, db), mult, shift);
      } else {
        const ua = da < 0 ? -da : da;
        const ub = db < 0 ? -db : db;
        let pl = Math.imul(ua, ub) >>> 0;
        let ph = umulHi(ua, ub);
        if ((da ^ db) < 0) {
          pl = (~pl + 1) >>> 0;
          ph = (~ph + (pl === 0 ? 1 : 0)) | 0;
        }
        v = requantize64(ph, pl, mult, shift);
      }
      v += zOut;
      y[i] = v < lo ? lo : v > hi ? hi : v;
    }
  }
}

/** y[offset + i] = clamp(zOut + requantize(x[i] − zIn)): one Concat input brought to the output's scale. */
export function requantizeInto(
  x: QArray,
  y: QArray,
  offset: number,
  n: number,
  zIn: number,
  mult: number,
  shift: number,
  zOut: number,
  lo: number,
  hi: number,
): void {
  for (let i = 0; i < n; i++) {
    const v = requantize(x[i]! - zIn, mult, shift) + zOut;
    y[offset + i] = v < lo ? lo : v > hi ? hi : v;
  }
}
