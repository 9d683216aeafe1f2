/**
 * Quantized pooling. Input and output share scale and zero point, so MaxPool is exact (the order of codes is the
 * order of values) and the averages are rounded averages of codes: mean(q) − z = mean(q − z). Each division by the
 * element count n is a fixed-point multiply and shift ({@link roundedDivide}) with the magic pair of 2n prepared
 * host-side, one per possible count.
 */
import type { PoolGeometry } from '../../../model/shapes.js';
import type { QArray } from './dense.js';
import { INT32_MIN, roundedDivide } from './fixedpoint.js';

/** Magic pairs (m, l) for d = 2n, indexed by the count n (entry 0 unused). */
export interface DivisorTable {
  readonly m: Int32Array;
  readonly l: Int32Array;
}

export function maxPool(x: QArray, y: QArray, g: PoolGeometry): void {
  const { channels, inH, inW, kernelH, kernelW, strideH, strideW, padTop, padLeft, outH, outW } = g;
  const plane = Math.imul(inH, inW);
  let out = 0;
  for (let c = 0; c < channels; c++) {
    const xc = Math.imul(c, plane);
    for (let oy = 0; oy < outH; oy++) {
      const iy0 = Math.imul(oy, strideH) - padTop;
      for (let ox = 0; ox < outW; ox++) {
        const ix0 = Math.imul(ox, strideW) - padLeft;
        let m = INT32_MIN;
        for (let ky = 0; ky < kernelH; ky++) {
          const iy = iy0 + ky;
          if (iy < 0 || iy >= inH) continue;
          const row = xc + Math.imul(iy, inW);
          for (let kx = 0; kx < kernelW; kx++) {
            const ix = ix0 + kx;
            if (ix < 0 || ix >= inW) continue;
            const v = x[row + ix]!;
            if (v > m) m = v;
          }
        }
        y[out++] = m;
      }
    }
  }
}

/**
 * Rounded mean of the real taps; with `countIncludePad` the mean of all kh·kw taps, a padded tap reading as real 0,
 * i.e. as the zero point's code `zero`.
 */
export function averagePool(
  x: QArray,
  y: QArray,
  g: PoolGeometry,
  countIncludePad: boolean,
  zero: number,
  div: DivisorTable,
): void {
  const { channels, inH, inW, kernelH, kernelW, strideH, strideW, padTop, padLeft, outH, outW } = g;
  const plane = Math.imul(inH, inW);
  const area = Math.imul(kernelH, kernelW);
  let out = 0;
  for (let c = 0; c < channels; c++) {
    const xc = Math.imul(c, plane);
    for (let oy = 0; oy < outH; oy++) {
      const iy0 = Math.imul(oy, strideH) - padTop;
      for (let ox = 0; ox < outW; ox++) {
        const ix0 = Math.imul(ox, strideW) - padLeft;
        let sum = 0;
        let n = 0;
        for (let ky = 0; ky < kernelH; ky++) {
          const iy = iy0 + ky;
          if (iy < 0 || iy >= inH) continue;
          const row = xc + Math.imul(iy, inW);
          for (let kx = 0; kx < kernelW; kx++) {
            const ix = ix0 + kx;
            if (ix < 0 || ix >= inW) continue;
            sum += x[row + ix]!;
            n++;
          }
        }
        if (countIncludePad) {
          sum += Math.imul(area - n, zero);
          n = area;
        }
        y[out++] = roundedDivide(sum, n, div.m[n]!, div.l[n]!);
      }
    }
  }
}

/** Per channel: the rounded mean of its `spatial` codes, (m, l) the magic pair of 2·spatial. */
export function globalAveragePool(x: QArray, y: QArray, channels: number, spatial: number, m: number, l: number): void {
  let i = 0;
  for (let c = 0; c < channels; c++) {
    let sum = 0;
    for (let k = 0; k < spatial; k++) sum += x[i++]!;
    y[c] = roundedDivide(sum, spatial, m, l);
  }
}
