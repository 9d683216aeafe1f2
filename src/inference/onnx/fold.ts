/**
 * Arithmetic on import-time constants (native doubles): numpy broadcasting, elementwise operations, transposition
 * and concatenation. Used to fold operators whose inputs are all constants and to reshape a constant operand into a
 * form the graph accepts. Result sizes are checked against the memory limit before anything is allocated.
 */

import { ModelError, type NodeRef } from '../model/errors.js';
import { MAX_ELEMENTS, formatShape } from '../model/shapes.js';
import type { ConstDtype, ConstTensor } from './tensor.js';

export function elementCount(dims: readonly number[]): number {
  return dims.reduce((a, b) => a * b, 1);
}

/** Row-major strides of `dims`. */
function strides(dims: readonly number[]): number[] {
  const s = new Array<number>(dims.length).fill(1);
  for (let i = dims.length - 2; i >= 0; i--) s[i] = s[i + 1]! * dims[i + 1]!;
  return s;
}

/** numpy's broadcast of two shapes, or undefined when they do not broadcast. */
export function broadcastShapes(a: readonly number[], b: readonly number[]): number[] | undefined {
  const rank = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let i = 0; i < rank; i++) {
    const da = a[a.length - rank + i] ?? 1;
    const db = b[b.length - rank + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) return undefined;
    out.push(da === 1 ? db : da);
  }
  return out;
}

function checkSize(dims: readonly number[], what: string, node: NodeRef): number {
  let n = 1;
  for (const d of dims) {
    n *= d;
    if (n > MAX_ELEMENTS) {
      throw new ModelError(
        `${what} of shape ${formatShape(dims)} would exceed the memory limit of 2^28 elements`,
        node,
      );
    }
  }
  return n;
}

/** Index of every element of `dims` into a tensor of `from` broadcast to `dims` (`from` has rank ≤ dims' rank). */
function broadcastIndex(from: readonly number[], dims: readonly number[]): (flat: number) => number {
  const rank = dims.length;
  const padded = [...new Array<number>(rank - from.length).fill(1), ...from];
  const src = strides(padded);
  const dst = strides(dims);
  return (flat) => {
    let at = 0;
    for (let i = 0; i < rank; i++) {
      const k = Math.floor(flat / dst[i]!) % dims[i]!;
      if (padded[i] !== 1) at += k * src[i]!;
    }
    return at;
  };
}

/** `t` broadcast (numpy rules) to `dims`, materialized. */
export function expandConst(t: ConstTensor, dims: readonly number[], name: string, node: NodeRef): ConstTensor {
  const n = checkSize(dims, `constant "${t.name}" expanded`, node);
  const at = broadcastIndex(t.dims, dims);
  const data = new Float64Array(n);
  for (let i = 0; i < n; i++) data[i] = t.data[at(i)]!;
  return { name, dims: [...dims], data, dtype: t.dtype };
}

/** Elementwise `f(a, b)` with numpy broadcasting. */
export function binaryConst(
  a: ConstTensor,
  b: ConstTensor,
  f: (x: number, y: number) => number,
  name: string,
  node: NodeRef,
): ConstTensor {
  const dims = broadcastShapes(a.dims, b.dims);
  if (dims === undefined) {
    throw new ModelError(
      `constants "${a.name}" ${formatShape(a.dims)} and "${b.name}" ${formatShape(b.dims)} do not broadcast`,
      node,
    );
  }
  const n = checkSize(dims, 'the result', node);
  const ia = broadcastIndex(a.dims, dims);
  const ib = broadcastIndex(b.dims, dims);
  const data = new Float64Array(n);
  for (let i = 0; i < n; i++) data[i] = f(a.data[ia(i)]!, b.data[ib(i)]!);
  const dtype: ConstDtype = a.dtype === b.dtype ? a.dtype : 'float64';
  return { name, dims, data, dtype };
}

/** Elementwise `f(t)`. */
export function mapConst(t: ConstTensor, f: (x: number) => number, name: string): ConstTensor {
  return { name, dims: [...t.dims], data: t.data.map(f), dtype: t.dtype };
}

/** `t` with its axes permuted: result axis i is `t`'s axis perm[i]. */
export function transposeConst(t: ConstTensor, perm: readonly number[], name: string): ConstTensor {
  const rank = t.dims.length;
  const dims = perm.map((p) => t.dims[p]!);
  const src = strides(t.dims);
  const dst = strides(dims);
  const n = t.data.length;
  const data = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let at = 0;
    for (let k = 0; k < rank; k++) at += (Math.floor(i / dst[k]!) % dims[k]!) * src[perm[k]!]!;
    data[i] = t.data[at]!;
  }
  return { name, dims, data, dtype: t.dtype };
}

/** Constants joined along `axis` (already normalized); the other dimensions must agree. */
export function concatConst(parts: readonly ConstTensor[], axis: number, name: string, node: NodeRef): ConstTensor {
  const first = parts[0]!;
  const rank = first.dims.length;
  const dims = [...first.dims];
  dims[axis] = 0;
  for (const p of parts) {
    const ok = p.dims.length === rank && p.dims.every((d, i) => i === axis || d === first.dims[i]);
    if (!ok) {
      throw new ModelError(
        `constant "${p.name}" ${formatShape(p.dims)} does not match "${first.name}" ${formatShape(first.dims)} ` +
          `outside axis ${axis}`,
        node,
      );
    }
    dims[axis] = dims[axis]! + p.dims[axis]!;
  }
  const n = checkSize(dims, 'the concatenation', node);
  const data = new Float64Array(n);
  const outer = elementCount(dims.slice(0, axis));
  let at = 0;
  for (let o = 0; o < outer; o++) {
    for (const p of parts) {
      const block = elementCount(p.dims.slice(axis));
      data.set(p.data.subarray(o * block, (o + 1) * block), at);
      at += block;
    }
  }
  const dtype = parts.every((p) => p.dtype === first.dtype) ? first.dtype : 'float64';
  return { name, dims, data, dtype };
}
