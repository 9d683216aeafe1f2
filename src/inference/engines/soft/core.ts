/**
 * The integer-only heart of the soft engines: a planned graph bound to kernels over format words.
 *
 * At construction the plan's storage slots are allocated once (Uint32Array words for binary32, Uint16Array for the
 * 16-bit formats), every constant is turned into words (by the boundary's encoder: round to nearest even from the
 * model's doubles) together with whatever pre-decoded form the kernels want, and every step is bound to its views.
 * A run executes the kernels in order with the rounding mode forced to round-to-nearest-even and allocates nothing
 * (beyond growing the shared bucket array the first time a larger band is needed).
 *
 * The boundary (boundary.ts) puts the sample's words into `input` and reads `output` (or each step's words, for a
 * trace); nothing here ever holds a native floating-point number.
 */
import { env, round_near_even } from '../../../env/environment.js';
import { ModelError } from '../../model/errors.js';
import { foldBatchNorm } from '../../model/foldBatchNorm.js';
import type { Graph } from '../../model/graph.js';
import { type DenseStep, type Plan, type Step, planGraph } from '../../model/plan.js';
import { convKernel } from './conv.js';
import { denseKernel } from './dense.js';
import { type Accumulation, type FormatName, type SoftFormat, type Words, softFormat } from './format.js';
import {
  PolicySum,
  averagePool,
  binaryChannel,
  binaryTensor,
  clip,
  globalAveragePool,
  leakyRelu,
  maxPool,
  relu,
  softmax,
  unary,
} from './ops.js';
import { Scratch } from './scratch.js';

/** A constant array of the plan (the model's doubles), opaque to the core. */
export type PlanConstant = DenseStep['weight'];

/** Turns the model's constants into words of a format, rounding to nearest even (implemented by the boundary). */
export interface ConstantEncoder {
  tensor(values: PlanConstant, fmt: SoftFormat): Words;
  /** A scalar attribute (Clip bounds, LeakyRelu alpha); ±Infinity allowed. */
  scalar(value: number, fmt: SoftFormat): number;
}

export class SoftCore {
  readonly fmt: SoftFormat;
  readonly accumulation: Accumulation;
  readonly plan: Plan;
  /** Stored weight, bias and Add/Mul constant elements. */
  readonly weightElements: number;
  readonly input: Words;
  readonly output: Words;
  private readonly views: readonly Words[];
  private readonly kernels: readonly (() => void)[];

  constructor(graph: Graph, format: FormatName, accumulation: Accumulation, encoder: ConstantEncoder) {
    this.fmt = softFormat(format);
    this.accumulation = accumulation;
    this.plan = planGraph(foldBatchNorm(graph));
    const fmt = this.fmt;
    const slots = this.plan.slotSizes.map((n) => fmt.newWords(n));
    this.views = this.plan.values.map((v) => slots[v.slot]!.subarray(0, v.size));
    this.input = this.views[this.plan.input]!;
    this.output = this.views[this.plan.output]!;
    const scratch = new Scratch();
    let elements = 0;
    const constant = (values: PlanConstant): Words => {
      elements += values.length;
      return encoder.tensor(values, fmt);
    };
    const mode = env.roundingMode;
    const flags = env.flags;
    try {
      env.roundingMode = round_near_even;
      this.kernels = this.plan.steps.map((s) => this.bind(s, scratch, constant, encoder));
    } finally {
      env.roundingMode = mode;
      env.flags = flags;
    }
    this.weightElements = elements;
  }

  private bind(
    step: Step,
    scratch: Scratch,
    constant: (values: PlanConstant) => Words,
    encoder: ConstantEncoder,
  ): () => void {
    const fmt = this.fmt;
    const acc = this.accumulation;
    const x = this.views[step.inputs[0]!]!;
    const y = this.views[step.output]!;
    switch (step.kind) {
      case 'Dense': {
        const w = constant(step.weight);
        const b = step.bias === null ? null : constant(step.bias);
        return denseKernel(fmt, acc, step, w, b, x, y, scratch);
      }
      case 'Conv': {
        const w = constant(step.weight);
        const b = step.bias === null ? null : constant(step.bias);
        return convKernel(fmt, acc, step.geometry, w, b, x, y, scratch);
      }
      case 'MaxPool': {
        const g = step.geometry;
        return () => maxPool(fmt, x, y, g);
      }
      case 'AveragePool': {
        const { geometry, countIncludePad } = step;
        const sum = new PolicySum(fmt, acc);
        return () => averagePool(fmt, sum, x, y, geometry, countIncludePad);
      }
      case 'GlobalAveragePool': {
        const { channels, spatial } = step;
        const sum = new PolicySum(fmt, acc);
        return () => globalAveragePool(fmt, sum, x, y, channels, spatial);
      }
      case 'Relu':
        return () => relu(fmt, x, y, step.size);
      case 'Clip': {
        const min = encoder.scalar(step.min, fmt);
        const max = encoder.scalar(step.max, fmt);
        return () => clip(fmt, x, y, step.size, min, max);
      }
      case 'LeakyRelu': {
        const alpha = encoder.scalar(step.alpha, fmt);
        return () => leakyRelu(fmt, x, y, step.size, alpha);
      }
      case 'Sigmoid':
        return () => unary(fmt.sigmoid, x, y, step.size);
      case 'Tanh':
        return () => unary(fmt.tanh, x, y, step.size);
      case 'Gelu':
        return () => unary(fmt.gelu, x, y, step.size);
      case 'Softmax': {
        const { rows, cols } = step;
        const sum = new PolicySum(fmt, acc);
        return () => softmax(fmt, acc, sum, x, y, rows, cols);
      }
      case 'Add':
      case 'Mul': {
        const op = step.kind === 'Mul' ? fmt.mul : fmt.add;
        const { size, channels, inner } = step;
        if (step.mode === 'tensor') {
          const b = this.views[step.inputs[1]!]!;
          return () => binaryTensor(op, x, b, y, size);
        }
        const k = constant(step.constant!);
        switch (step.mode) {
          case 'full':
            return () => binaryTensor(op, x, k, y, size);
          case 'channel':
            return () => binaryChannel(op, x, k, y, channels, inner);
          case 'scalar':
            return () => binaryChannel(op, x, k, y, 1, size);
        }
        break;
      }
      case 'Concat': {
        const parts = step.inputs.map((v) => this.views[v]!);
        return () => {
          let at = 0;
          for (const part of parts) {
            y.set(part, at);
            at += part.length;
          }
        };
      }
      case 'Reshape':
        return () => y.set(x);
      case 'BatchNormalization':
        throw new ModelError('BatchNormalization must be folded before a soft engine runs', step.node);
    }
    throw new Error('unreachable');
  }

  /** Run every step on the words in `input`; `each`, if given, sees each step's node name and output words. */
  run(each?: (node: string, words: Words) => void): void {
    const mode = env.roundingMode;
    const flags = env.flags;
    try {
      env.roundingMode = round_near_even;
      const steps = this.plan.steps;
      for (let i = 0; i < steps.length; i++) {
        this.kernels[i]!();
        if (each !== undefined) each(steps[i]!.node.name, this.views[steps[i]!.output]!);
      }
    } finally {
      env.roundingMode = mode;
      env.flags = flags;
    }
  }
}
