/**
 * One converter per supported ONNX operator: each reads its node's inputs and attributes (with the opset's defaults),
 * normalizes them into the operators of graph.ts, and emits graph nodes through the builder, or folds the node when
 * all its inputs are constants. What each does is described in spec/onnx.md, section 3.
 */

import { ModelError } from '../model/errors.js';
import type { NodeAttributes } from '../model/graph.js';
import { MAX_ELEMENTS, MAX_RANK, MAX_WINDOW, formatShape } from '../model/shapes.js';
import type { GraphBuilder, ValueOperand } from './builder.js';
import {
  binaryConst,
  broadcastShapes,
  concatConst,
  elementCount,
  expandConst,
  mapConst,
  transposeConst,
} from './fold.js';
import type { OnnxNode } from './node.js';
import { dequantizeLinear, quantizeLinear } from './qdq.js';
import { cast, gather, shape, slice, squeeze, unsqueeze } from './shapeOps.js';
import { AttrType } from './proto.js';
import { type ConstTensor, decodeTensor } from './tensor.js';

export interface ConvertContext {
  readonly b: GraphBuilder;
  /** Version of the default operator set the model imports. */
  readonly opset: number;
  /** Whether an ONNX value is read by a node of the graph or is the graph output. */
  isUsed(value: string): boolean;
  /** How many times an ONNX value is read (by nodes, and once more if it is the graph output). */
  uses(value: string): number;
  /** The nodes that read an ONNX value. */
  consumers(value: string): readonly OnnxNode[];
  isGraphOutput(value: string): boolean;
}

type Converter = (c: ConvertContext, n: OnnxNode) => void;

function same(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** The node's first output, which every converted node has. */
function output(n: OnnxNode): string {
  const out = n.outputs[0];
  if (out === undefined || out === '') throw new ModelError('has no output', n);
  return out;
}

/** Outputs beyond the first (MaxPool's indices, Dropout's mask, BatchNormalization's statistics) must be unused. */
function onlyFirstOutput(c: ConvertContext, n: OnnxNode): void {
  n.outputs.forEach((o, i) => {
    if (i > 0 && o !== '' && c.isUsed(o)) {
      throw new ModelError(`output ${i} "${o}" is used, but only the first output of ${n.op} is supported`, n);
    }
  });
}

function maxInputs(n: OnnxNode, count: number): void {
  if (n.inputs.length > count) throw new ModelError(`expects at most ${count} inputs, got ${n.inputs.length}`, n);
}

/** An integer-list attribute of `length` values in lo … hi. */
function intList(n: OnnxNode, key: string, length: number, lo: number, hi: number): number[] | undefined {
  const v = n.ints(key);
  if (v === undefined) return undefined;
  if (v.length !== length) {
    throw new ModelError(
      `attribute ${key} ${formatShape(v)} must have ${length} values (2-D spatial operators only)`,
      n,
    );
  }
  for (const e of v) {
    if (e < lo || e > hi) {
      throw new ModelError(`attribute ${key} ${formatShape(v)}: each value must be in ${lo} … ${hi}`, n);
    }
  }
  return v;
}

function flag(n: OnnxNode, key: string): boolean {
  const v = n.int(key, 0);
  if (v !== 0 && v !== 1) throw new ModelError(`attribute ${key} must be 0 or 1, got ${v}`, n);
  return v === 1;
}

/** A constant holding one value (a scalar or any shape with one element). */
function scalarOf(n: OnnxNode, t: ConstTensor, role: string): number {
  if (t.data.length !== 1) {
    throw new ModelError(`${role} "${t.name}" must hold a single value, got shape ${formatShape(t.dims)}`, n);
  }
  return t.data[0]!;
}

function scalarTensor(name: string, v: number): ConstTensor {
  return { name, dims: [], data: Float64Array.of(v), dtype: 'float32' };
}

function reshaped(t: ConstTensor, dims: readonly number[], name = t.name): ConstTensor {
  return { name, dims: [...dims], data: t.data, dtype: t.dtype };
}

// ---------------------------------------------------------------------------------------------------------------
// Elementwise operators

function unary(op: 'Relu' | 'Sigmoid' | 'Tanh' | 'GlobalAveragePool' | 'Gelu'): Converter {
  return (c, n) => {
    n.checkAttributes(op === 'Gelu' ? ['approximate'] : []);
    if (op === 'Gelu' && n.string('approximate', 'none') !== 'none') {
      throw new ModelError(
        `approximate="${n.string('approximate', 'none')}" is not supported (only "none", the erf form)`,
        n,
      );
    }
    maxInputs(n, 1);
    const x = c.b.value(n, 0, 'input X');
    c.b.emit(n, op, n.name, [x.name], {}, output(n));
  };
}

/**
 * x ⊙ k for a constant k, as a graph Add/Mul named `name` writing `out`: k may broadcast over x (numpy rules) but not
 * enlarge it. A broadcast the graph does not take directly (it takes a single value, one value per channel on axis 1,
 * or the full shape) is expanded to the full shape. `derived` says k is not the file's tensor; `xOnnx` is x's ONNX
 * name, given when an Add may become the bias of the dense layer before it.
 */
function constOp(
  c: ConvertContext,
  n: OnnxNode,
  op: 'Add' | 'Mul',
  name: string,
  x: ValueOperand,
  k: ConstTensor,
  derived: boolean,
  out: string,
  xOnnx?: string,
): void {
  if (op === 'Add' && xOnnx === x.name && c.uses(xOnnx) === 1 && fuseAsBias(c, n, x, k, derived, out)) return;
  const target = broadcastShapes(x.shape, k.dims);
  if (target === undefined) {
    throw new ModelError(
      `constant "${k.name}" of shape ${formatShape(k.dims)} does not broadcast to the input ${formatShape(x.shape)}`,
      n,
    );
  }
  if (!same(target, x.shape)) {
    throw new ModelError(
      `constant "${k.name}" of shape ${formatShape(k.dims)} would broadcast the input ${formatShape(x.shape)} to ` +
        `${formatShape(target)}; only constants that fit within the input are supported`,
      n,
    );
  }
  // The broadcast leaves x's shape, so k's rank is at most x's.
  let t = k;
  const padded = [...new Array<number>(x.shape.length - k.dims.length).fill(1), ...k.dims];
  const scalar = elementCount(padded) === 1;
  const full = same(padded, x.shape);
  const channel = x.shape.length >= 2 && padded.every((d, i) => (i === 1 ? d === x.shape[1] : d === 1));
  if (!scalar && !full && !channel) {
    t = expandConst(t, x.shape, t.name, n);
    derived = true;
  }
  const kName = c.b.weight(t, n, derived ? `${n.name}.${op === 'Add' ? 'bias' : 'scale'}` : undefined);
  c.b.emit(n, op, name, [x.name, kName], {}, out);
}

/**
 * An Add of one value per output feature (or one value) right after a bias-less Gemm or MatMul becomes that layer's
 * bias: the layer adds its bias after the sum, so nothing changes numerically, and a MatMul on [1, S, in] gets a bias
 * broadcast along its last axis, which the graph's Add does not take.
 */
function fuseAsBias(
  c: ConvertContext,
  n: OnnxNode,
  x: ValueOperand,
  k: ConstTensor,
  derived: boolean,
  out: string,
): boolean {
  const features = x.shape[x.shape.length - 1]!;
  const last = k.dims.length - 1;
  const perFeature =
    k.dims.length <= x.shape.length && k.dims.every((d, i) => d === 1 || (i === last && d === features));
  if (!perFeature) return false;
  const exact = k.dims.length === 1 && k.dims[0] === features;
  const data = k.data.length === 1 ? new Float64Array(features).fill(k.data[0]!) : k.data;
  const bias = exact ? k : { name: k.name, dims: [features], data, dtype: k.dtype };
  return c.b.fuseBias(x.name, bias, derived || bias !== k, n, out);
}

/** −x as a Mul by −1 (exact), named after `n`. */
function negate(c: ConvertContext, n: OnnxNode, x: ValueOperand): ValueOperand {
  const minusOne = c.b.weight(scalarTensor('', -1), n, `${n.name}.minus_one`);
  return c.b.emit(n, 'Mul', c.b.freshNode(`${n.name}/neg`), [x.name, minusOne], {});
}

const FOLD: Record<'Add' | 'Sub' | 'Mul' | 'Div', (x: number, y: number) => number> = {
  Add: (x, y) => x + y,
  Sub: (x, y) => x - y,
  Mul: (x, y) => x * y,
  Div: (x, y) => x / y,
};

function arithmetic(kind: 'Add' | 'Sub' | 'Mul' | 'Div'): Converter {
  return (c, n) => {
    n.checkAttributes([]);
    maxInputs(n, 2);
    const a = c.b.operand(n, 0);
    const bb = c.b.operand(n, 1);
    if (a.kind === 'none' || bb.kind === 'none') throw new ModelError('expects two inputs', n);
    const out = output(n);
    if (a.kind === 'const' && bb.kind === 'const') {
      c.b.defineConstTensor(out, binaryConst(a.tensor, bb.tensor, FOLD[kind], out, n));
      return;
    }
    if (a.kind === 'value' && bb.kind === 'value') {
      if (kind === 'Div') {
        throw new ModelError('division by a computed tensor is not supported (only by a constant)', n);
      }
      if (kind === 'Sub') {
        const neg = negate(c, n, bb);
        c.b.emit(n, 'Add', n.name, [a.name, neg.name], {}, out);
      } else {
        c.b.emit(n, kind, n.name, [a.name, bb.name], {}, out);
      }
      return;
    }
    const constFirst = a.kind === 'const';
    const x = (constFirst ? bb : a) as ValueOperand;
    const k = (constFirst ? a : bb) as { readonly tensor: ConstTensor };
    const xOnnx = n.inputs[constFirst ? 1 : 0]!;
    switch (kind) {
      case 'Add':
      case 'Mul':
        return constOp(c, n, kind, n.name, x, k.tensor, false, out, xOnnx);
      case 'Sub':
        if (!constFirst) {
          return constOp(c, n, 'Add', n.name, x, mapConst(k.tensor, (v) => -v, k.tensor.name), true, out, xOnnx);
        }
        // k − x = (−x) + k, exactly.
        return constOp(c, n, 'Add', n.name, negate(c, n, x), k.tensor, false, out);
      case 'Div': {
        if (constFirst) throw new ModelError('division by a computed tensor is not supported (only by a constant)', n);
        const d = k.tensor;
        const zero = d.data.indexOf(0);
        if (zero >= 0) throw new ModelError(`divisor "${d.name}" element ${zero} is 0`, n);
        const recip = mapConst(d, (v) => 1 / v, d.name);
        const bad = recip.data.findIndex((v) => !Number.isFinite(v));
        if (bad >= 0) {
          throw new ModelError(`divisor "${d.name}" element ${bad} (${d.data[bad]}) has no finite reciprocal`, n);
        }
        return constOp(c, n, 'Mul', n.name, x, recip, true, out);
      }
    }
  };
}

function clip(c: ConvertContext, n: OnnxNode): void {
  const x = c.b.value(n, 0, 'input X');
  let min: number | undefined;
  let max: number | undefined;
  if (c.opset < 11) {
    n.checkAttributes(['min', 'max']);
    maxInputs(n, 1);
    min = n.float('min');
    max = n.float('max');
  } else {
    n.checkAttributes([]);
    maxInputs(n, 3);
    const bound = (i: number, role: string): number | undefined => {
      const o = c.b.operand(n, i);
      if (o.kind === 'none') return undefined;
      if (o.kind === 'value') {
        throw new ModelError(`${role} "${n.inputs[i]}" must be a constant, not a computed tensor`, n);
      }
      const v = scalarOf(n, o.tensor, role);
      if (Number.isNaN(v)) throw new ModelError(`${role} "${n.inputs[i]}" is NaN`, n);
      // An infinite bound is no bound.
      return Number.isFinite(v) ? v : undefined;
    };
    min = bound(1, 'min');
    max = bound(2, 'max');
  }
  const attrs: NodeAttributes = {};
  if (min !== undefined) attrs.min = min;
  if (max !== undefined) attrs.max = max;
  c.b.emit(n, 'Clip', n.name, [x.name], attrs, output(n));
}

function leakyRelu(c: ConvertContext, n: OnnxNode): void {
  n.checkAttributes(['alpha']);
  maxInputs(n, 1);
  const x = c.b.value(n, 0, 'input X');
  // ONNX's default is the float attribute 0.01, i.e. binary32 0.01.
  const alpha = n.float('alpha', Math.fround(0.01));
  c.b.emit(n, 'LeakyRelu', n.name, [x.name], { alpha }, output(n));
}

// ---------------------------------------------------------------------------------------------------------------
// Dense layers

function gemm(c: ConvertContext, n: OnnxNode): void {
  n.checkAttributes(['alpha', 'beta', 'transA', 'transB']);
  maxInputs(n, 3);
  const alpha = n.float('alpha', 1);
  const beta = n.float('beta', 1);
  const transA = flag(n, 'transA');
  const transB = flag(n, 'transB');
  const a = c.b.operand(n, 0);
  if (a.kind !== 'value') {
    throw new ModelError('input A must be a computed tensor (a constant A times a computed B is not supported)', n);
  }
  if (a.shape.length !== 2) throw new ModelError(`input A must be 2-D, got ${formatShape(a.shape)}`, n);
  if (transA && a.shape[1] !== 1) {
    throw new ModelError(
      `transA=1 with A of shape ${formatShape(a.shape)} would make the batch axis a feature axis (op(A) = ` +
        `[${a.shape[1]}, ${a.shape[0]}]); in a batch-1 graph only a [1, 1] A can be transposed`,
      n,
    );
  }
  const k = a.shape[1]!;
  const bw = c.b.const(n, 1, 'input B');
  if (bw.dims.length !== 2) throw new ModelError(`input B "${bw.name}" must be 2-D, got ${formatShape(bw.dims)}`, n);
  const [r0, r1] = bw.dims as [number, number];
  const [inner, outF] = transB ? [r1, r0] : [r0, r1];
  if (inner !== k) {
    throw new ModelError(
      `input B "${bw.name}" has shape ${formatShape(bw.dims)}${transB ? ' (transB=1)' : ''}, whose inner dimension ` +
        `${inner} does not match the ${k} features of A`,
      n,
    );
  }
  // The graph's Gemm is x·W^T with W [out, in]: B itself when transB=1, else its transpose; alpha scales W.
  let w = transB ? bw : transposeConst(bw, [1, 0], bw.name);
  if (alpha !== 1) w = mapConst(w, (v) => alpha * v, bw.name);
  const inputs = [a.name, c.b.weight(w, n, w === bw ? undefined : `${n.name}.weight`)];
  const cc = c.b.operand(n, 2);
  if (cc.kind !== 'none' && beta !== 0) {
    if (cc.kind === 'value') {
      throw new ModelError(`input C "${n.inputs[2]}" must be a constant, not a computed tensor`, n);
    }
    const t = cc.tensor;
    const target = broadcastShapes(t.dims, [1, outF]);
    if (target === undefined || !same(target, [1, outF])) {
      throw new ModelError(`input C "${t.name}" of shape ${formatShape(t.dims)} does not broadcast to [1, ${outF}]`, n);
    }
    const plain = beta === 1 && (same(t.dims, [outF]) || same(t.dims, [1, outF]));
    let bias = t;
    if (!plain) {
      bias = reshaped(expandConst(t, [1, outF], t.name, n), [outF]);
      if (beta !== 1) bias = mapConst(bias, (v) => beta * v, t.name);
    }
    inputs.push(c.b.weight(bias, n, plain ? undefined : `${n.name}.bias`));
  }
  c.b.emit(n, 'Gemm', n.name, inputs, {}, output(n));
}

function matMul(c: ConvertContext, n: OnnxNode): void {
  n.checkAttributes([]);
  maxInputs(n, 2);
  const a = c.b.operand(n, 0);
  const bw = c.b.operand(n, 1);
  if (bw.kind === 'value') {
    throw new ModelError(
      `input B "${n.inputs[1]}" must be a constant weight; a MatMul of ` +
        `${a.kind === 'value' ? 'two computed tensors' : 'a constant by a computed tensor'} is not supported`,
      n,
    );
  }
  if (a.kind !== 'value' || bw.kind !== 'const') {
    throw new ModelError('input A must be a computed tensor and B a constant', n);
  }
  if (bw.tensor.dims.length !== 2) {
    throw new ModelError(
      `input B "${bw.tensor.name}" must be a 2-D constant [in, out], got ${formatShape(bw.tensor.dims)}`,
      n,
    );
  }
  if (a.shape.length < 2) throw new ModelError(`input A must have rank 2 or more, got ${formatShape(a.shape)}`, n);
  c.b.emit(n, 'MatMul', n.name, [a.name, c.b.weight(bw.tensor, n)], {}, output(n));
}

// ---------------------------------------------------------------------------------------------------------------
// Windows: Conv and pools

function need4d(n: OnnxNode, x: ValueOperand): [number, number] {
  if (x.shape.length !== 4) {
    throw new ModelError(`only 2-D ${n.op} on a 4-D NCHW input is supported, got input ${formatShape(x.shape)}`, n);
  }
  return [x.shape[2]!, x.shape[3]!];
}

/** Explicit pads [top, left, bottom, right] from `pads` or `auto_pad`, for a window of `extent` per axis. */
function resolvePads(n: OnnxNode, size: [number, number], extent: [number, number], strides: number[]): number[] {
  const autoPad = n.string('auto_pad', 'NOTSET');
  const pads = intList(n, 'pads', 4, 0, MAX_WINDOW);
  if (autoPad === 'NOTSET') return pads ?? [0, 0, 0, 0];
  if (pads !== undefined && pads.some((p) => p !== 0)) {
    throw new ModelError(`attribute pads cannot be combined with auto_pad=${autoPad}`, n);
  }
  if (autoPad === 'VALID') return [0, 0, 0, 0];
  if (autoPad !== 'SAME_UPPER' && autoPad !== 'SAME_LOWER') {
    throw new ModelError(`attribute auto_pad "${autoPad}" is not one of NOTSET, SAME_UPPER, SAME_LOWER, VALID`, n);
  }
  const begin: number[] = [];
  const end: number[] = [];
  for (let i = 0; i < 2; i++) {
    const out = Math.ceil(size[i]! / strides[i]!);
    const total = Math.max(0, (out - 1) * strides[i]! + extent[i]! - size[i]!);
    const b = autoPad === 'SAME_UPPER' ? Math.floor(total / 2) : Math.ceil(total / 2);
    begin.push(b);
    end.push(total - b);
  }
  const resolved = [begin[0]!, begin[1]!, end[0]!, end[1]!];
  if (resolved.some((p) => p > MAX_WINDOW)) {
    throw new ModelError(`auto_pad needs pads ${formatShape(resolved)} beyond ${MAX_WINDOW}`, n);
  }
  return resolved;
}

/** The spatial size after a Pad's extra padding. */
function padSize(size: [number, number], pads: readonly number[] | undefined): [number, number] {
  return pads === undefined ? size : [size[0] + pads[0]! + pads[2]!, size[1] + pads[1]! + pads[3]!];
}

function addPads(pads: readonly number[], extra: readonly number[] | undefined): number[] {
  return pads.map((p, i) => p + (extra?.[i] ?? 0));
}

function windowAttrs(strides: number[], pads: number[]): NodeAttributes {
  const attrs: NodeAttributes = {};
  if (!same(strides, [1, 1])) attrs.strides = strides;
  if (pads.some((p) => p !== 0)) attrs.pads = pads;
  return attrs;
}

function conv(c: ConvertContext, n: OnnxNode): void {
  n.checkAttributes(['auto_pad', 'dilations', 'group', 'kernel_shape', 'pads', 'strides']);
  maxInputs(n, 3);
  const { value: x, pads: before } = c.b.paddedValue(n, 0, 'input X');
  const size = padSize(need4d(n, x), before);
  const w = c.b.const(n, 1, 'weight W');
  if (w.dims.length !== 4) {
    throw new ModelError(`weight "${w.name}" must be 4-D [M, C/group, kh, kw], got ${formatShape(w.dims)}`, n);
  }
  const kernel = [w.dims[2]!, w.dims[3]!];
  const ks = n.ints('kernel_shape');
  if (ks !== undefined && !same(ks, kernel)) {
    throw new ModelError(
      `attribute kernel_shape ${formatShape(ks)} does not match weight "${w.name}" ${formatShape(w.dims)}`,
      n,
    );
  }
  const strides = intList(n, 'strides', 2, 1, MAX_WINDOW) ?? [1, 1];
  const dilations = intList(n, 'dilations', 2, 1, MAX_WINDOW) ?? [1, 1];
  const group = n.int('group', 1);
  if (group < 1 || group > MAX_ELEMENTS) {
    throw new ModelError(`attribute group must be a positive integer, got ${group}`, n);
  }
  const extent: [number, number] = [dilations[0]! * (kernel[0]! - 1) + 1, dilations[1]! * (kernel[1]! - 1) + 1];
  const pads = addPads(resolvePads(n, size, extent, strides), before);
  const attrs = windowAttrs(strides, pads);
  if (!same(dilations, [1, 1])) attrs.dilations = dilations;
  if (group !== 1) attrs.group = group;
  const inputs = [x.name, c.b.weight(w, n)];
  const bias = c.b.operand(n, 2);
  if (bias.kind === 'value') throw new ModelError(`bias "${n.inputs[2]}" must be a constant, not a computed tensor`, n);
  if (bias.kind === 'const') inputs.push(c.b.weight(bias.tensor, n));
  c.b.emit(n, 'Conv', n.name, inputs, attrs, output(n));
}

function pool(kind: 'MaxPool' | 'AveragePool'): Converter {
  return (c, n) => {
    n.checkAttributes(
      kind === 'MaxPool'
        ? ['auto_pad', 'ceil_mode', 'dilations', 'kernel_shape', 'pads', 'storage_order', 'strides']
        : ['auto_pad', 'ceil_mode', 'count_include_pad', 'dilations', 'kernel_shape', 'pads', 'strides'],
    );
    maxInputs(n, 1);
    onlyFirstOutput(c, n);
    // Only an AveragePool absorbs a Pad: MaxPool would let the padded zeros win.
    const { value: x, pads: before } =
      kind === 'AveragePool'
        ? c.b.paddedValue(n, 0, 'input X')
        : { value: c.b.value(n, 0, 'input X'), pads: undefined };
    const size = need4d(n, x);
    const kernel = intList(n, 'kernel_shape', 2, 1, MAX_WINDOW);
    if (kernel === undefined) throw new ModelError('attribute kernel_shape is required', n);
    const strides = intList(n, 'strides', 2, 1, MAX_WINDOW) ?? [1, 1];
    const dilations = intList(n, 'dilations', 2, 1, MAX_WINDOW);
    if (dilations !== undefined && !same(dilations, [1, 1])) {
      throw new ModelError(
        `attribute dilations ${formatShape(dilations)} is not supported for pooling (only [1, 1])`,
        n,
      );
    }
    let countIncludePad = kind === 'AveragePool' && flag(n, 'count_include_pad');
    const own = resolvePads(n, padSize(size, before), [kernel[0]!, kernel[1]!], strides);
    if (before !== undefined) {
      // The Pad's zeros are real elements that every window counts: the pool's own padding must count too.
      if (!countIncludePad && own.some((p) => p !== 0)) {
        throw new ModelError(
          'a Pad before an AveragePool with its own pads and count_include_pad=0 is not supported',
          n,
        );
      }
      countIncludePad = true;
    }
    /** Pads around the graph input x: the Pad's and the pool's own. */
    const pads = addPads(own, before);
    if (flag(n, 'ceil_mode')) {
      // Ceil mode adds a last, partial window when the division leaves a remainder, unless that window would start
      // beyond the input and the leading padding (the rule of PyTorch and ONNX Runtime). The partial window is
      // exactly an extra trailing pad, which MaxPool never selects and AveragePool without count_include_pad never
      // counts.
      for (let i = 0; i < 2; i++) {
        const padded = size[i]! + pads[i]! + pads[i + 2]!;
        if (padded < kernel[i]!) continue; // the graph reports it
        const floorOut = Math.floor((padded - kernel[i]!) / strides[i]!) + 1;
        let ceilOut = Math.ceil((padded - kernel[i]!) / strides[i]!) + 1;
        if ((ceilOut - 1) * strides[i]! >= size[i]! + pads[i]!) ceilOut--;
        if (ceilOut > floorOut) {
          if (countIncludePad) {
            throw new ModelError(
              'ceil_mode=1 with count_include_pad=1 adds a partial window whose divisor the graph cannot express',
              n,
            );
          }
          pads[i + 2] = pads[i + 2]! + (ceilOut - 1) * strides[i]! + kernel[i]! - padded;
        }
      }
    }
    const attrs: NodeAttributes = { kernel, ...windowAttrs(strides, pads) };
    if (countIncludePad) attrs.countIncludePad = true;
    c.b.emit(n, kind, n.name, [x.name], attrs, output(n));
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Softmax and shape operators

function softmax(c: ConvertContext, n: OnnxNode): void {
  n.checkAttributes(['axis']);
  maxInputs(n, 1);
  const x = c.b.value(n, 0, 'input X');
  const rank = x.shape.length;
  const raw = n.int('axis', c.opset >= 13 ? -1 : 1);
  if (raw < -rank || raw >= rank) throw new ModelError(`axis ${raw} is out of range for rank ${rank}`, n);
  const axis = raw < 0 ? raw + rank : raw;
  const out = output(n);
  if (axis === rank - 1) {
    c.b.emit(n, 'Softmax', n.name, [x.name], {}, out);
    return;
  }
  let inner: number[];
  if (c.opset < 13) {
    // Before opset 13 Softmax works on the input flattened to 2-D at `axis`: rows of everything from axis on.
    const rows = elementCount(x.shape.slice(0, axis));
    const cols = elementCount(x.shape.slice(axis));
    inner = rows === 1 ? [1, cols] : [1, rows, cols];
  } else if (x.shape.slice(axis + 1).every((d) => d === 1)) {
    inner = x.shape.slice(0, axis + 1);
  } else {
    throw new ModelError(
      `softmax over axis ${raw} of ${formatShape(x.shape)} is not supported: only over the last axis`,
      n,
    );
  }
  const flat = c.b.emit(n, 'Reshape', c.b.freshNode(`${n.name}/flatten`), [x.name], { shape: inner });
  const soft = c.b.emit(n, 'Softmax', n.name, [flat.name], {});
  c.b.emit(n, 'Reshape', c.b.freshNode(`${n.name}/unflatten`), [soft.name], { shape: [...x.shape] }, out);
}

function flatten(c: ConvertContext, n: OnnxNode): void {
  n.checkAttributes(['axis']);
  maxInputs(n, 1);
  const x = c.b.operand(n, 0);
  const axis = n.int('axis', 1);
  if (x.kind === 'none') throw new ModelError('input is missing', n);
  const shape = x.kind === 'value' ? x.shape : x.tensor.dims;
  if (axis < -shape.length || axis > shape.length) {
    throw new ModelError(`axis ${axis} is out of range for rank ${shape.length}`, n);
  }
  if (x.kind === 'const') {
    const at = axis < 0 ? axis + shape.length : axis;
    const dims = [elementCount(shape.slice(0, at)), elementCount(shape.slice(at))];
    c.b.defineConstTensor(output(n), reshaped(x.tensor, dims, output(n)));
    return;
  }
  c.b.emit(n, 'Flatten', n.name, [x.name], axis === 1 ? {} : { axis }, output(n));
}

/** Resolve a Reshape target against `from` (0 copies, −1 infers), for folding constants. */
function resolveShape(n: OnnxNode, spec: readonly number[], from: readonly number[]): number[] {
  const out = spec.map((d, i) => (d === 0 ? (from[i] ?? -2) : d));
  if (out.includes(-2)) {
    throw new ModelError(`shape ${formatShape(spec)} copies a dimension the input ${formatShape(from)} lacks`, n);
  }
  const total = elementCount(from);
  const at = out.indexOf(-1);
  if (at >= 0) {
    if (out.indexOf(-1, at + 1) >= 0) throw new ModelError(`shape ${formatShape(spec)} has more than one -1`, n);
    const known = -elementCount(out);
    if (known === 0 || total % known !== 0) {
      throw new ModelError(`cannot reshape ${formatShape(from)} to ${formatShape(spec)}`, n);
    }
    out[at] = total / known;
  }
  if (elementCount(out) !== total) {
    throw new ModelError(`cannot reshape ${formatShape(from)} to ${formatShape(spec)}`, n);
  }
  return out;
}

function reshape(c: ConvertContext, n: OnnxNode): void {
  n.checkAttributes(['allowzero']);
  maxInputs(n, 2);
  const x = c.b.operand(n, 0);
  if (x.kind === 'none') throw new ModelError('input data is missing', n);
  const s = c.b.const(n, 1, 'input shape');
  if (s.dims.length !== 1) throw new ModelError(`shape "${s.name}" must be 1-D, got ${formatShape(s.dims)}`, n);
  const spec = Array.from(s.data);
  if (spec.length < 1 || spec.length > MAX_RANK) {
    throw new ModelError(`shape "${s.name}" ${formatShape(spec)} must have 1 … ${MAX_RANK} entries`, n);
  }
  for (const d of spec) {
    if (!Number.isInteger(d) || d < -1) {
      throw new ModelError(
        `shape ${formatShape(spec)}: each value must be -1 (infer), 0 (copy) or a positive integer`,
        n,
      );
    }
    if (d > MAX_ELEMENTS) {
      throw new ModelError(
        `shape ${formatShape(spec)} asks for a dimension of ${d}, which exceeds the memory limit of 2^28 elements`,
        n,
      );
    }
  }
  if (flag(n, 'allowzero') && spec.includes(0)) {
    throw new ModelError(`allowzero=1 with a 0 in shape ${formatShape(spec)} makes an empty tensor`, n);
  }
  if (x.kind === 'const') {
    c.b.defineConstTensor(output(n), reshaped(x.tensor, resolveShape(n, spec, x.tensor.dims), output(n)));
    return;
  }
  c.b.emit(n, 'Reshape', n.name, [x.name], { shape: spec }, output(n));
}

function transpose(c: ConvertContext, n: OnnxNode): void {
  n.checkAttributes(['perm']);
  maxInputs(n, 1);
  const x = c.b.operand(n, 0);
  if (x.kind === 'none') throw new ModelError('input data is missing', n);
  const shape = x.kind === 'value' ? x.shape : x.tensor.dims;
  const rank = shape.length;
  const perm = n.ints('perm') ?? shape.map((_, i) => rank - 1 - i);
  const seen = new Set(perm);
  if (perm.length !== rank || seen.size !== rank || perm.some((p) => p < 0 || p >= rank)) {
    throw new ModelError(`attribute perm ${formatShape(perm)} is not a permutation of the ${rank} axes`, n);
  }
  if (x.kind === 'const') {
    c.b.defineConstTensor(output(n), transposeConst(x.tensor, perm, output(n)));
    return;
  }
  // A transpose that keeps the order of every axis longer than 1 moves no data: it is a reshape.
  const moved = perm.filter((p) => shape[p] !== 1);
  if (moved.some((p, i) => i > 0 && p < moved[i - 1]!)) {
    throw new ModelError(
      `transposing the computed tensor ${formatShape(shape)} by ${formatShape(perm)} is not supported (Transpose is ` +
        'imported for constants, and for computed tensors only when it moves axes of length 1)',
      n,
    );
  }
  c.b.emit(n, 'Reshape', n.name, [x.name], { shape: perm.map((p) => shape[p]!) }, output(n));
}

function concat(c: ConvertContext, n: OnnxNode): void {
  n.checkAttributes(['axis']);
  const axis = n.int('axis');
  if (axis === undefined) throw new ModelError('attribute axis is required', n);
  if (n.inputs.length === 0) throw new ModelError('has no inputs', n);
  const parts = n.inputs.map((_, i) => c.b.operand(n, i));
  if (parts.some((p) => p.kind === 'none')) throw new ModelError('an input is missing', n);
  const out = output(n);
  if (parts.every((p) => p.kind === 'const')) {
    const tensors = parts.map((p) => (p as { tensor: ConstTensor }).tensor);
    const rank = tensors[0]!.dims.length;
    if (axis < -rank || axis >= rank) throw new ModelError(`axis ${axis} is out of range for rank ${rank}`, n);
    c.b.defineConstTensor(out, concatConst(tensors, axis < 0 ? axis + rank : axis, out, n));
    return;
  }
  if (parts.some((p) => p.kind !== 'value')) {
    throw new ModelError('concatenating constants with computed tensors is not supported', n);
  }
  const values = parts as ValueOperand[];
  const rank = values[0]!.shape.length;
  if (axis < -rank || axis >= rank) throw new ModelError(`axis ${axis} is out of range for rank ${rank}`, n);
  if ((axis < 0 ? axis + rank : axis) !== 1) {
    throw new ModelError(`concatenation along axis ${axis} is not supported: only along the channel axis 1`, n);
  }
  c.b.emit(n, 'Concat', n.name, values.map((v) => v.name), {}, out);
}

/**
 * Pad: all-zero pads are an identity. Zero-valued constant padding of the two spatial axes of a 4-D tensor is
 * carried to the Conv or AveragePool that reads it (as extra pads; an AveragePool then counts padded elements, as it
 * does the Pad's real zeros). Anything else is refused.
 */
function pad(c: ConvertContext, n: OnnxNode): void {
  n.checkAttributes(c.opset < 11 ? ['mode', 'pads', 'value'] : ['mode']);
  maxInputs(n, c.opset < 11 ? 1 : 4);
  const x = c.b.value(n, 0, 'input data');
  const rank = x.shape.length;
  const mode = n.string('mode', 'constant');
  let pads: number[];
  let fill = 0;
  if (c.opset < 11) {
    const p = n.ints('pads');
    if (p === undefined) throw new ModelError('attribute pads is required', n);
    pads = p;
    fill = n.float('value', 0);
  } else {
    const p = c.b.const(n, 1, 'input pads');
    const v = c.b.operand(n, 2);
    if (v.kind === 'value') throw new ModelError(`constant_value "${n.inputs[2]}" must be a constant`, n);
    if (v.kind === 'const') fill = scalarOf(n, v.tensor, 'constant_value');
    const axesIn = c.b.operand(n, 3);
    if (axesIn.kind === 'value') throw new ModelError(`axes "${n.inputs[3]}" must be a constant`, n);
    const axes =
      axesIn.kind === 'const'
        ? Array.from(axesIn.tensor.data, (a) => (a < 0 ? a + rank : a))
        : x.shape.map((_, i) => i);
    if (axes.some((a) => !Number.isInteger(a) || a < 0 || a >= rank) || p.data.length !== 2 * axes.length) {
      throw new ModelError(
        `pads "${p.name}" ${formatShape(Array.from(p.data))} do not fit ${axes.length} axes of ${formatShape(x.shape)}`,
        n,
      );
    }
    pads = new Array<number>(2 * rank).fill(0);
    axes.forEach((a, k) => {
      pads[a] = p.data[k]!;
      pads[a + rank] = p.data[k + axes.length]!;
    });
  }
  if (pads.length !== 2 * rank || pads.some((v) => !Number.isInteger(v))) {
    throw new ModelError(`pads ${formatShape(pads)} must be ${2 * rank} integers for ${formatShape(x.shape)}`, n);
  }
  if (pads.every((v) => v === 0)) {
    c.b.alias(output(n), x, n);
    return;
  }
  if (pads.some((v) => v < 0)) {
    throw new ModelError(`negative pads ${formatShape(pads)} (cropping) are not supported`, n);
  }
  if (mode !== 'constant' || fill !== 0) {
    throw new ModelError(`only zero padding is supported, got mode "${mode}" with value ${fill}`, n);
  }
  if (rank !== 4 || pads[0] !== 0 || pads[1] !== 0 || pads[4] !== 0 || pads[5] !== 0) {
    throw new ModelError(
      `only padding of the two spatial axes of a 4-D tensor is supported, got pads ${formatShape(pads)}`,
      n,
    );
  }
  const spatial = [pads[2]!, pads[3]!, pads[6]!, pads[7]!];
  if (spatial.some((v) => v > MAX_WINDOW)) throw new ModelError(`pads ${formatShape(pads)} exceed ${MAX_WINDOW}`, n);
  c.b.definePadded(output(n), x, spatial);
}

// ---------------------------------------------------------------------------------------------------------------
// Normalization, no-ops and constants

function batchNormalization(c: ConvertContext, n: OnnxNode): void {
  n.checkAttributes(['epsilon', 'momentum', 'spatial', 'training_mode']);
  maxInputs(n, 5);
  onlyFirstOutput(c, n);
  if (n.int('spatial', 1) !== 1) {
    throw new ModelError('attribute spatial=0 (per-element statistics) is not supported', n);
  }
  if (flag(n, 'training_mode')) {
    throw new ModelError('training_mode=1 is not supported: the model must be exported for inference', n);
  }
  const x = c.b.value(n, 0, 'input X');
  const roles = ['scale', 'B', 'mean', 'var'];
  const params = roles.map((role, i) => c.b.weight(c.b.const(n, i + 1, role), n));
  // ONNX's default is the float attribute 1e-5, i.e. binary32 1e-5.
  const epsilon = n.float('epsilon', Math.fround(1e-5));
  c.b.emit(n, 'BatchNormalization', n.name, [x.name, ...params], { epsilon }, output(n));
}

function identity(c: ConvertContext, n: OnnxNode): void {
  n.checkAttributes([]);
  maxInputs(n, 1);
  c.b.alias(output(n), c.b.operand(n, 0), n);
}

function dropout(c: ConvertContext, n: OnnxNode): void {
  n.checkAttributes(c.opset < 12 ? ['ratio', 'seed'] : ['seed']);
  maxInputs(n, c.opset < 12 ? 1 : 3);
  onlyFirstOutput(c, n);
  if (c.opset >= 12) {
    const mode = c.b.operand(n, 2);
    if (mode.kind === 'value') throw new ModelError(`training_mode "${n.inputs[2]}" must be a constant`, n);
    if (mode.kind === 'const' && scalarOf(n, mode.tensor, 'training_mode') !== 0) {
      throw new ModelError('training_mode is true: the model must be exported for inference', n);
    }
  }
  c.b.alias(output(n), c.b.operand(n, 0), n);
}

/** The value of a Constant node (named after its output). */
export function constantValue(n: OnnxNode): ConstTensor {
  maxInputs(n, 0);
  const keys = n.attributeNames();
  if (keys.length !== 1) {
    throw new ModelError(
      `must have exactly one value attribute, got ${keys.length === 0 ? 'none' : keys.join(', ')}`,
      n,
    );
  }
  const key = keys[0]!;
  const out = output(n);
  let t: ConstTensor;
  switch (key) {
    case 'value': {
      const proto = n.tensor('value');
      if (proto === undefined) throw new ModelError('attribute value holds no tensor', n);
      t = decodeTensor(proto, 'attribute value', n);
      break;
    }
    case 'value_float':
      t = scalarTensor(out, n.float('value_float', 0));
      break;
    case 'value_floats': {
      const v = n.floats('value_floats') ?? [];
      t = { name: out, dims: [v.length], data: Float64Array.from(v), dtype: 'float32' };
      break;
    }
    case 'value_int':
      t = { name: out, dims: [], data: Float64Array.of(n.int('value_int', 0)), dtype: 'int64' };
      break;
    case 'value_ints': {
      const v = n.ints('value_ints') ?? [];
      t = { name: out, dims: [v.length], data: Float64Array.from(v), dtype: 'int64' };
      break;
    }
    default: {
      const type = n.typeOf(key);
      if (type === AttrType.STRING || type === AttrType.STRINGS) {
        throw new ModelError(`string constants (attribute ${key}) are not supported`, n);
      }
      throw new ModelError(
        `attribute ${key} is not supported (supported: value, value_float, value_floats, value_int, value_ints)`,
        n,
      );
    }
  }
  return { ...t, name: out };
}

function constant(c: ConvertContext, n: OnnxNode): void {
  c.b.defineConstTensor(output(n), constantValue(n));
}

/** Converters by ONNX operator (default domain). */
export const CONVERTERS: ReadonlyMap<string, Converter> = new Map<string, Converter>([
  ['Gemm', gemm],
  ['MatMul', matMul],
  ['Add', arithmetic('Add')],
  ['Sub', arithmetic('Sub')],
  ['Mul', arithmetic('Mul')],
  ['Div', arithmetic('Div')],
  ['Conv', conv],
  ['MaxPool', pool('MaxPool')],
  ['AveragePool', pool('AveragePool')],
  ['GlobalAveragePool', unary('GlobalAveragePool')],
  ['Relu', unary('Relu')],
  ['Clip', clip],
  ['LeakyRelu', leakyRelu],
  ['Sigmoid', unary('Sigmoid')],
  ['Tanh', unary('Tanh')],
  ['Gelu', unary('Gelu')],
  ['Softmax', softmax],
  ['Flatten', flatten],
  ['Reshape', reshape],
  ['Transpose', transpose],
  ['Concat', concat],
  ['Pad', pad],
  ['BatchNormalization', batchNormalization],
  ['Identity', identity],
  ['Shape', shape],
  ['Gather', gather],
  ['Unsqueeze', unsqueeze],
  ['Squeeze', squeeze],
  ['Slice', slice],
  ['Cast', cast],
  ['QuantizeLinear', quantizeLinear],
  ['DequantizeLinear', dequantizeLinear],
  ['Dropout', dropout],
  ['Constant', constant],
]);
