/**
 * The shape computations exporters write around a Reshape, folded at import: `x.view(x.size(0), -1)` in PyTorch
 * becomes Shape → Gather → Unsqueeze → Concat → Reshape. The graph runs one sample at a time, so Shape of a computed
 * tensor is its per-sample shape (batch 1), a constant; Gather, Unsqueeze, Squeeze, Slice and Cast are imported only
 * for constants, which is all these chains hold. The resulting Reshape target then has the batch dimension 1, as it
 * must.
 */
import { ModelError } from '../model/errors.js';
import { formatShape } from '../model/shapes.js';
import type { OnnxNode } from './node.js';
import type { ConvertContext } from './ops.js';
import type { ConstDtype, ConstTensor } from './tensor.js';

function outputOf(n: OnnxNode): string {
  const out = n.outputs[0];
  if (out === undefined || out === '') throw new ModelError('has no output', n);
  return out;
}

function constInput(c: ConvertContext, n: OnnxNode, i: number, role: string): ConstTensor {
  const o = c.b.operand(n, i);
  if (o.kind === 'const') return o.tensor;
  if (o.kind === 'none') throw new ModelError(`${role} is missing`, n);
  throw new ModelError(
    `${role} "${n.inputs[i]}" is computed from the graph input; ${n.op} is supported on constants and shapes only`,
    n,
  );
}

function normAxis(axis: number, rank: number, n: OnnxNode): number {
  if (axis < -rank || axis >= rank) throw new ModelError(`axis ${axis} is out of range for rank ${rank}`, n);
  return axis < 0 ? axis + rank : axis;
}

function tensorOf(name: string, dims: readonly number[], data: Float64Array, dtype: ConstDtype): ConstTensor {
  return { name, dims: [...dims], data, dtype };
}

/** Axes of Unsqueeze/Squeeze: the attribute before opset 13, the optional second input from 13. */
function axesOf(c: ConvertContext, n: OnnxNode): number[] | undefined {
  if (c.opset >= 13) {
    n.checkAttributes([]);
    if ((n.inputs[1] ?? '') === '') return undefined;
    return Array.from(constInput(c, n, 1, 'input axes').data);
  }
  n.checkAttributes(['axes']);
  return n.ints('axes');
}

export function shape(c: ConvertContext, n: OnnxNode): void {
  n.checkAttributes(['start', 'end']);
  const x = c.b.operand(n, 0);
  if (x.kind === 'none') throw new ModelError('input data is missing', n);
  const dims = x.kind === 'value' ? x.shape : x.tensor.dims;
  const rank = dims.length;
  const clamp = (v: number) => Math.min(rank, Math.max(0, v < 0 ? v + rank : v));
  const start = clamp(n.int('start', 0));
  const end = clamp(n.int('end', rank));
  const out = dims.slice(start, Math.max(start, end));
  c.b.defineConstTensor(outputOf(n), tensorOf(outputOf(n), [out.length], Float64Array.from(out), 'int64'));
}

export function gather(c: ConvertContext, n: OnnxNode): void {
  n.checkAttributes(['axis']);
  const data = constInput(c, n, 0, 'input data');
  const idx = constInput(c, n, 1, 'input indices');
  const rank = data.dims.length;
  if (rank === 0) throw new ModelError('cannot gather from a scalar', n);
  const axis = normAxis(n.int('axis', 0), rank, n);
  const size = data.dims[axis]!;
  const outer = data.dims.slice(0, axis).reduce((a, b) => a * b, 1);
  const inner = data.dims.slice(axis + 1).reduce((a, b) => a * b, 1);
  const k = idx.data.length;
  const values = new Float64Array(outer * k * inner);
  for (let o = 0; o < outer; o++) {
    for (let j = 0; j < k; j++) {
      let i = idx.data[j]!;
      if (!Number.isInteger(i) || i < -size || i >= size) {
        throw new ModelError(`index ${i} is out of range for axis ${axis} of length ${size}`, n);
      }
      if (i < 0) i += size;
      for (let r = 0; r < inner; r++) values[(o * k + j) * inner + r] = data.data[(o * size + i) * inner + r]!;
    }
  }
  const dims = [...data.dims.slice(0, axis), ...idx.dims, ...data.dims.slice(axis + 1)];
  c.b.defineConstTensor(outputOf(n), tensorOf(outputOf(n), dims, values, data.dtype));
}

export function unsqueeze(c: ConvertContext, n: OnnxNode): void {
  const t = constInput(c, n, 0, 'input data');
  const axes = axesOf(c, n);
  if (axes === undefined || axes.length === 0) throw new ModelError('axes are required', n);
  const rank = t.dims.length + axes.length;
  const at = new Set(axes.map((a) => normAxis(a, rank, n)));
  if (at.size !== axes.length) throw new ModelError(`axes ${formatShape(axes)} repeat an axis`, n);
  const dims: number[] = [];
  let k = 0;
  for (let i = 0; i < rank; i++) dims.push(at.has(i) ? 1 : t.dims[k++]!);
  c.b.defineConstTensor(outputOf(n), tensorOf(outputOf(n), dims, t.data, t.dtype));
}

export function squeeze(c: ConvertContext, n: OnnxNode): void {
  const t = constInput(c, n, 0, 'input data');
  const axes = axesOf(c, n);
  const rank = t.dims.length;
  const drop = new Set(axes === undefined ? t.dims.flatMap((d, i) => (d === 1 ? [i] : [])) : axes.map((a) => normAxis(a, rank, n)));
  for (const a of drop) if (t.dims[a] !== 1) throw new ModelError(`axis ${a} has length ${t.dims[a]}, not 1`, n);
  const dims = t.dims.filter((_, i) => !drop.has(i));
  c.b.defineConstTensor(outputOf(n), tensorOf(outputOf(n), dims, t.data, t.dtype));
}

export function slice(c: ConvertContext, n: OnnxNode): void {
  if (c.opset < 10) throw new ModelError('Slice before opset 10 (attributes starts/ends) is not supported', n);
  n.checkAttributes([]);
  const t = constInput(c, n, 0, 'input data');
  const starts = Array.from(constInput(c, n, 1, 'input starts').data);
  const ends = Array.from(constInput(c, n, 2, 'input ends').data);
  const rank = t.dims.length;
  const axes = (n.inputs[3] ?? '') === '' ? starts.map((_, i) => i) : Array.from(constInput(c, n, 3, 'input axes').data);
  const steps = (n.inputs[4] ?? '') === '' ? starts.map(() => 1) : Array.from(constInput(c, n, 4, 'input steps').data);
  if (ends.length !== starts.length || axes.length !== starts.length || steps.length !== starts.length) {
    throw new ModelError('starts, ends, axes and steps must have the same length', n);
  }
  const lo = t.dims.map(() => 0);
  const step = t.dims.map(() => 1);
  const count = [...t.dims];
  starts.forEach((s, k) => {
    const a = normAxis(axes[k]!, rank, n);
    const d = t.dims[a]!;
    const st = steps[k]!;
    if (st === 0 || !Number.isInteger(st)) throw new ModelError(`step ${st} must be a nonzero integer`, n);
    const clampIdx = (v: number, min: number, max: number) => Math.min(max, Math.max(min, v < 0 ? v + d : v));
    const b = st > 0 ? clampIdx(s, 0, d) : clampIdx(s, -1, d - 1);
    const e = st > 0 ? clampIdx(ends[k]!, 0, d) : clampIdx(ends[k]!, -1, d - 1);
    lo[a] = b;
    step[a] = st;
    count[a] = Math.max(0, Math.ceil((e - b) / st));
  });
  const total = count.reduce((x, y) => x * y, 1);
  const values = new Float64Array(total);
  const strides = t.dims.map((_, i) => t.dims.slice(i + 1).reduce((x, y) => x * y, 1));
  for (let j = 0; j < total; j++) {
    let rest = j;
    let src = 0;
    for (let a = rank - 1; a >= 0; a--) {
      const q = rest % count[a]!;
      rest = Math.floor(rest / count[a]!);
      src += (lo[a]! + q * step[a]!) * strides[a]!;
    }
    values[j] = t.data[src]!;
  }
  c.b.defineConstTensor(outputOf(n), tensorOf(outputOf(n), count, values, t.dtype));
}

const CAST_TYPES = new Map<number, ConstDtype>([
  [1, 'float32'], [11, 'float64'], [7, 'int64'], [6, 'int32'], [10, 'float16'], [9, 'bool'],
]);

export function cast(c: ConvertContext, n: OnnxNode): void {
  n.checkAttributes(['to', 'saturate']);
  const to = n.int('to');
  const dtype = to === undefined ? undefined : CAST_TYPES.get(to);
  if (dtype === undefined) throw new ModelError(`cast to element type ${to} is not supported`, n);
  const x = c.b.operand(n, 0);
  if (x.kind === 'value' && (dtype === 'float32' || dtype === 'float64')) {
    // The engines compute in their own formats: a cast to a float type changes nothing they see.
    c.b.alias(outputOf(n), x, n);
    return;
  }
  const t = constInput(c, n, 0, 'input');
  const data =
    dtype === 'float32' ? t.data.map(Math.fround)
    : dtype === 'int64' || dtype === 'int32' ? t.data.map(Math.trunc)
    : dtype === 'bool' ? t.data.map((v) => (v !== 0 ? 1 : 0))
    : t.data;
  c.b.defineConstTensor(outputOf(n), tensorOf(outputOf(n), t.dims, data, dtype));
}
