/**
 * Quantized Gemm/MatMul: y[r][o] = clamp(zy + requantize(bias[o] + Σ_k x[r][k]·w[o][k])), weights row-major
 * [out][in], one requantization per output.
 *
 * The input zero point is folded into the bias host-side (bias[o] = round(b/(sx·sw)) − zx·Σ_k w[o][k]), so the
 * inner loop is a bare dot product. Two accumulators:
 * - narrow: int32, wrapping (`| 0`). Two's complement addition is exact modulo 2^32, so only the final sum has to
 *   fit; the host picks this kernel when |bias| + max|x − zx|·Σ|w| < 2^31 (every int8 layer of ordinary size);
 * - wide: exact 64-bit (hi, lo) pair with carry, for int16 (|x·w| < 2^31 per product, any length) or int8 layers
 *   whose bound does not fit.
 */
import { requantize, requantize64 } from './fixedpoint.js';

export type QArray = Int8Array | Int16Array;

/** Requantization of one layer output: multipliers (one, or one per output channel), output zero point, clamp. */
export interface Requant {
  readonly mult: Int32Array;
  readonly shift: Int32Array;
  readonly zeroPoint: number;
  /** Output clamp in codes: the type range, narrowed by a fused Relu/Clip. */
  readonly lo: number;
  readonly hi: number;
}

/** Where a trace wants a layer's raw accumulators (fused layers only); null in ordinary runs. */
export interface AccumulatorSink {
  readonly lo: Int32Array;
  readonly hi: Int32Array;
}

export function denseNarrow(
  x: QArray,
  w: QArray,
  bias: Int32Array,
  rq: Requant,
  y: QArray,
  rows: number,
  inF: number,
  outF: number,
  sink: AccumulatorSink | null,
): void {
  const { mult, shift, zeroPoint, lo, hi } = rq;
  const perChannel = mult.length > 1;
  for (let r = 0; r < rows; r++) {
    const xr = Math.imul(r, inF);
    const yr = Math.imul(r, outF);
    let wr = 0;
    for (let o = 0; o < outF; o++) {
      let acc = bias[o]!;
      let k = 0;
      const end4 = inF - 3;
      for (; k < end4; k += 4) {
        acc =
          (acc +
            Math.imul(x[xr + k]!, w[wr + k]!) +
            Math.imul(x[xr + k + 1]!, w[wr + k + 1]!) +
            Math.imul(x[xr + k + 2]!, w[wr + k + 2]!) +
            Math.imul(x[xr + k + 3]!, w[wr + k + 3]!)) |
          0;
      }
      for (; k < inF; k++) acc = (acc + Math.imul(x[xr + k]!, w[wr + k]!)) | 0;
      wr += inF;
      if (sink !== null) sink.lo[yr + o] = acc;
      const c = perChannel ? o : 0;
      const v = requantize(acc, mult[c]!, shift[c]!) + zeroPoint;
      y[yr + o] = v < lo ? lo : v > hi ? hi : v;
    }
  }
}

export function denseWide(
  x: QArray,
  w: QArray,
  biasHi: Int32Array,
  biasLo: Int32Array,
  rq: Requant,
  y: QArray,
  rows: number,
  inF: number,
  outF: number,
  sink: AccumulatorSink | null,
): void {
  const { mult, shift, zeroPoint, lo, hi } = rq;
  const perChannel = mult.length > 1;
  for (let r = 0; r < rows; r++) {
    const xr = Math.imul(r, inF);
    const yr = Math.imul(r, outF);
    let wr = 0;
    for (let o = 0; o < outF; o++) {
      let aHi = biasHi[o]!;
      let aLo = biasLo[o]!;
      for (let k = 0; k < inF; k++) {
        const p = Math.imul(x[xr + k]!, w[wr + k]!);
        const s = (aLo + p) | 0;
        // Carry out of the unsigned low-word addition, plus p's sign extension into the high word.
        aHi = (aHi + (p >> 31) + (s >>> 0 < aLo >>> 0 ? 1 : 0)) | 0;
        aLo = s;
      }
      wr += inF;
      if (sink !== null) {
        sink.lo[yr + o] = aLo;
        sink.hi[yr + o] = aHi;
      }
      const c = perChannel ? o : 0;
      const v = requantize64(aHi, aLo, mult[c]!, shift[c]!) + zeroPoint;
      y[yr + o] = v < lo ? lo : v > hi ? hi : v;
    }
  }
}
