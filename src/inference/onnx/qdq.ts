/**
 * QuantizeLinear and DequantizeLinear, as QDQ models use them (ONNX Runtime's quantize_static, PyTorch's export):
 *
 * - DequantizeLinear of a constant (integer weights or biases): folded into the float constant ONNX defines,
 *   binary32 of (q − zero point)·scale, and its parameters recorded for the constant's name;
 * - QuantizeLinear of a constant: folded into the integer codes (round half to even, saturated), which a
 *   DequantizeLinear then reads as above;
 * - QuantizeLinear of a computed value whose every reader is a DequantizeLinear with the same parameters (the
 *   activation pairs): the pair leaves the value as it is in the float graph, and its scale and zero point are
 *   recorded for the value.
 *
 * The recorded parameters travel with the graph (`Graph.quantization`); the fixed-point engine's `qdq` mode quantizes
 * with them instead of calibrating (spec/onnx.md §5). Anything else, such as integer tensors computed on, is refused.
 */
import { ModelError } from '../model/errors.js';
import type { TensorQuantization } from '../model/graph.js';
import type { GraphBuilder } from './builder.js';
import type { OnnxNode } from './node.js';
import type { ConstDtype, ConstTensor } from './tensor.js';

type QuantType = TensorQuantization['type'];

const RANGE: Record<QuantType, readonly [number, number]> = {
  int8: [-128, 127],
  uint8: [0, 255],
  int16: [-32768, 32767],
  uint16: [0, 65535],
  int32: [-(2 ** 31), 2 ** 31 - 1],
};

function isQuantType(d: ConstDtype): d is QuantType {
  return d in RANGE;
}

export interface QdqContext {
  readonly b: GraphBuilder;
  readonly opset: number;
  /** The nodes that read an ONNX value. */
  consumers(value: string): readonly OnnxNode[];
  isGraphOutput(value: string): boolean;
}

interface Params {
  readonly scale: Float64Array;
  readonly zeroPoint: Int32Array;
  readonly axis: number;
  readonly type: QuantType;
}

/** Scale, zero point and axis of a Quantize/DequantizeLinear; `codes` is the integer side's type when known. */
function params(c: QdqContext, n: OnnxNode, rank: number, codes: QuantType | undefined): Params {
  n.checkAttributes(c.opset >= 13 ? ['axis'] : []);
  if (n.inputs.length < 2 || n.inputs.length > 3) throw new ModelError(`expects 2 or 3 inputs, got ${n.inputs.length}`, n);
  const scaleT = c.b.const(n, 1, 'scale');
  const zpName = n.inputs[2] ?? '';
  const zpT = zpName === '' ? null : c.b.const(n, 2, 'zero point');
  if (scaleT.dims.length > 1 || (zpT !== null && zpT.dims.length > 1)) {
    throw new ModelError('scale and zero point must be scalars or 1-D', n);
  }
  const count = scaleT.data.length;
  let axis = -1;
  if (scaleT.dims.length === 1 && count > 1) {
    axis = n.int('axis', 1);
    if (axis < 0) axis += rank;
    if (axis < 0 || axis >= rank) throw new ModelError(`axis ${n.int('axis', 1)} is outside the tensor's ${rank} axes`, n);
  }
  for (let i = 0; i < count; i++) {
    const s = scaleT.data[i]!;
    if (!(s > 0) || !Number.isFinite(s)) throw new ModelError(`scale ${i} is ${s}; scales must be positive and finite`, n);
  }
  let type: QuantType = codes ?? 'uint8';
  if (zpT !== null) {
    if (!isQuantType(zpT.dtype)) throw new ModelError(`zero point has element type ${zpT.dtype}; expected an integer type`, n);
    if (codes !== undefined && zpT.dtype !== codes) {
      throw new ModelError(`zero point is ${zpT.dtype} but the quantized tensor is ${codes}`, n);
    }
    type = zpT.dtype;
    if (zpT.data.length !== count) {
      throw new ModelError(`${zpT.data.length} zero points for ${count} scales`, n);
    }
  }
  const zeroPoint = Int32Array.from({ length: count }, (_, i) => (zpT === null ? 0 : zpT.data[i]!));
  return { scale: Float64Array.from(scaleT.data, Math.fround), zeroPoint, axis, type };
}

/** Index into the scales of element i of a tensor of `dims` quantized along `axis`. */
function channelOf(dims: readonly number[], axis: number): (i: number) => number {
  if (axis < 0) return () => 0;
  const inner = dims.slice(axis + 1).reduce((a, b) => a * b, 1);
  const size = dims[axis]!;
  return (i) => Math.floor(i / inner) % size;
}

function checkAxis(p: Params, dims: readonly number[], n: OnnxNode): void {
  if (p.axis >= 0 && dims[p.axis] !== p.scale.length) {
    throw new ModelError(`${p.scale.length} scales for axis ${p.axis} of length ${dims[p.axis]}`, n);
  }
}

function record(b: GraphBuilder, name: string, p: Params): void {
  b.quantization.set(name, { scale: p.scale, zeroPoint: p.zeroPoint, axis: p.axis, type: p.type });
}

function sameParams(a: Params, b: Params): boolean {
  return (
    a.axis === b.axis && a.type === b.type && a.scale.length === b.scale.length &&
    a.scale.every((s, i) => s === b.scale[i]) && a.zeroPoint.every((z, i) => z === b.zeroPoint[i])
  );
}

function outputOf(n: OnnxNode): string {
  const out = n.outputs[0];
  if (out === undefined || out === '') throw new ModelError('has no output', n);
  return out;
}

export function quantizeLinear(c: QdqContext, n: OnnxNode): void {
  const out = outputOf(n);
  const x = c.b.operand(n, 0);
  if (x.kind === 'none') throw new ModelError('input 0 is missing', n);
  if (x.kind === 'const') {
    const t = x.tensor;
    const p = params(c, n, t.dims.length, undefined);
    checkAxis(p, t.dims, n);
    const ch = channelOf(t.dims, p.axis);
    const [lo, hi] = RANGE[p.type];
    const data = new Float64Array(t.data.length);
    for (let i = 0; i < data.length; i++) {
      const k = ch(i);
      const r = t.data[i]! / p.scale[k]!;
      // Round half to even, as ONNX specifies.
      let q = Math.round(r);
      if (q - r === 0.5 && q % 2 !== 0) q -= 1;
      q += p.zeroPoint[k]!;
      data[i] = q < lo ? lo : q > hi ? hi : q;
    }
    const codes: ConstTensor = { name: out, dims: [...t.dims], data, dtype: p.type };
    c.b.defineConstTensor(out, codes);
    return;
  }
  const p = params(c, n, x.shape.length, undefined);
  if (p.axis >= 0) throw new ModelError('per-axis quantization of a computed tensor is not supported (only of weights)', n);
  const readers = c.consumers(out);
  if (c.isGraphOutput(out)) {
    throw new ModelError(`the graph output "${out}" is quantized integers; fpuless models have a float output (add a DequantizeLinear)`, n);
  }
  for (const r of readers) {
    if (r.op !== 'DequantizeLinear') {
      throw new ModelError(
        `its integer output "${out}" is read by ${r.op} node "${r.name}"; only DequantizeLinear may read a quantized activation`,
        n,
      );
    }
    const q = params(c, r, x.shape.length, p.type);
    if (!sameParams(p, q)) {
      throw new ModelError(`DequantizeLinear node "${r.name}" reads "${out}" with a different scale or zero point`, n);
    }
  }
  record(c.b, x.name, p);
  c.b.alias(out, x, n);
}

export function dequantizeLinear(c: QdqContext, n: OnnxNode): void {
  const out = outputOf(n);
  const x = c.b.operand(n, 0);
  if (x.kind === 'none') throw new ModelError('input 0 is missing', n);
  if (x.kind === 'value') {
    // The second half of an activation pair: QuantizeLinear made its input an alias of the float value.
    if (!c.b.quantization.has(x.name)) {
      throw new ModelError(`input "${n.inputs[0]}" is computed but not by a QuantizeLinear; integer tensors are not supported`, n);
    }
    c.b.alias(out, x, n);
    return;
  }
  const t = x.tensor;
  if (!isQuantType(t.dtype)) throw new ModelError(`input "${n.inputs[0]}" has element type ${t.dtype}; expected integer codes`, n);
  const p = params(c, n, t.dims.length, t.dtype);
  checkAxis(p, t.dims, n);
  const ch = channelOf(t.dims, p.axis);
  // ONNX computes in the scale's type, binary32.
  const data = Float64Array.from(t.data, (q, i) => Math.fround((q - p.zeroPoint[ch(i)]!) * p.scale[ch(i)]!));
  c.b.defineConstTensor(out, { name: out, dims: [...t.dims], data, dtype: 'float32' });
  record(c.b, out, p);
}
