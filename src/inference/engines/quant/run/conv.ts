/**
 * Quantized direct convolution (spec/model.md §2.2 geometry). Padded taps are skipped, which is right only for
 * centered inputs (real 0 is code zx, contributing nothing once zx is subtracted), so the input is first copied
 * centered (x − zx) into scratch: int8 codes fit an Int16Array, int16 codes an Int32Array. Each output channel is
 * accumulated one kernel tap at a time across whole output rows (the loop order of the f64 reference), into int32
 * accumulators (narrow: wrapping, exact when the host's bound holds) or exact 64-bit (hi, lo) pairs (wide), then
 * requantized per output element.
 */
import type { ConvGeometry } from '../../../model/shapes.js';
import type { AccumulatorSink, QArray, Requant } from './dense.js';
import { requantize, requantize64 } from './fixedpoint.js';

/** Geometry plus, per kernel row/column, the output rows/columns whose tap lands inside the input: [from, to). */
export interface ConvLayout {
  readonly geometry: ConvGeometry;
  readonly oy0: Int32Array;
  readonly oy1: Int32Array;
  readonly ox0: Int32Array;
  readonly ox1: Int32Array;
}

export function center(x: QArray, cx: Int16Array | Int32Array, n: number, zero: number): void {
  for (let i = 0; i < n; i++) cx[i] = x[i]! - zero;
}

/** Accumulate every tap of output channel m into `lo` (narrow, wrapping). */
function accumulateNarrow(cx: Int16Array | Int32Array, w: QArray, m: number, L: ConvLayout, acc: Int32Array): void {
  const g = L.geometry;
  const { inH, inW, kernelH, kernelW, strideH, strideW, padTop, padLeft, dilationH, dilationW, outW } = g;
  const cg = g.groupInChannels;
  const plane = Math.imul(inH, inW);
  const kArea = Math.imul(kernelH, kernelW);
  let group = 0;
  for (let t = g.groupOutChannels; t <= m; t += g.groupOutChannels) group++;
  const cBase = Math.imul(group, cg);
  for (let ci = 0; ci < cg; ci++) {
    const xc = Math.imul(cBase + ci, plane);
    const wc = Math.imul(Math.imul(m, cg) + ci, kArea);
    for (let ky = 0; ky < kernelH; ky++) {
      const dy = Math.imul(ky, dilationH) - padTop;
      const oy0 = L.oy0[ky]!;
      const oy1 = L.oy1[ky]!;
      for (let kx = 0; kx < kernelW; kx++) {
        const wv = w[wc + Math.imul(ky, kernelW) + kx]!;
        if (wv === 0) continue;
        const dx = Math.imul(kx, dilationW) - padLeft;
        const ox0 = L.ox0[kx]!;
        const ox1 = L.ox1[kx]!;
        for (let oy = oy0; oy < oy1; oy++) {
          const xrow = xc + Math.imul(Math.imul(oy, strideH) + dy, inW) + dx;
          const yrow = Math.imul(oy, outW);
          if (strideW === 1) {
            for (let ox = ox0; ox < ox1; ox++) acc[yrow + ox] = (acc[yrow + ox]! + Math.imul(cx[xrow + ox]!, wv)) | 0;
          } else {
            for (let ox = ox0; ox < ox1; ox++) {
              acc[yrow + ox] = (acc[yrow + ox]! + Math.imul(cx[xrow + Math.imul(ox, strideW)]!, wv)) | 0;
            }
          }
        }
      }
    }
  }
}

/** As accumulateNarrow, into exact 64-bit (hi, lo) pairs. */
function accumulateWide(
  cx: Int16Array | Int32Array,
  w: QArray,
  m: number,
  L: ConvLayout,
  accHi: Int32Array,
  accLo: Int32Array,
): void {
  const g = L.geometry;
  const { inH, inW, kernelH, kernelW, strideH, strideW, padTop, padLeft, dilationH, dilationW, outW } = g;
  const cg = g.groupInChannels;
  const plane = Math.imul(inH, inW);
  const kArea = Math.imul(kernelH, kernelW);
  let group = 0;
  for (let t = g.groupOutChannels; t <= m; t += g.groupOutChannels) group++;
  const cBase = Math.imul(group, cg);
  for (let ci = 0; ci < cg; ci++) {
    const xc = Math.imul(cBase + ci, plane);
    const wc = Math.imul(Math.imul(m, cg) + ci, kArea);
    for (let ky = 0; ky < kernelH; ky++) {
      const dy = Math.imul(ky, dilationH) - padTop;
      const oy0 = L.oy0[ky]!;
      const oy1 = L.oy1[ky]!;
      for (let kx = 0; kx < kernelW; kx++) {
        const wv = w[wc + Math.imul(ky, kernelW) + kx]!;
        if (wv === 0) continue;
        const dx = Math.imul(kx, dilationW) - padLeft;
        const ox0 = L.ox0[kx]!;
        const ox1 = L.ox1[kx]!;
        for (let oy = oy0; oy < oy1; oy++) {
          const xrow = xc + Math.imul(Math.imul(oy, strideH) + dy, inW) + dx;
          const yrow = Math.imul(oy, outW);
          for (let ox = ox0; ox < ox1; ox++) {
            const i = yrow + ox;
            const p = Math.imul(cx[xrow + Math.imul(ox, strideW)]!, wv);
            const l = accLo[i]!;
            const s = (l + p) | 0;
            accHi[i] = (accHi[i]! + (p >> 31) + (s >>> 0 < l >>> 0 ? 1 : 0)) | 0;
            accLo[i] = s;
          }
        }
      }
    }
  }
}

/**
 * Narrow convolution. `cx` is the centered input (filled by {@link center}); `acc` holds one output plane. `bias`
 * is round(b/(sx·sw)) per output channel.
 */
export function convNarrow(
  cx: Int16Array | Int32Array,
  w: QArray,
  bias: Int32Array,
  rq: Requant,
  y: QArray,
  L: ConvLayout,
  acc: Int32Array,
  sink: AccumulatorSink | null,
): void {
  const { mult, shift, zeroPoint, lo, hi } = rq;
  const perChannel = mult.length > 1;
  const outPlane = Math.imul(L.geometry.outH, L.geometry.outW);
  for (let m = 0; m < L.geometry.outChannels; m++) {
    acc.fill(bias[m]!, 0, outPlane);
    accumulateNarrow(cx, w, m, L, acc);
    const c = perChannel ? m : 0;
    const mu = mult[c]!;
    const sh = shift[c]!;
    const base = Math.imul(m, outPlane);
    if (sink !== null) sink.lo.set(acc.subarray(0, outPlane), base);
    for (let i = 0; i < outPlane; i++) {
      const v = requantize(acc[i]!, mu, sh) + zeroPoint;
      y[base + i] = v < lo ? lo : v > hi ? hi : v;
    }
  }
}

/** Wide convolution: 64-bit accumulators, bias as (hi, lo) per output channel. */
export function convWide(
  cx: Int16Array | Int32Array,
  w: QArray,
  biasHi: Int32Array,
  biasLo: Int32Array,
  rq: Requant,
  y: QArray,
  L: ConvLayout,
  accHi: Int32Array,
  accLo: Int32Array,
  sink: AccumulatorSink | null,
): void {
  const { mult, shift, zeroPoint, lo, hi } = rq;
  const perChannel = mult.length > 1;
  const outPlane = Math.imul(L.geometry.outH, L.geometry.outW);
  for (let m = 0; m < L.geometry.outChannels; m++) {
    accHi.fill(biasHi[m]!, 0, outPlane);
    accLo.fill(biasLo[m]!, 0, outPlane);
    accumulateWide(cx, w, m, L, accHi, accLo);
    const c = perChannel ? m : 0;
    const mu = mult[c]!;
    const sh = shift[c]!;
    const base = Math.imul(m, outPlane);
    if (sink !== null) {
      sink.lo.set(accLo.subarray(0, outPlane), base);
      sink.hi.set(accHi.subarray(0, outPlane), base);
    }
    for (let i = 0; i < outPlane; i++) {
      const v = requantize64(accHi[i]!, accLo[i]!, mu, sh) + zeroPoint;
      y[base + i] = v < lo ? lo : v > hi ? hi : v;
    }
  }
}
