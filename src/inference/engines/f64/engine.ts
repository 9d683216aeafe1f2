/**
 * The float64 reference engine: the graph evaluated in native doubles, the yardstick every other engine is compared
 * against. It runs unfolded graphs too (BatchNormalization computed as written), which is how the folding itself is
 * checked.
 *
 * At construction the plan's storage slots are allocated once and every step is bound to views of them, so `run`
 * allocates nothing but its result.
 */

import type { Engine, Graph } from '../../model/graph.js';
import { ModelError } from '../../model/errors.js';
import { type Plan, type Step, planGraph } from '../../model/plan.js';
import {
  averagePool,
  batchNorm,
  binaryChannel,
  binaryTensor,
  clip,
  conv2d,
  dense,
  gelu,
  globalAveragePool,
  leakyRelu,
  maxPool,
  relu,
  sigmoid,
  softmax,
  tanh,
} from './kernels.js';

const BYTES = 8;

function stepWeightElements(step: Step): number {
  switch (step.kind) {
    case 'Dense':
    case 'Conv':
      return step.weight.length + (step.bias?.length ?? 0);
    case 'Add':
    case 'Mul':
      return step.constant?.length ?? 0;
    case 'BatchNormalization':
      return 4 * step.channels;
    default:
      return 0;
  }
}

function bind(step: Step, view: (v: number) => Float64Array): () => void {
  const x = view(step.inputs[0]!);
  const y = view(step.output);
  switch (step.kind) {
    case 'Dense': {
      const { weight, bias, rows, inFeatures, outFeatures } = step;
      return () => dense(x, weight, bias, y, rows, inFeatures, outFeatures);
    }
    case 'Conv': {
      const { weight, bias, geometry } = step;
      return () => conv2d(x, weight, bias, y, geometry);
    }
    case 'MaxPool': {
      const g = step.geometry;
      return () => maxPool(x, y, g);
    }
    case 'AveragePool': {
      const { geometry, countIncludePad } = step;
      return () => averagePool(x, y, geometry, countIncludePad);
    }
    case 'GlobalAveragePool': {
      const { channels, spatial } = step;
      return () => globalAveragePool(x, y, channels, spatial);
    }
    case 'Relu':
      return () => relu(x, y, step.size);
    case 'Clip':
      return () => clip(x, y, step.size, step.min, step.max);
    case 'LeakyRelu':
      return () => leakyRelu(x, y, step.size, step.alpha);
    case 'Sigmoid':
      return () => sigmoid(x, y, step.size);
    case 'Tanh':
      return () => tanh(x, y, step.size);
    case 'Gelu':
      return () => gelu(x, y, step.size);
    case 'Softmax':
      return () => softmax(x, y, step.rows, step.cols);
    case 'Add':
    case 'Mul': {
      const mul = step.kind === 'Mul';
      const { size, channels, inner, constant } = step;
      switch (step.mode) {
        case 'tensor': {
          const b = view(step.inputs[1]!);
          return () => binaryTensor(x, b, y, size, mul);
        }
        case 'full':
          return () => binaryTensor(x, constant!, y, size, mul);
        case 'channel':
          return () => binaryChannel(x, constant!, y, channels, inner, mul);
        case 'scalar':
          return () => binaryChannel(x, constant!, y, 1, size, mul);
      }
      break;
    }
    case 'Concat': {
      const parts = step.inputs.map(view);
      const offsets: number[] = [];
      let at = 0;
      for (const s of step.sizes) {
        offsets.push(at);
        at += s;
      }
      return () => {
        for (let i = 0; i < parts.length; i++) y.set(parts[i]!, offsets[i]);
      };
    }
    case 'Reshape':
      return () => y.set(x);
    case 'BatchNormalization': {
      const { channels, inner, scale, bias, mean, variance, epsilon } = step;
      return () => batchNorm(x, y, channels, inner, scale, bias, mean, variance, epsilon);
    }
  }
  throw new Error('unreachable');
}

export class F64Engine implements Engine {
  readonly name = 'f64';
  readonly weightBytes: number;
  readonly plan: Plan;
  private readonly inputView: Float64Array;
  private readonly outputView: Float64Array;
  private readonly kernels: readonly (() => void)[];
  private readonly views: readonly Float64Array[];

  constructor(graph: Graph) {
    this.plan = planGraph(graph);
    const slots = this.plan.slotSizes.map((n) => new Float64Array(n));
    this.views = this.plan.values.map((v) => slots[v.slot]!.subarray(0, v.size));
    const view = (v: number): Float64Array => this.views[v]!;
    this.kernels = this.plan.steps.map((s) => bind(s, view));
    this.inputView = view(this.plan.input);
    this.outputView = view(this.plan.output);
    this.weightBytes = BYTES * this.plan.steps.reduce((n, s) => n + stepWeightElements(s), 0);
  }

  private load(input: Float64Array): void {
    if (input.length !== this.inputView.length) {
      const v = this.plan.values[this.plan.input]!;
      throw new ModelError(`input "${v.name}" needs ${v.size} values (shape [${v.shape.join(', ')}]), got ${input.length}`);
    }
    this.inputView.set(input);
  }

  run(input: Float64Array): Float64Array {
    this.load(input);
    for (const k of this.kernels) k();
    return this.outputView.slice();
  }

  trace(input: Float64Array): Map<string, Float64Array> {
    this.load(input);
    const out = new Map<string, Float64Array>();
    const steps = this.plan.steps;
    for (let i = 0; i < steps.length; i++) {
      this.kernels[i]!();
      out.set(steps[i]!.node.name, this.views[steps[i]!.output]!.slice());
    }
    return out;
  }
}

/** The float64 reference engine for `graph` (validated and planned here; a ModelError if the graph is invalid). */
export function createF64Engine(graph: Graph): Engine {
  return new F64Engine(graph);
}
