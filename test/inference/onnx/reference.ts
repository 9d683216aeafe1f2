/**
 * Straightforward float64 references for checking imported models: ONNX's definitions written out as plain loops,
 * independent of the engines' kernels, plus helpers to import and run.
 */
import { expect } from 'vitest';
import { createF64Engine } from '../../../src/inference/engines/f64/index.js';
import type { Graph } from '../../../src/inference/model/graph.js';
import { type OnnxImportOptions, importOnnx } from '../../../src/inference/onnx/index.js';

export function run(bytes: Uint8Array, x: readonly number[], options?: OnnxImportOptions): number[] {
  return Array.from(createF64Engine(importOnnx(bytes, options)).run(Float64Array.from(x)));
}

export function runGraph(g: Graph, x: readonly number[]): number[] {
  return Array.from(createF64Engine(g).run(Float64Array.from(x)));
}

/** Elementwise |got − want| ≤ tol·max(1, |want|). */
export function expectClose(got: readonly number[], want: readonly number[], tol = 1e-12): void {
  expect(got.length, 'length').toBe(want.length);
  for (let i = 0; i < want.length; i++) {
    const ok = Math.abs(got[i]! - want[i]!) <= tol * Math.max(1, Math.abs(want[i]!));
    expect(ok, `element ${i}: got ${got[i]}, want ${want[i]}`).toBe(true);
  }
}

export function range(n: number, f: (i: number) => number = (i) => i): number[] {
  return Array.from({ length: n }, (_, i) => f(i));
}

export interface ConvSpec {
  readonly strides?: readonly number[];
  readonly pads?: readonly number[];
  readonly dilations?: readonly number[];
  readonly group?: number;
}

/** ONNX Conv on x [1, C, H, W] with w [M, C/group, kh, kw]. */
export function convRef(
  x: readonly number[],
  [, h, w]: readonly number[],
  wt: readonly number[],
  [m, cg, kh, kw]: readonly number[],
  bias: readonly number[] | null,
  s: ConvSpec = {},
): { y: number[]; shape: number[] } {
  const [sh, sw] = s.strides ?? [1, 1];
  const [pt, pl, pb, pr] = s.pads ?? [0, 0, 0, 0];
  const [dh, dw] = s.dilations ?? [1, 1];
  const g = s.group ?? 1;
  const oh = Math.floor((h! + pt! + pb! - (dh! * (kh! - 1) + 1)) / sh!) + 1;
  const ow = Math.floor((w! + pl! + pr! - (dw! * (kw! - 1) + 1)) / sw!) + 1;
  const mg = m! / g;
  const y: number[] = [];
  for (let o = 0; o < m!; o++) {
    const grp = Math.floor(o / mg);
    for (let oy = 0; oy < oh; oy++) {
      for (let ox = 0; ox < ow; ox++) {
        let acc = 0;
        for (let ci = 0; ci < cg!; ci++) {
          for (let ky = 0; ky < kh!; ky++) {
            for (let kx = 0; kx < kw!; kx++) {
              const iy = oy * sh! - pt! + ky * dh!;
              const ix = ox * sw! - pl! + kx * dw!;
              if (iy < 0 || iy >= h! || ix < 0 || ix >= w!) continue;
              acc += x[((grp * cg! + ci) * h! + iy) * w! + ix]! * wt[((o * cg! + ci) * kh! + ky) * kw! + kx]!;
            }
          }
        }
        y.push(acc + (bias === null ? 0 : bias[o]!));
      }
    }
  }
  return { y, shape: [1, m!, oh, ow] };
}

export interface PoolSpec {
  readonly kernel: readonly number[];
  readonly strides?: readonly number[];
  readonly pads?: readonly number[];
  readonly ceil?: boolean;
  readonly countIncludePad?: boolean;
}

/** Output size along one axis as ONNX Runtime computes it (ceil mode drops a window starting past the input). */
function poolOut(size: number, k: number, s: number, pb: number, pe: number, ceil: boolean): number {
  const span = size + pb + pe - k;
  if (!ceil) return Math.floor(span / s) + 1;
  let out = Math.ceil(span / s) + 1;
  if ((out - 1) * s >= size + pb) out--;
  return out;
}

/** ONNX MaxPool / AveragePool on x [1, C, H, W]. */
export function poolRef(kind: 'max' | 'avg', x: readonly number[], [c, h, w]: readonly number[], p: PoolSpec): { y: number[]; shape: number[] } {
  const [kh, kw] = p.kernel;
  const [sh, sw] = p.strides ?? [1, 1];
  const [pt, pl, pb, pr] = p.pads ?? [0, 0, 0, 0];
  const oh = poolOut(h!, kh!, sh!, pt!, pb!, p.ceil ?? false);
  const ow = poolOut(w!, kw!, sw!, pl!, pr!, p.ceil ?? false);
  const y: number[] = [];
  for (let ch = 0; ch < c!; ch++) {
    for (let oy = 0; oy < oh; oy++) {
      for (let ox = 0; ox < ow; ox++) {
        let best = -Infinity;
        let sum = 0;
        let real = 0;
        let padded = 0;
        for (let ky = 0; ky < kh!; ky++) {
          for (let kx = 0; kx < kw!; kx++) {
            const iy = oy * sh! - pt! + ky;
            const ix = ox * sw! - pl! + kx;
            if (iy < h! + pb! && ix < w! + pr!) padded++;
            if (iy < 0 || iy >= h! || ix < 0 || ix >= w!) continue;
            const v = x[(ch * h! + iy) * w! + ix]!;
            best = Math.max(best, v);
            sum += v;
            real++;
          }
        }
        y.push(kind === 'max' ? best : sum / (p.countIncludePad ? padded : real));
      }
    }
  }
  return { y, shape: [1, c!, oh, ow] };
}

/** Y = alpha·op(A)·op(B) + beta·C for A [1, K] (batch 1), C broadcast to [1, N]. */
export function gemmRef(
  a: readonly number[],
  b: readonly number[],
  bDims: readonly number[],
  transB: boolean,
  alpha: number,
  beta: number,
  c: readonly number[] | null,
): number[] {
  const [r0, r1] = bDims as [number, number];
  const [k, nOut] = transB ? [r1, r0] : [r0, r1];
  const y: number[] = [];
  for (let o = 0; o < nOut; o++) {
    let acc = 0;
    for (let i = 0; i < k; i++) acc += a[i]! * (transB ? b[o * k + i]! : b[i * nOut + o]!);
    y.push(alpha * acc + (c === null ? 0 : beta * (c.length === 1 ? c[0]! : c[o]!)));
  }
  return y;
}

/** x·Φ(x) from erf computed by its Taylor series (independent of the engine's Cody approximation). */
export function geluRef(x: number): number {
  const z = x / Math.SQRT2;
  // erf(z) = 2/√π Σ (−1)^n z^(2n+1) / (n! (2n+1)), adequate for |z| < 3 at 1e-13.
  let term = z;
  let sum = z;
  for (let k = 1; k < 200; k++) {
    term *= (-z * z) / k;
    sum += term / (2 * k + 1);
    if (Math.abs(term) < 1e-30) break;
  }
  const erf = (2 / Math.sqrt(Math.PI)) * sum;
  return 0.5 * x * (1 + erf);
}
