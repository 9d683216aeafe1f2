/**
 * The execution plan every engine shares: a validated graph turned into a flat list of steps with resolved shapes,
 * attribute defaults applied, constants looked up, and every tensor given a buffer index.
 *
 * Buffers: `values[i]` is one tensor (index 0 the graph input, then one per node output in node order). Engines may
 * give each value its own storage, or share storage through `slot`: values whose lifetimes overlap never share a slot,
 * and a step's output never shares a slot with any of its inputs (no step works in place). `slotSizes[s]` is the
 * largest value placed in slot s, in elements.
 *
 * Flatten and Reshape become a `Reshape` step (an element copy: NCHW order is unchanged). Gemm and MatMul become a
 * `Dense` step whose weight is laid out [out][in] (MatMul's [in, out] weight is transposed once, here).
 * Concat along axis 1 with batch 1 is the concatenation of the flat inputs.
 */

import type { Graph, GraphNode, Tensor } from './graph.js';
import {
  type Broadcast,
  type ConvGeometry,
  type PoolGeometry,
  broadcastOf,
  convGeometry,
  denseGeometry,
  poolGeometry,
  product,
  softmaxGeometry,
} from './shapes.js';
import { validateGraph } from './validate.js';

export interface PlanValue {
  /** Tensor name in the graph. */
  readonly name: string;
  readonly shape: readonly number[];
  /** Element count. */
  readonly size: number;
  /** Shared storage slot (see the file header). */
  readonly slot: number;
  /** Index of the step that writes it; -1 for the graph input. */
  readonly producer: number;
}

interface StepBase {
  /** The graph node this step runs (its name keys trace results). */
  readonly node: GraphNode;
  /** Value indices read, in the node's input order, constants left out. */
  readonly inputs: readonly number[];
  /** Value index written. */
  readonly output: number;
}

/** y[r][o] = (Σ_k x[r][k]·W[o][k]) + b[o], k ascending; the bias is added after the sum. */
export interface DenseStep extends StepBase {
  readonly kind: 'Dense';
  readonly rows: number;
  readonly inFeatures: number;
  readonly outFeatures: number;
  /** [outFeatures][inFeatures], row-major. */
  readonly weight: Float64Array;
  readonly bias: Float64Array | null;
  readonly weightName: string;
  readonly biasName: string | null;
}

/**
 * y[m][oy][ox] = (Σ x[c][iy][ix]·W[m][ci][ky][kx]) + b[m], the sum over ci, then ky, then kx ascending, with
 * c = g·(C/group) + ci for m's group g, iy = oy·strideH − padTop + ky·dilationH (likewise ix). Taps in the padding
 * contribute zero and are skipped. The bias is added after the sum.
 */
export interface ConvStep extends StepBase {
  readonly kind: 'Conv';
  readonly geometry: ConvGeometry;
  /** [M][C/group][kh][kw], row-major, as in the graph. */
  readonly weight: Float64Array;
  readonly bias: Float64Array | null;
  readonly weightName: string;
  readonly biasName: string | null;
}

/** Padded taps are ignored by MaxPool; AveragePool divides by kh·kw when countIncludePad, else by the real taps. */
export interface PoolStep extends StepBase {
  readonly kind: 'MaxPool' | 'AveragePool';
  readonly geometry: PoolGeometry;
  readonly countIncludePad: boolean;
}

export interface GlobalAveragePoolStep extends StepBase {
  readonly kind: 'GlobalAveragePool';
  readonly channels: number;
  /** H·W: elements averaged per channel. */
  readonly spatial: number;
}

export interface UnaryStep extends StepBase {
  readonly kind: 'Relu' | 'Clip' | 'LeakyRelu' | 'Sigmoid' | 'Tanh' | 'Gelu';
  readonly size: number;
  /** Clip bounds (−∞/+∞ when absent). */
  readonly min: number;
  readonly max: number;
  /** LeakyRelu slope (0.01 when absent). */
  readonly alpha: number;
}

/** Softmax over the last axis: `rows` rows of `cols` values. */
export interface SoftmaxStep extends StepBase {
  readonly kind: 'Softmax';
  readonly rows: number;
  readonly cols: number;
}

/**
 * Add or Mul. `tensor`: inputs[0] ⊙ inputs[1], same shape. Otherwise inputs[0] ⊙ constant, spread as `broadcast`
 * says (operand order does not matter: both operators are commutative in IEEE arithmetic).
 */
export interface BinaryStep extends StepBase {
  readonly kind: 'Add' | 'Mul';
  readonly size: number;
  readonly mode: 'tensor' | Broadcast['kind'];
  /** Channels along axis 1 and elements per channel, for the `channel` mode. */
  readonly channels: number;
  readonly inner: number;
  readonly constant: Float64Array | null;
  readonly constantName: string | null;
}

export interface ConcatStep extends StepBase {
  readonly kind: 'Concat';
  /** Element count of each input, in order; the output is their flat concatenation. */
  readonly sizes: readonly number[];
}

/** Flatten and Reshape: copy `size` elements unchanged. */
export interface ReshapeStep extends StepBase {
  readonly kind: 'Reshape';
  readonly size: number;
}

/** y = (x − mean[c]) / sqrt(var[c] + epsilon) · scale[c] + bias[c]; only in graphs not yet folded (reference use). */
export interface BatchNormStep extends StepBase {
  readonly kind: 'BatchNormalization';
  readonly channels: number;
  readonly inner: number;
  readonly scale: Float64Array;
  readonly bias: Float64Array;
  readonly mean: Float64Array;
  readonly variance: Float64Array;
  readonly epsilon: number;
}

export type Step =
  | DenseStep
  | ConvStep
  | PoolStep
  | GlobalAveragePoolStep
  | UnaryStep
  | SoftmaxStep
  | BinaryStep
  | ConcatStep
  | ReshapeStep
  | BatchNormStep;

export interface Plan {
  readonly graph: Graph;
  readonly values: readonly PlanValue[];
  readonly slotSizes: readonly number[];
  /** Value index of the graph input (always 0) and of the graph output. */
  readonly input: number;
  readonly output: number;
  readonly steps: readonly Step[];
}

function transpose(w: Float64Array, rows: number, cols: number): Float64Array {
  const t = new Float64Array(w.length);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) t[c * rows + r] = w[r * cols + c]!;
  return t;
}

/**
 * Plan `graph` (validating it first; a ModelError for anything wrong). BatchNormalization nodes are planned as
 * `BatchNormalization` steps so the float64 reference can run an unfolded graph; other engines take
 * `foldBatchNorm(graph)` and never see one.
 */
export function planGraph(graph: Graph): Plan {
  const shapes = validateGraph(graph);
  const index = new Map<string, number>();
  const valueShapes: (readonly number[])[] = [];
  const producers: number[] = [];
  const define = (name: string, producer: number): number => {
    index.set(name, valueShapes.length);
    valueShapes.push(shapes.get(name)!);
    producers.push(producer);
    return valueShapes.length - 1;
  };
  const input = define(graph.inputs[0]!.name, -1);
  const constant = (name: string | undefined): Tensor | undefined =>
    name === undefined ? undefined : graph.initializers.get(name);

  const steps: Step[] = graph.nodes.map((node, n): Step => {
    const inputs = node.inputs.filter((name) => index.has(name)).map((name) => index.get(name)!);
    const x = valueShapes[inputs[0]!]!;
    const output = define(node.outputs[0]!, n);
    const y = valueShapes[output]!;
    const base = { node, inputs, output };
    switch (node.op) {
      case 'Gemm':
      case 'MatMul': {
        const w = constant(node.inputs[1])!;
        const g = denseGeometry(node, x, w);
        const b = constant(node.inputs[2]);
        return {
          ...base, kind: 'Dense', rows: g.rows, inFeatures: g.inFeatures, outFeatures: g.outFeatures,
          weight: g.weightInOut ? transpose(w.data, g.inFeatures, g.outFeatures) : w.data,
          bias: b?.data ?? null, weightName: w.name, biasName: b?.name ?? null,
        };
      }
      case 'Conv': {
        const w = constant(node.inputs[1])!;
        const b = constant(node.inputs[2]);
        return {
          ...base, kind: 'Conv', geometry: convGeometry(node, x, w), weight: w.data, bias: b?.data ?? null,
          weightName: w.name, biasName: b?.name ?? null,
        };
      }
      case 'MaxPool':
      case 'AveragePool':
        return { ...base, kind: node.op, geometry: poolGeometry(node, x), countIncludePad: node.attrs.countIncludePad ?? false };
      case 'GlobalAveragePool':
        return { ...base, kind: 'GlobalAveragePool', channels: x[1]!, spatial: x[2]! * x[3]! };
      case 'Relu':
      case 'Clip':
      case 'LeakyRelu':
      case 'Sigmoid':
      case 'Tanh':
      case 'Gelu':
        return {
          ...base, kind: node.op, size: product(x), min: node.attrs.min ?? -Infinity, max: node.attrs.max ?? Infinity,
          alpha: node.attrs.alpha ?? 0.01,
        };
      case 'Softmax':
        return { ...base, kind: 'Softmax', ...softmaxGeometry(node, x) };
      case 'Add':
      case 'Mul': {
        const size = product(y);
        const channels = y.length >= 2 ? y[1]! : 1;
        const inner = y.length >= 2 ? product(y, 2) : 1;
        if (inputs.length === 2) {
          return { ...base, kind: node.op, size, mode: 'tensor', channels, inner, constant: null, constantName: null };
        }
        const k = constant(node.inputs.find((name) => !index.has(name)))!;
        const bc = broadcastOf(node, x, k);
        return { ...base, kind: node.op, size, mode: bc.kind, channels, inner, constant: k.data, constantName: k.name };
      }
      case 'Concat':
        return { ...base, kind: 'Concat', sizes: inputs.map((v) => product(valueShapes[v]!)) };
      case 'Flatten':
      case 'Reshape':
        return { ...base, kind: 'Reshape', size: product(x) };
      case 'BatchNormalization': {
        const [scale, bias, mean, variance] = [1, 2, 3, 4].map((k) => constant(node.inputs[k])!.data) as [
          Float64Array, Float64Array, Float64Array, Float64Array,
        ];
        return {
          ...base, kind: 'BatchNormalization', channels: x[1]!, inner: product(x, 2), scale, bias, mean, variance,
          epsilon: node.attrs.epsilon ?? 1e-5,
        };
      }
    }
  });

  const output = index.get(graph.outputs[0]!.name)!;
  const sizes = valueShapes.map((s) => product(s));
  const slots = assignSlots(steps, sizes, input, output);
  const values: PlanValue[] = valueShapes.map((shape, i) => ({
    name: i === input ? graph.inputs[0]!.name : steps[producers[i]!]!.node.outputs[0]!,
    shape, size: sizes[i]!, slot: slots.slot[i]!, producer: producers[i]!,
  }));
  return { graph, values, slotSizes: slots.sizes, input, output, steps };
}

/**
 * Greedy storage sharing: walking the steps, a value takes a free slot (best fit, else the largest free one, grown)
 * or a new one, and frees its slot after its last reader. The graph output is never freed.
 */
function assignSlots(
  steps: readonly Step[],
  sizes: readonly number[],
  input: number,
  output: number,
): { slot: number[]; sizes: number[] } {
  const lastUse = sizes.map((_, v) => (v === output ? Infinity : -1));
  steps.forEach((step, i) => {
    for (const v of step.inputs) if (lastUse[v] !== Infinity) lastUse[v] = i;
  });
  const slot = new Array<number>(sizes.length).fill(-1);
  const slotSizes: number[] = [];
  const free: number[] = [];
  const take = (v: number): void => {
    const need = sizes[v]!;
    let best = -1;
    for (let f = 0; f < free.length; f++) {
      const s = slotSizes[free[f]!]!;
      const b = best < 0 ? -1 : slotSizes[free[best]!]!;
      if (best < 0 || (s >= need ? b < need || s < b : b < need && s > b)) best = f;
    }
    if (best < 0) {
      slot[v] = slotSizes.length;
      slotSizes.push(need);
    } else {
      slot[v] = free[best]!;
      free.splice(best, 1);
      if (slotSizes[slot[v]!]! < need) slotSizes[slot[v]!] = need;
    }
  };
  take(input);
  if (lastUse[input] === -1) free.push(slot[input]!);
  steps.forEach((step, i) => {
    take(step.output);
    const released = new Set<number>();
    for (const v of step.inputs) if (lastUse[v] === i) released.add(v);
    if (lastUse[step.output] === -1) released.add(step.output);
    for (const v of released) free.push(slot[v]!);
  });
  return { slot, sizes: slotSizes };
}
