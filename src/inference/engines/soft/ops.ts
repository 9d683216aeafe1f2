/**
 * The soft engines' other kernels: pools, activations, softmax, elementwise Add/Mul, and copies. All work on format
 * words with the library's operations, in the orders of spec/model.md.
 *
 * Sums (AveragePool, GlobalAveragePool, the softmax denominator) follow the engine's accumulation policy:
 * `sequential` adds in the format from +0, `f32acc` adds in binary32 (each term widened exactly) and — like a C
 * loop with a float accumulator — divides in binary32 and rounds to the format once, `exact` adds exactly (exact.ts)
 * and rounds once. Under `sequential` and `exact` the division is then the format's own (the sum rounded to the
 * format, divided by the element count rounded to the format).
 *
 * Softmax per row: m = the maximum (compare v > m from −∞, so NaNs never win), e_i = exp(x_i − m) with the
 * format's sub and correctly rounded exp (stored as the outputs), s = Σ e_i by the policy, y_i = e_i / s.
 * Relu is x < 0 ? +0 : x (−0 and NaN pass through, as in the float64 reference); Clip compares with its bounds
 * rounded to the format; LeakyRelu multiplies by alpha rounded to the format (one rounding); Sigmoid, Tanh and Gelu are the
 * correctly rounded functions of src/math.
 */
import { umul, wide } from '../../../primitives/integer.js';
import { f32_add } from '../../../formats/f32/add.js';
import { f32_div } from '../../../formats/f32/div.js';
import { ui64_to_f32 } from '../../../formats/convert/ui64_to_f32.js';
import type { PoolGeometry } from '../../model/shapes.js';
import { ExactSum } from './exact.js';
import type { Accumulation, SoftFormat, Words } from './format.js';

/** A running sum under one accumulation policy. */
export class PolicySum {
  private acc = 0;
  private readonly exact: ExactSum | null;

  constructor(
    private readonly fmt: SoftFormat,
    private readonly accumulation: Accumulation,
  ) {
    this.exact = accumulation === 'exact' ? new ExactSum(fmt) : null;
  }

  add(v: number): void {
    if (this.exact !== null) this.exact.addValue(v);
    else if (this.accumulation === 'f32acc') this.acc = f32_add(this.acc, this.fmt.toF32(v));
    else this.acc = this.fmt.add(this.acc, v);
  }

  /** The sum as a format word; starts again from +0. */
  total(): number {
    if (this.exact !== null) return this.exact.finish();
    const s = this.acc;
    this.acc = 0;
    return this.accumulation === 'f32acc' ? this.fmt.fromF32(s) : s;
  }

  /**
   * The sum divided by the element count, given as a format word and as a binary32 word: under f32acc a binary32
   * division rounded once to the format, otherwise the format's division of the rounded sum. Starts again from +0.
   */
  quotient(count: number, count32: number): number {
    if (this.accumulation !== 'f32acc') return this.fmt.div(this.total(), count);
    const s = this.acc;
    this.acc = 0;
    return this.fmt.fromF32(f32_div(s, count32));
  }

  /** Under f32acc: the binary32 running sum itself (for a division in binary32); starts again from +0. */
  takeBinary32(): number {
    const s = this.acc;
    this.acc = 0;
    return s;
  }
}

export function maxPool(fmt: SoftFormat, x: Words, y: Words, g: PoolGeometry): void {
  const { channels, inH, inW, kernelH, kernelW, strideH, strideW, padTop, padLeft, outH, outW } = g;
  const plane = Math.imul(inH, inW);
  let out = 0;
  for (let c = 0; c < channels; c++) {
    const xc = Math.imul(c, plane);
    for (let oy = 0; oy < outH; oy++) {
      const iy0 = Math.imul(oy, strideH) - padTop;
      for (let ox = 0; ox < outW; ox++) {
        const ix0 = Math.imul(ox, strideW) - padLeft;
        let m = fmt.negInf;
        for (let ky = 0; ky < kernelH; ky++) {
          const iy = iy0 + ky;
          if (iy < 0 || iy >= inH) continue;
          for (let kx = 0; kx < kernelW; kx++) {
            const ix = ix0 + kx;
            if (ix < 0 || ix >= inW) continue;
            const v = x[xc + Math.imul(iy, inW) + ix]!;
            if (fmt.ltQuiet(m, v)) m = v;
          }
        }
        y[out++] = m;
      }
    }
  }
}

export function averagePool(
  fmt: SoftFormat,
  sum: PolicySum,
  x: Words,
  y: Words,
  g: PoolGeometry,
  countIncludePad: boolean,
): void {
  const { channels, inH, inW, kernelH, kernelW, strideH, strideW, padTop, padLeft, outH, outW } = g;
  const plane = Math.imul(inH, inW);
  const areaLo = umul(kernelH, kernelW);
  const areaHi = wide.hi;
  const area = fmt.fromU64(areaHi, areaLo);
  const area32 = ui64_to_f32(areaHi, areaLo);
  let out = 0;
  for (let c = 0; c < channels; c++) {
    const xc = Math.imul(c, plane);
    for (let oy = 0; oy < outH; oy++) {
      const iy0 = Math.imul(oy, strideH) - padTop;
      for (let ox = 0; ox < outW; ox++) {
        const ix0 = Math.imul(ox, strideW) - padLeft;
        let n = 0;
        for (let ky = 0; ky < kernelH; ky++) {
          const iy = iy0 + ky;
          if (iy < 0 || iy >= inH) continue;
          for (let kx = 0; kx < kernelW; kx++) {
            const ix = ix0 + kx;
            if (ix < 0 || ix >= inW) continue;
            sum.add(x[xc + Math.imul(iy, inW) + ix]!);
            n++;
          }
        }
        y[out++] = countIncludePad
          ? sum.quotient(area, area32)
          : sum.quotient(fmt.fromU64(0, n), ui64_to_f32(0, n));
      }
    }
  }
}

export function globalAveragePool(
  fmt: SoftFormat,
  sum: PolicySum,
  x: Words,
  y: Words,
  channels: number,
  spatial: number,
): void {
  const count = fmt.fromU64(0, spatial);
  const count32 = ui64_to_f32(0, spatial);
  for (let c = 0; c < channels; c++) {
    const xc = Math.imul(c, spatial);
    for (let i = 0; i < spatial; i++) sum.add(x[xc + i]!);
    y[c] = sum.quotient(count, count32);
  }
}

export function relu(fmt: SoftFormat, x: Words, y: Words, n: number): void {
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    y[i] = fmt.ltQuiet(v, 0) ? 0 : v;
  }
}

export function clip(fmt: SoftFormat, x: Words, y: Words, n: number, min: number, max: number): void {
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    y[i] = fmt.ltQuiet(v, min) ? min : fmt.ltQuiet(max, v) ? max : v;
  }
}

export function leakyRelu(fmt: SoftFormat, x: Words, y: Words, n: number, alpha: number): void {
  for (let i = 0; i < n; i++) {
    const v = x[i]!;
    y[i] = fmt.ltQuiet(v, 0) ? fmt.mul(alpha, v) : v;
  }
}

export function unary(f: (a: number) => number, x: Words, y: Words, n: number): void {
  for (let i = 0; i < n; i++) y[i] = f(x[i]!);
}

export function softmax(
  fmt: SoftFormat,
  accumulation: Accumulation,
  sum: PolicySum,
  x: Words,
  y: Words,
  rows: number,
  cols: number,
): void {
  for (let r = 0; r < rows; r++) {
    const base = Math.imul(r, cols);
    let m = fmt.negInf;
    for (let i = 0; i < cols; i++) if (fmt.ltQuiet(m, x[base + i]!)) m = x[base + i]!;
    for (let i = 0; i < cols; i++) {
      const e = fmt.exp(fmt.sub(x[base + i]!, m));
      y[base + i] = e;
      sum.add(e);
    }
    if (accumulation === 'f32acc') {
      const s32 = sum.takeBinary32();
      for (let i = 0; i < cols; i++) y[base + i] = fmt.fromF32(f32_div(fmt.toF32(y[base + i]!), s32));
    } else {
      const s = sum.total();
      for (let i = 0; i < cols; i++) y[base + i] = fmt.div(y[base + i]!, s);
    }
  }
}

/** a ⊙ b elementwise. */
export function binaryTensor(op: (a: number, b: number) => number, a: Words, b: Words, y: Words, n: number): void {
  for (let i = 0; i < n; i++) y[i] = op(a[i]!, b[i]!);
}

/** x ⊙ k with one constant per channel, each repeated over `inner` elements (a scalar: one channel of n). */
export function binaryChannel(
  op: (a: number, b: number) => number,
  x: Words,
  k: Words,
  y: Words,
  channels: number,
  inner: number,
): void {
  let i = 0;
  for (let c = 0; c < channels; c++) {
    const v = k[c]!;
    for (let j = 0; j < inner; j++, i++) y[i] = op(x[i]!, v);
  }
}
