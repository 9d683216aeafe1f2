/**
 * Float64 kernels of the reference engine: one function per step kind, over typed arrays, allocation-free.
 * Accumulation orders are the ones plan.ts documents, so soft-float engines can follow them operation for operation.
 */

import type { ConvGeometry, PoolGeometry } from '../../model/shapes.js';
import { gelu as geluScalar } from './erf.js';

/** y[r][o] = Σ_k x[r][k]·w[o][k] (k ascending), then + b[o]. */
export function dense(
  x: Float64Array,
  w: Float64Array,
  b: Float64Array | null,
  y: Float64Array,
  rows: number,
  inF: number,
  outF: number,
): void {
  for (let r = 0; r < rows; r++) {
    const xr = r * inF;
    for (let o = 0; o < outF; o++) {
      const wr = o * inF;
      let acc = 0;
      for (let k = 0; k < inF; k++) acc += x[xr + k]! * w[wr + k]!;
      y[r * outF + o] = b === null ? acc : acc + b[o]!;
    }
  }
}

/**
 * Direct convolution. Each output's dot product runs over (ci, ky, kx) ascending from +0, padded taps skipped, bias
 * added last. The loops are turned inside out for speed (one tap at a time across a whole output row, accumulating
 * in y), which performs, for every output element, exactly the same additions in the same order.
 */
export function conv2d(x: Float64Array, w: Float64Array, b: Float64Array | null, y: Float64Array, g: ConvGeometry): void {
  const { inH, inW, kernelH, kernelW, strideH, strideW, padTop, padLeft, dilationH, dilationW, outH, outW } = g;
  const cg = g.groupInChannels;
  const mg = g.groupOutChannels;
  const plane = inH * inW;
  const outPlane = outH * outW;
  const kArea = kernelH * kernelW;
  for (let m = 0; m < g.outChannels; m++) {
    const cBase = Math.floor(m / mg) * cg;
    const yBase = m * outPlane;
    y.fill(0, yBase, yBase + outPlane);
    for (let ci = 0; ci < cg; ci++) {
      const xc = (cBase + ci) * plane;
      const wc = (m * cg + ci) * kArea;
      for (let ky = 0; ky < kernelH; ky++) {
        // Output rows whose tap ky lands inside the input: 0 <= oy·strideH − padTop + ky·dilationH < inH.
        const dy = ky * dilationH - padTop;
        const oy0 = dy >= 0 ? 0 : Math.ceil(-dy / strideH);
        const oy1 = Math.min(outH, Math.ceil((inH - dy) / strideH));
        for (let kx = 0; kx < kernelW; kx++) {
          const wv = w[wc + ky * kernelW + kx]!;
          const dx = kx * dilationW - padLeft;
          const ox0 = dx >= 0 ? 0 : Math.ceil(-dx / strideW);
          const ox1 = Math.min(outW, Math.ceil((inW - dx) / strideW));
          for (let oy = oy0; oy < oy1; oy++) {
            const xrow = xc + (oy * strideH + dy) * inW + dx;
            const yrow = yBase + oy * outW;
            if (strideW === 1) {
              for (let ox = ox0; ox < ox1; ox++) y[yrow + ox] += x[xrow + ox]! * wv;
            } else {
              for (let ox = ox0; ox < ox1; ox++) y[yrow + ox] += x[xrow + ox * strideW]! * wv;
            }
          }
        }
      }
    }
    if (b !== null) {
      const bias = b[m]!;
      for (let i = yBase; i < yBase + outPlane; i++) y[i] += bias;
    }
  }
}

/** Max over the real taps of each window (padding never wins). */
export function maxPool(x: Float64Array, y: Float64Array, g: PoolGeometry): void {
  const { channels, inH, inW, kernelH, kernelW, strideH, strideW, padTop, padLeft, outH, outW } = g;
  for (let c = 0; c < channels; c++) {
    const xc = c * inH * inW;
    for (let oy = 0; oy < outH; oy++) {
      const iy0 = oy * strideH - padTop;
      for (let ox = 0; ox < outW; ox++) {
        const ix0 = ox * strideW - padLeft;
        let m = -Infinity;
        for (let ky = 0; ky < kernelH; ky++) {
          const iy = iy0 + ky;
          if (iy < 0 || iy >= inH) continue;
          for (let kx = 0; kx < kernelW; kx++) {
            const ix = ix0 + kx;
            if (ix < 0 || ix >= inW) continue;
            const v = x[xc + iy * inW + ix]!;
            if (v > m) m = v;
          }
        }
        y[(c * outH + oy) * outW + ox] = m;
      }
    }
  }
}

/** Sum of the real taps (ky, kx ascending) divided by kh·kw (countIncludePad) or by the number of real taps. */
export function averagePool(x: Float64Array, y: Float64Array, g: PoolGeometry, countIncludePad: boolean): void {
  const { channels, inH, inW, kernelH, kernelW, strideH, strideW, padTop, padLeft, outH, outW } = g;
  const area = kernelH * kernelW;
  for (let c = 0; c < channels; c++) {
    const xc = c * inH * inW;
    for (let oy = 0; oy < outH; oy++) {
      const iy0 = oy * strideH - padTop;
      for (let ox = 0; ox < outW; ox++) {
        const ix0 = ox * strideW - padLeft;
        let sum = 0;
        let n = 0;
        for (let ky = 0; ky < kernelH; ky++) {
          const iy = iy0 + ky;
          if (iy < 0 || iy >= inH) continue;
          for (let kx = 0; kx < kernelW; kx++) {
            const ix = ix0 + kx;
            if (ix < 0 || ix >= inW) continue;
            sum += x[xc + iy * inW + ix]!;
            n++;
          }
        }
        y[(c * outH + oy) * outW + ox] = sum / (countIncludePad ? area : n);
      }
    }
  }
}

export function globalAveragePool(x: Float64Array, y: Float64Array, channels: number, spatial: number): void {
  for (let c = 0; c < channels; c++) {
    let sum = 0;
    const xc = c * spatial;
    for (let i = 0; i < spatial; i++) sum += x[xc + i]!;
    y[c] = sum / spatial;
  }
}

export function relu(x: Float64Array, y: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    y[i] = v < 0 ? 0 : v;
  }
}

export function clip(x: Float64Array, y: Float64Array, n: number, min: number, max: number): void {
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    y[i] = v < min ? min : v > max ? max : v;
  }
}

export function leakyRelu(x: Float64Array, y: Float64Array, n: number, alpha: number): void {
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    y[i] = v < 0 ? alpha * v : v;
  }
}

/** 1 / (1 + e^−x), written as e^x / (1 + e^x) for negative x so neither form overflows. */
export function sigmoid(x: Float64Array, y: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    if (v >= 0) {
      y[i] = 1 / (1 + Math.exp(-v));
    } else {
      const e = Math.exp(v);
      y[i] = e / (1 + e);
    }
  }
}

export function tanh(x: Float64Array, y: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) y[i] = Math.tanh(x[i]!);
}

/** x·Φ(x) (the exact, erf-based GELU; see erf.ts for the accuracy). */
export function gelu(x: Float64Array, y: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) y[i] = geluScalar(x[i]!);
}

/** Numerically stable: exponents of x − max(row), so the largest term is exactly 1 and nothing overflows. */
export function softmax(x: Float64Array, y: Float64Array, rows: number, cols: number): void {
  for (let r = 0; r < rows; r++) {
    const base = r * cols;
    let m = -Infinity;
    for (let i = 0; i < cols; i++) if (x[base + i]! > m) m = x[base + i]!;
    let sum = 0;
    for (let i = 0; i < cols; i++) {
      const e = Math.exp(x[base + i]! - m);
      y[base + i] = e;
      sum += e;
    }
    for (let i = 0; i < cols; i++) y[base + i] = y[base + i]! / sum;
  }
}

/** a ⊙ b elementwise (⊙ = + or ·). */
export function binaryTensor(a: Float64Array, b: Float64Array, y: Float64Array, n: number, mul: boolean): void {
  if (mul) for (let i = 0; i < n; i++) y[i] = a[i]! * b[i]!;
  else for (let i = 0; i < n; i++) y[i] = a[i]! + b[i]!;
}

/** x ⊙ k with k one value per channel, each repeated over `inner` elements (a scalar is one channel of n). */
export function binaryChannel(
  x: Float64Array,
  k: Float64Array,
  y: Float64Array,
  channels: number,
  inner: number,
  mul: boolean,
): void {
  for (let c = 0; c < channels; c++) {
    const v = k[c]!;
    const base = c * inner;
    if (mul) for (let i = 0; i < inner; i++) y[base + i] = x[base + i]! * v;
    else for (let i = 0; i < inner; i++) y[base + i] = x[base + i]! + v;
  }
}

export function batchNorm(
  x: Float64Array,
  y: Float64Array,
  channels: number,
  inner: number,
  scale: Float64Array,
  bias: Float64Array,
  mean: Float64Array,
  variance: Float64Array,
  epsilon: number,
): void {
  for (let c = 0; c < channels; c++) {
    const sd = Math.sqrt(variance[c]! + epsilon);
    const g = scale[c]!;
    const b = bias[c]!;
    const mu = mean[c]!;
    const base = c * inner;
    for (let i = 0; i < inner; i++) y[base + i] = ((x[base + i]! - mu) / sd) * g + b;
  }
}
