/**
 * Shape inference for one node at a time (batch 1, NCHW), with the limits that keep a hostile or mistaken model from
 * asking for more memory than exists: every check here runs before anything is allocated.
 *
 * The geometry helpers (`convGeometry`, `poolGeometry`, `denseGeometry`, `broadcastOf`, ...) resolve attribute
 * defaults once; the planner calls them again on a validated graph, so every engine sees the same numbers.
 */

import { ModelError, type NodeRef } from './errors.js';
import type { GraphNode, NodeAttributes, Tensor } from './graph.js';

/** Largest element count of any one tensor (2^28: 2 GiB as doubles). */
export const MAX_ELEMENTS = 0x10000000;
/** Largest element count of all activations of a graph together (2^29). */
export const MAX_TOTAL_ELEMENTS = 0x20000000;
/** Largest rank of any tensor. */
export const MAX_RANK = 8;
/** Largest stride, padding, dilation or kernel size along one axis. */
export const MAX_WINDOW = 0x10000;

export function formatShape(shape: readonly unknown[]): string {
  return `[${shape.join(', ')}]`;
}

function isDim(d: unknown): d is number {
  return typeof d === 'number' && Number.isSafeInteger(d) && d >= 1;
}

/**
 * Element count of `shape`, checking that it is an array of at most MAX_RANK positive integers whose product stays
 * within MAX_ELEMENTS. `what` describes the tensor for the message (e.g. `initializer "W"`); `node` adds the node.
 */
export function checkShape(shape: unknown, what: string, node?: NodeRef): number {
  if (!Array.isArray(shape)) throw new ModelError(`${what} has no shape array`, node);
  if (shape.length > MAX_RANK) {
    throw new ModelError(`${what} has rank ${shape.length}; at most ${MAX_RANK} is supported`, node);
  }
  let count = 1;
  for (let i = 0; i < shape.length; i++) {
    const d: unknown = shape[i];
    if (!isDim(d) && !(typeof d === 'number' && Number.isInteger(d) && d > MAX_ELEMENTS)) {
      throw new ModelError(`${what} has dimension ${i} = ${String(d)}; dimensions must be positive integers`, node);
    }
    // Each factor and the running product are at most 2^28, so the product is compared before precision matters.
    count *= d as number;
    if (count > MAX_ELEMENTS) {
      throw new ModelError(
        `${what} has shape ${formatShape(shape)}: more than 2^28 (${MAX_ELEMENTS}) elements, which exceeds the memory limit`,
        node,
      );
    }
  }
  return count;
}

/** Product of `shape[from..to)` of an already checked shape. */
export function product(shape: readonly number[], from = 0, to = shape.length): number {
  let p = 1;
  for (let i = from; i < to; i++) p *= shape[i]!;
  return p;
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------------------------
// Geometry resolved from attributes (defaults applied)

/** A 2-D window over an NCHW tensor: Conv kernels and pools. */
export interface WindowGeometry {
  readonly channels: number;
  readonly inH: number;
  readonly inW: number;
  readonly kernelH: number;
  readonly kernelW: number;
  readonly strideH: number;
  readonly strideW: number;
  readonly padTop: number;
  readonly padLeft: number;
  readonly padBottom: number;
  readonly padRight: number;
  readonly dilationH: number;
  readonly dilationW: number;
  readonly outH: number;
  readonly outW: number;
}

export interface ConvGeometry extends WindowGeometry {
  /** Output channels M. */
  readonly outChannels: number;
  readonly group: number;
  /** Input channels per group (C / group) = weight dimension 1. */
  readonly groupInChannels: number;
  /** Output channels per group (M / group). */
  readonly groupOutChannels: number;
}

export type PoolGeometry = WindowGeometry;

/** Gemm and MatMul, both seen as `rows` independent dot products of length `inFeatures` per output feature. */
export interface DenseGeometry {
  readonly rows: number;
  readonly inFeatures: number;
  readonly outFeatures: number;
  /** True when the weight is stored [in, out] (MatMul) rather than [out, in] (Gemm). */
  readonly weightInOut: boolean;
}

/**
 * How a constant operand of Add/Mul spreads over the tensor: one value for everything, one value per channel (axis
 * 1, each repeated over `inner` consecutive elements), or one value per element.
 */
export interface Broadcast {
  readonly kind: 'scalar' | 'channel' | 'full';
  readonly channels: number;
  readonly inner: number;
}

function ints(node: NodeRef, attrs: NodeAttributes, key: 'strides' | 'pads' | 'dilations' | 'kernel', dflt: number[]): number[] {
  const v = attrs[key];
  if (v === undefined) return dflt;
  if (v.length !== dflt.length) {
    throw new ModelError(`attribute ${key} must have ${dflt.length} values, got ${v.length}`, node);
  }
  return v;
}

/** Output size along one axis (floor mode); throws when the dilated kernel does not fit the padded input. */
function windowOut(
  node: NodeRef,
  axis: string,
  size: number,
  padBegin: number,
  padEnd: number,
  kernel: number,
  dilation: number,
  stride: number,
): number {
  const extent = dilation * (kernel - 1) + 1;
  const padded = size + padBegin + padEnd;
  if (extent > padded) {
    throw new ModelError(
      `${axis}: kernel extent ${extent} (kernel ${kernel}, dilation ${dilation}) exceeds the padded input ${padded} ` +
        `(input ${size}, pads ${padBegin}+${padEnd})`,
      node,
    );
  }
  return Math.floor((padded - extent) / stride) + 1;
}

function need4d(node: NodeRef, x: readonly number[], what: string): void {
  if (x.length !== 4) {
    throw new ModelError(`${what} must be 4-D NCHW, got shape ${formatShape(x)}`, node);
  }
}

function window(
  node: GraphNode,
  x: readonly number[],
  kernelH: number,
  kernelW: number,
  dilations: number[],
): WindowGeometry {
  const strides = ints(node, node.attrs, 'strides', [1, 1]);
  const pads = ints(node, node.attrs, 'pads', [0, 0, 0, 0]);
  const [, channels, inH, inW] = x as [number, number, number, number];
  const [strideH, strideW] = strides as [number, number];
  const [padTop, padLeft, padBottom, padRight] = pads as [number, number, number, number];
  const [dilationH, dilationW] = dilations as [number, number];
  const outH = windowOut(node, 'height', inH, padTop, padBottom, kernelH, dilationH, strideH);
  const outW = windowOut(node, 'width', inW, padLeft, padRight, kernelW, dilationW, strideW);
  return {
    channels, inH, inW, kernelH, kernelW, strideH, strideW, padTop, padLeft, padBottom, padRight,
    dilationH, dilationW, outH, outW,
  };
}

/** Conv: x [1, C, H, W], weight [M, C/group, kh, kw]. */
export function convGeometry(node: GraphNode, x: readonly number[], weight: Tensor): ConvGeometry {
  need4d(node, x, 'input');
  const w = weight.shape;
  if (w.length !== 4) {
    throw new ModelError(`weight "${weight.name}" must be 4-D [M, C/group, kh, kw], got ${formatShape(w)}`, node);
  }
  const c = x[1]!;
  const group = node.attrs.group ?? 1;
  const [m, cg, kh, kw] = w as [number, number, number, number];
  if (c % group !== 0) throw new ModelError(`group ${group} does not divide the ${c} input channels`, node);
  if (m % group !== 0) {
    throw new ModelError(`group ${group} does not divide the ${m} output channels of weight "${weight.name}"`, node);
  }
  if (cg !== c / group) {
    throw new ModelError(
      `weight "${weight.name}" has shape ${formatShape(w)}, but the input has ${c} channels and group is ${group}: ` +
        `expected [${m}, ${c / group}, ${kh}, ${kw}]`,
      node,
    );
  }
  if (kh > MAX_WINDOW || kw > MAX_WINDOW) {
    throw new ModelError(`kernel ${kh}x${kw} exceeds the limit ${MAX_WINDOW}`, node);
  }
  const kernel = node.attrs.kernel;
  if (kernel !== undefined && (kernel.length !== 2 || kernel[0] !== kh || kernel[1] !== kw)) {
    throw new ModelError(
      `attribute kernel ${formatShape(kernel)} does not match weight "${weight.name}" kernel [${kh}, ${kw}]`,
      node,
    );
  }
  const dilations = ints(node, node.attrs, 'dilations', [1, 1]);
  const win = window(node, x, kh, kw, dilations);
  return { ...win, outChannels: m, group, groupInChannels: cg, groupOutChannels: m / group };
}

/** MaxPool / AveragePool: x [1, C, H, W]; every pad is smaller than the kernel along its axis. */
export function poolGeometry(node: GraphNode, x: readonly number[]): PoolGeometry {
  need4d(node, x, 'input');
  const kernel = node.attrs.kernel;
  if (kernel === undefined) throw new ModelError('attribute kernel is required', node);
  const [kh, kw] = ints(node, node.attrs, 'kernel', [1, 1]) as [number, number];
  const pads = ints(node, node.attrs, 'pads', [0, 0, 0, 0]);
  // A pad smaller than the kernel guarantees every window covers at least one real input element.
  if (pads[0]! >= kh || pads[2]! >= kh || pads[1]! >= kw || pads[3]! >= kw) {
    throw new ModelError(`pads ${formatShape(pads)} must each be smaller than the kernel [${kh}, ${kw}]`, node);
  }
  return window(node, x, kh, kw, [1, 1]);
}

/** Gemm: x [1, in], weight [out, in]. MatMul: x [..., in] (rank >= 2), weight [in, out]. */
export function denseGeometry(node: GraphNode, x: readonly number[], weight: Tensor): DenseGeometry {
  const w = weight.shape;
  if (w.length !== 2) {
    const layout = node.op === 'Gemm' ? '[out, in]' : '[in, out]';
    throw new ModelError(`weight "${weight.name}" must be 2-D ${layout}, got ${formatShape(w)}`, node);
  }
  if (node.op === 'Gemm') {
    if (x.length !== 2) throw new ModelError(`input must be 2-D [1, in], got ${formatShape(x)}`, node);
    if (w[1] !== x[1]) {
      throw new ModelError(
        `weight "${weight.name}" has shape ${formatShape(w)}, but the input has ${x[1]} features: expected [${w[0]}, ${x[1]}]`,
        node,
      );
    }
    return { rows: 1, inFeatures: w[1]!, outFeatures: w[0]!, weightInOut: false };
  }
  if (x.length < 2) throw new ModelError(`input must have rank 2 or more, got ${formatShape(x)}`, node);
  const inF = x[x.length - 1]!;
  if (w[0] !== inF) {
    throw new ModelError(
      `weight "${weight.name}" has shape ${formatShape(w)}, but the input has ${inF} features: expected [${inF}, ${w[1]}]`,
      node,
    );
  }
  return { rows: product(x, 0, x.length - 1), inFeatures: inF, outFeatures: w[1]!, weightInOut: true };
}

/** Bias of Gemm/MatMul/Conv: `count` values, shape [count] (or [1, count] for Gemm and MatMul). */
export function checkBias(node: GraphNode, bias: Tensor, count: number): void {
  const s = bias.shape;
  const ok = (s.length === 1 && s[0] === count) || (node.op !== 'Conv' && s.length === 2 && s[0] === 1 && s[1] === count);
  if (!ok) {
    throw new ModelError(`bias "${bias.name}" has shape ${formatShape(s)}, expected [${count}]`, node);
  }
}

/** Constant operand of Add/Mul against the tensor shape `x` (numpy broadcasting, restricted to three patterns). */
export function broadcastOf(node: GraphNode, x: readonly number[], constant: Tensor): Broadcast {
  const cs = constant.shape;
  const channels = x.length >= 2 ? x[1]! : 1;
  const inner = x.length >= 2 ? product(x, 2) : 1;
  if (cs.length > x.length) {
    throw new ModelError(
      `constant "${constant.name}" of shape ${formatShape(cs)} has a higher rank than the tensor ${formatShape(x)}`,
      node,
    );
  }
  const padded: number[] = [];
  for (let i = 0; i < x.length - cs.length; i++) padded.push(1);
  padded.push(...cs);
  for (let i = 0; i < x.length; i++) {
    if (padded[i] !== 1 && padded[i] !== x[i]) {
      throw new ModelError(
        `constant "${constant.name}" of shape ${formatShape(cs)} does not broadcast to the tensor shape ${formatShape(x)}`,
        node,
      );
    }
  }
  if (product(padded) === 1) return { kind: 'scalar', channels, inner };
  if (sameShape(padded, x)) return { kind: 'full', channels, inner };
  let onlyChannel = x.length >= 2 && padded[1] === x[1];
  for (let i = 0; i < x.length; i++) if (i !== 1 && padded[i] !== 1) onlyChannel = false;
  if (onlyChannel) return { kind: 'channel', channels, inner };
  throw new ModelError(
    `constant "${constant.name}" of shape ${formatShape(cs)} broadcasts over ${formatShape(x)} in a pattern that is ` +
      'not supported (only a scalar, one value per channel along axis 1, or the full shape)',
    node,
  );
}

/** Softmax over the last axis: `rows` independent rows of `cols` values. */
export function softmaxGeometry(node: GraphNode, x: readonly number[]): { rows: number; cols: number } {
  const axis = node.attrs.axis ?? -1;
  if (axis !== -1 && axis !== x.length - 1) {
    throw new ModelError(`axis ${axis} is not supported: only the last axis (-1 or ${x.length - 1})`, node);
  }
  return { rows: product(x, 0, x.length - 1), cols: x[x.length - 1]! };
}

function normalizeAxis(node: GraphNode, axis: number, rank: number, allowRank: boolean): number {
  const hi = allowRank ? rank : rank - 1;
  if (axis < -rank || axis > hi) {
    throw new ModelError(`axis ${axis} is out of range for rank ${rank} (valid: ${-rank} … ${hi})`, node);
  }
  return axis < 0 ? axis + rank : axis;
}

function reshapeTarget(node: GraphNode, x: readonly number[]): number[] {
  const spec = node.attrs.shape;
  if (spec === undefined) throw new ModelError('attribute shape is required', node);
  const out: number[] = [];
  let inferAt = -1;
  for (let i = 0; i < spec.length; i++) {
    const d = spec[i]!;
    if (d === 0) {
      if (i >= x.length) {
        throw new ModelError(`shape ${formatShape(spec)}: 0 at index ${i} copies a dimension the input ${formatShape(x)} lacks`, node);
      }
      out.push(x[i]!);
    } else if (d === -1) {
      if (inferAt >= 0) throw new ModelError(`shape ${formatShape(spec)} has more than one -1`, node);
      inferAt = i;
      out.push(1);
    } else {
      out.push(d);
    }
  }
  const total = product(x);
  const known = out.reduce((a, b) => a * b, 1);
  if (inferAt >= 0) {
    if (total % known !== 0) {
      throw new ModelError(`cannot reshape ${formatShape(x)} (${total} elements) to ${formatShape(spec)}`, node);
    }
    out[inferAt] = total / known;
  } else if (known !== total) {
    throw new ModelError(`cannot reshape ${formatShape(x)} (${total} elements) to ${formatShape(spec)} (${known} elements)`, node);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Per-node inference

/** What shape inference needs to know about a node's inputs. */
export interface ShapeContext {
  /** Shape of a value tensor defined so far, or undefined. */
  valueShape(name: string): readonly number[] | undefined;
  /** Initializer by name, or undefined. */
  constant(name: string): Tensor | undefined;
}

/**
 * Output shape of `node`, checking that its inputs and initializers have the shapes the operator needs. Assumes the
 * structural checks of validate.ts (input count and kinds, attribute types) have passed.
 */
export function inferNodeShape(node: GraphNode, ctx: ShapeContext): number[] {
  const inputs = node.inputs;
  const first = inputs[0]!;
  const x = ctx.valueShape(first);
  const konst = (i: number): Tensor => ctx.constant(inputs[i]!)!;
  switch (node.op) {
    case 'Gemm':
    case 'MatMul': {
      const g = denseGeometry(node, x!, konst(1));
      if (inputs.length === 3) checkBias(node, konst(2), g.outFeatures);
      return node.op === 'Gemm' ? [1, g.outFeatures] : [...x!.slice(0, -1), g.outFeatures];
    }
    case 'Conv': {
      const g = convGeometry(node, x!, konst(1));
      if (inputs.length === 3) checkBias(node, konst(2), g.outChannels);
      return [1, g.outChannels, g.outH, g.outW];
    }
    case 'MaxPool':
    case 'AveragePool': {
      const g = poolGeometry(node, x!);
      return [1, g.channels, g.outH, g.outW];
    }
    case 'GlobalAveragePool':
      need4d(node, x!, 'input');
      return [1, x![1]!, 1, 1];
    case 'Relu':
    case 'Clip':
    case 'LeakyRelu':
    case 'Sigmoid':
    case 'Tanh':
    case 'Gelu':
      return [...x!];
    case 'Softmax':
      softmaxGeometry(node, x!);
      return [...x!];
    case 'Add':
    case 'Mul': {
      const a = ctx.valueShape(inputs[0]!);
      const b = ctx.valueShape(inputs[1]!);
      if (a !== undefined && b !== undefined) {
        if (!sameShape(a, b)) {
          throw new ModelError(
            `operands "${inputs[0]}" ${formatShape(a)} and "${inputs[1]}" ${formatShape(b)} must have the same shape`,
            node,
          );
        }
        return [...a];
      }
      const t = a ?? b!;
      broadcastOf(node, t, ctx.constant(a === undefined ? inputs[0]! : inputs[1]!)!);
      return [...t];
    }
    case 'Concat': {
      const rank = x!.length;
      if (rank < 2) throw new ModelError(`inputs must have rank 2 or more, got ${formatShape(x!)}`, node);
      const axis = normalizeAxis(node, node.attrs.axis ?? 1, rank, false);
      if (axis !== 1) throw new ModelError(`axis ${node.attrs.axis} is not supported: only the channel axis 1`, node);
      const out = [...x!];
      for (let i = 1; i < inputs.length; i++) {
        const s = ctx.valueShape(inputs[i]!)!;
        let ok = s.length === rank;
        for (let d = 0; ok && d < rank; d++) if (d !== 1 && s[d] !== x![d]) ok = false;
        if (!ok) {
          throw new ModelError(
            `input "${inputs[i]}" ${formatShape(s)} does not match "${first}" ${formatShape(x!)} outside axis 1`,
            node,
          );
        }
        out[1] = out[1]! + s[1]!;
        if (out[1]! > MAX_ELEMENTS) break; // the element-count check on the result reports it
      }
      return out;
    }
    case 'Flatten': {
      const axis = normalizeAxis(node, node.attrs.axis ?? 1, x!.length, true);
      return [product(x!, 0, axis), product(x!, axis)];
    }
    case 'Reshape':
      return reshapeTarget(node, x!);
    case 'BatchNormalization': {
      if (x!.length < 2) throw new ModelError(`input must have rank 2 or more, got ${formatShape(x!)}`, node);
      const c = x![1]!;
      const eps = node.attrs.epsilon ?? 1e-5;
      const roles = ['scale', 'bias', 'mean', 'variance'];
      for (let i = 1; i < 5; i++) {
        const t = konst(i);
        if (t.shape.length !== 1 || t.shape[0] !== c) {
          throw new ModelError(`${roles[i - 1]} "${t.name}" has shape ${formatShape(t.shape)}, expected [${c}]`, node);
        }
      }
      const variance = konst(4).data;
      for (let i = 0; i < c; i++) {
        if (!(variance[i]! + eps > 0)) {
          throw new ModelError(`variance "${inputs[4]}" channel ${i}: variance + epsilon = ${variance[i]! + eps} must be positive`, node);
        }
      }
      return [...x!];
    }
  }
}
