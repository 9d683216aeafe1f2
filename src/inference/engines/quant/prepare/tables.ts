/**
 * Host-side tables of the quantized engines: Sigmoid/Tanh lookup tables, the Softmax exponential table, and the
 * division magic of the average pools (spec/quantization.md §4.4–4.6).
 */
import { ModelError, type NodeRef } from '../../../model/errors.js';
import type { QuantBits } from './options.js';
import { type QParams, divisionMagic } from './scales.js';

/** The float64 reference's sigmoid (e^x / (1 + e^x) for x < 0, so neither form overflows). */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

function roundAway(v: number): number {
  return v < 0 ? -Math.round(-v) : Math.round(v);
}

/** int8: the output code of every input code u − 128 (u = 0 … 255). */
export function lookupTable8(f: (x: number) => number, input: QParams, output: QParams): Int8Array {
  const t = new Int8Array(256);
  for (let u = 0; u < 256; u++) {
    const x = input.scale * (u - 128 - input.zeroPoint);
    const q = roundAway(f(x) / output.scale) + output.zeroPoint;
    t[u] = q < -128 ? -128 : q > 127 ? 127 : q;
  }
  return t;
}

/**
 * int16: 513 samples of the output code at input codes −32768 + 128·j (j = 0 … 512), unclamped but kept within
 * ±2^16 so the kernel's interpolation products stay far inside int32; the kernel clamps.
 */
export function lookupTable16(f: (x: number) => number, input: QParams, output: QParams): Int32Array {
  const t = new Int32Array(513);
  for (let j = 0; j <= 512; j++) {
    const x = input.scale * (-32768 + 128 * j - input.zeroPoint);
    const q = roundAway(f(x) / output.scale) + output.zeroPoint;
    t[j] = q < -65536 ? -65536 : q > 65536 ? 65536 : q;
  }
  return t;
}

export interface SoftmaxTable {
  readonly table: Int32Array;
  readonly k: number;
  /** Fraction bits of the exponentials: E(0) = 2^Q. */
  readonly Q: number;
}

/**
 * E(d) = round(2^Q·exp(−sx·d)) at d = j·2^k, j = 0 … 512: k = 0 for int8 (every difference of codes, 0 … 255, has
 * its entry), k = 7 for int16 (0 … 65535 in 512 intervals). Q = min(23, 30 − ⌈log2 cols⌉) keeps the row sum below
 * 2^31 and the interpolation products below 2^30; rows longer than 2^22 are refused.
 */
export function softmaxTable(input: QParams, cols: number, bits: QuantBits, node: NodeRef): SoftmaxTable {
  let lg = 0;
  while (2 ** lg < cols) lg++;
  const Q = Math.min(23, 30 - lg);
  if (Q < 8) throw new ModelError(`Softmax rows of ${cols} values are too long for the integer normalization`, node);
  const k = bits === 8 ? 0 : 7;
  const table = new Int32Array(513);
  for (let j = 0; j <= 512; j++) table[j] = Math.round(2 ** Q * Math.exp(-input.scale * j * 2 ** k));
  return { table, k, Q };
}

/** Magic pairs of d = 2n for n = 1 … maxCount (index n). */
export function divisorTable(maxCount: number): { m: Int32Array; l: Int32Array } {
  const m = new Int32Array(maxCount + 1);
  const l = new Int32Array(maxCount + 1);
  for (let n = 1; n <= maxCount; n++) [m[n], l[n]] = divisionMagic(2 * n);
  return { m, l };
}
