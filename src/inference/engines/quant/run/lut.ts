/**
 * Table-driven operators: Sigmoid and Tanh through lookup tables built host-side from the input and output
 * quantization, and Softmax through a fixed-point exponential table with integer normalization.
 *
 * - int8: one table entry per input code (256 entries), the output code itself: exact for the prepared table.
 * - int16: 513 entries sampled every 128 input codes (entry j at code −32768 + 128·j, entry 512 just past the range),
 *   linearly interpolated: v = t[j] + round((t[j+1] − t[j])·f / 128), f the code's offset in its interval.
 *
 * Softmax, per row: m = max code; e_i = E(m − q_i) where E(d) ≈ 2^Q·exp(−sx·d) comes from a 513-entry table
 * over d = 0, 2^k, 2·2^k, … (k = 0 for int8: a direct lookup; k = 7 for int16, interpolated as above); s = Σ e_i
 * (Q is chosen host-side so that s < 2^31). Normalizing s to [2^30, 2^31) by a left shift n, r = ⌊2^60 / (s·2^n)⌋
 * (one 64/32 division, umDivMod), and p_i = round(e_i·2^n·r / 2^30) is e_i / s in Q30, within 2^-29 relative.
 * The output code is zy + requantize(p_i) with the multiplier 2^-30 / sy.
 */
import { umDivMod } from '../../../../primitives/integer.js';
import type { QArray } from './dense.js';
import { mulShiftRound, requantize } from './fixedpoint.js';

/** int8: y = table[x + 128]. */
export function lut8(x: Int8Array, y: Int8Array, n: number, table: Int8Array): void {
  for (let i = 0; i < n; i++) y[i] = table[x[i]! + 128]!;
}

/** int16: 513-entry table with linear interpolation, clamped to [lo, hi]. */
export function lut16(x: Int16Array, y: Int16Array, n: number, table: Int32Array, lo: number, hi: number): void {
  for (let i = 0; i < n; i++) {
    const u = x[i]! + 32768;
    const j = u >> 7;
    const a = table[j]!;
    const v = a + ((Math.imul(table[j + 1]! - a, u & 127) + 64) >> 7);
    y[i] = v < lo ? lo : v > hi ? hi : v;
  }
}

export interface SoftmaxParams {
  /** E(d) at d = j·2^k, j = 0 … 512 (Q fraction bits, E(0) = 2^Q), zero past the range. */
  readonly table: Int32Array;
  readonly k: number;
  /** Multiplier 2^-30 / sy. */
  readonly mult: number;
  readonly shift: number;
  readonly zOut: number;
  readonly lo: number;
  readonly hi: number;
}

export function softmax(x: QArray, y: QArray, rows: number, cols: number, p: SoftmaxParams): void {
  const { table, k, mult, shift, zOut, lo, hi } = p;
  const mask = ((1 << k) - 1) | 0;
  const half = k === 0 ? 0 : 1 << (k - 1);
  let base = 0;
  for (let r = 0; r < rows; r++, base += cols) {
    let m = x[base]!;
    for (let i = 1; i < cols; i++) if (x[base + i]! > m) m = x[base + i]!;
    let sum = 0;
    // y's codes are too narrow to hold the exponentials, so the second pass recomputes them instead of using scratch.
    for (let i = 0; i < cols; i++) {
      const d = m - x[base + i]!;
      const j = d >> k;
      const a = table[j]!;
      sum += a + ((Math.imul(table[j + 1]! - a, d & mask) + half) >> k);
    }
    const n = Math.clz32(sum) - 1;
    const sn = sum << n;
    const recip = umDivMod(0x10000000, 0, sn);
    for (let i = 0; i < cols; i++) {
      const d = m - x[base + i]!;
      const j = d >> k;
      const a = table[j]!;
      const e = a + ((Math.imul(table[j + 1]! - a, d & mask) + half) >> k);
      const prob = mulShiftRound(e << n, recip, 30);
      const v = requantize(prob, mult, shift) + zOut;
      y[base + i] = v < lo ? lo : v > hi ? hi : v;
    }
  }
}
