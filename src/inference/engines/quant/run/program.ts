/**
 * The integer program a quantized engine runs, and the core that runs it.
 *
 * The host (../prepare/) turns a planned graph into a {@link QProgram}: one step per graph node holding only integer
 * data (quantized weights, int32 or 64-bit biases, multipliers and shifts, zero points, clamps, tables). Values are
 * the plan's values (index 0 the graph input); a layer whose Relu/Clip was fused into its requantization writes the
 * activation's value directly and its own value is never materialized (the activation step becomes `Fused`).
 *
 * {@link QuantCore} allocates every materialized value once (Int8Array or Int16Array codes) plus the scratch the
 * convolutions need, binds each step to its kernel, and runs them in order without allocating.
 */
import type { PoolGeometry } from '../../../model/shapes.js';
import { type ConvLayout, center, convNarrow, convWide } from './conv.js';
import { type AccumulatorSink, type QArray, type Requant, denseNarrow, denseWide } from './dense.js';
import {
  type AddParams,
  type LeakyParams,
  type MulParams,
  add,
  clamp,
  leakyRelu,
  mul,
  requantizeInto,
} from './elementwise.js';
import { type SoftmaxParams, lut16, lut8, softmax } from './lut.js';
import { type DivisorTable, averagePool, globalAveragePool, maxPool } from './pool.js';

interface StepBase {
  /** Node name (trace key). */
  readonly name: string;
  /** Value indices read (constants excluded). */
  readonly inputs: readonly number[];
  /** Value index written (for a fused layer: the activation's output value). */
  readonly output: number;
}

/** Gemm/MatMul and Conv: `biasHi` is null for the narrow (int32) kernel, set for the wide (64-bit) one. */
export interface QDense extends StepBase {
  readonly kind: 'Dense';
  readonly rows: number;
  readonly inFeatures: number;
  readonly outFeatures: number;
  readonly weight: QArray;
  readonly biasLo: Int32Array;
  readonly biasHi: Int32Array | null;
  readonly requant: Requant;
  /** A Relu/Clip is fused: a trace reports the accumulators for this node. */
  readonly fused: boolean;
}

export interface QConv extends StepBase {
  readonly kind: 'Conv';
  readonly layout: ConvLayout;
  readonly inputZero: number;
  readonly weight: QArray;
  readonly biasLo: Int32Array;
  readonly biasHi: Int32Array | null;
  readonly requant: Requant;
  readonly fused: boolean;
}

export interface QMaxPool extends StepBase {
  readonly kind: 'MaxPool';
  readonly geometry: PoolGeometry;
}

export interface QAveragePool extends StepBase {
  readonly kind: 'AveragePool';
  readonly geometry: PoolGeometry;
  readonly countIncludePad: boolean;
  /** Code of real 0 (what a padded tap counts as when countIncludePad). */
  readonly zeroPoint: number;
  readonly divisors: DivisorTable;
}

export interface QGlobalAveragePool extends StepBase {
  readonly kind: 'GlobalAveragePool';
  readonly channels: number;
  readonly spatial: number;
  readonly magic: number;
  readonly magicShift: number;
}

/** Relu and Clip on their own: a clamp in the input's own quantization. */
export interface QClamp extends StepBase {
  readonly kind: 'Clamp';
  readonly size: number;
  readonly lo: number;
  readonly hi: number;
}

export interface QLeakyRelu extends StepBase {
  readonly kind: 'LeakyRelu';
  readonly size: number;
  readonly params: LeakyParams;
}

export interface QLut8 extends StepBase {
  readonly kind: 'Lut8';
  readonly size: number;
  readonly table: Int8Array;
}

export interface QLut16 extends StepBase {
  readonly kind: 'Lut16';
  readonly size: number;
  readonly table: Int32Array;
  readonly lo: number;
  readonly hi: number;
}

export interface QSoftmax extends StepBase {
  readonly kind: 'Softmax';
  readonly rows: number;
  readonly cols: number;
  readonly params: SoftmaxParams;
}

/** Add/Mul: the second operand is inputs[1] (a tensor) or `constant` (quantized host-side). */
export interface QBinary extends StepBase {
  readonly kind: 'Add' | 'Mul';
  readonly channels: number;
  readonly inner: number;
  readonly bElementwise: boolean;
  readonly constant: QArray | null;
  readonly add: AddParams | null;
  readonly mul: MulParams | null;
}

export interface QConcatPart {
  readonly offset: number;
  readonly size: number;
  /** Same scale and zero point as the output: a plain copy. */
  readonly copy: boolean;
  readonly zIn: number;
  readonly mult: number;
  readonly shift: number;
}

export interface QConcat extends StepBase {
  readonly kind: 'Concat';
  readonly parts: readonly QConcatPart[];
  readonly zOut: number;
  readonly lo: number;
  readonly hi: number;
}

/** Flatten/Reshape (and anything else that keeps codes unchanged). */
export interface QCopy extends StepBase {
  readonly kind: 'Copy';
  readonly size: number;
}

/** An activation whose clamp runs inside the previous layer's requantization. */
export interface QFused extends StepBase {
  readonly kind: 'Fused';
}

export type QStep =
  | QDense
  | QConv
  | QMaxPool
  | QAveragePool
  | QGlobalAveragePool
  | QClamp
  | QLeakyRelu
  | QLut8
  | QLut16
  | QSoftmax
  | QBinary
  | QConcat
  | QCopy
  | QFused;

export interface QProgram {
  readonly bits: 8 | 16;
  /** Element count of every plan value; `materialized[v]` false for a fused layer's own output. */
  readonly valueSizes: readonly number[];
  readonly materialized: readonly boolean[];
  readonly input: number;
  readonly output: number;
  readonly steps: readonly QStep[];
}

type Kernel = (sink: AccumulatorSink | null) => void;

function outputSize(step: QDense | QConv): number {
  if (step.kind === 'Dense') return Math.imul(step.rows, step.outFeatures);
  const g = step.layout.geometry;
  return Math.imul(Math.imul(g.outChannels, g.outH), g.outW);
}

export class QuantCore {
  readonly program: QProgram;
  /** Codes of every materialized value (null for a fused layer's own output). */
  readonly values: readonly (QArray | null)[];
  readonly input: QArray;
  readonly output: QArray;
  private readonly kernels: readonly Kernel[];
  private readonly sinks: (AccumulatorSink | null)[];

  constructor(program: QProgram) {
    this.program = program;
    const wide = program.bits === 16;
    this.values = program.valueSizes.map((n, v) =>
      program.materialized[v] ? (wide ? new Int16Array(n) : new Int8Array(n)) : null,
    );
    let centered = 0;
    let plane = 0;
    for (const s of program.steps) {
      if (s.kind !== 'Conv') continue;
      const g = s.layout.geometry;
      const n = Math.imul(Math.imul(g.channels, g.inH), g.inW);
      const p = Math.imul(g.outH, g.outW);
      if (n > centered) centered = n;
      if (p > plane) plane = p;
    }
    const cx = wide ? new Int32Array(centered) : new Int16Array(centered);
    const accLo = new Int32Array(plane);
    const accHi = new Int32Array(plane);
    const view = (v: number): QArray => {
      const a = this.values[v];
      if (a === null || a === undefined) throw new Error(`quantized value ${v} is not materialized`);
      return a;
    };
    this.kernels = program.steps.map((s) => bindStep(s, view, cx, accLo, accHi));
    this.sinks = program.steps.map(() => null);
    this.input = view(program.input);
    this.output = view(program.output);
  }

  /** Run every step (the input codes must already be in `input`). */
  run(): void {
    const kernels = this.kernels;
    for (let i = 0; i < kernels.length; i++) kernels[i]!(null);
  }

  /**
   * Run every step, calling `after(i, sink)` once step i has run; `sink` holds a fused layer's raw accumulators
   * (low words, and high words for a wide layer), otherwise null. Allocates the sinks on first use.
   */
  runTraced(after: (step: number, sink: AccumulatorSink | null) => void): void {
    const steps = this.program.steps;
    for (let i = 0; i < steps.length; i++) {
      const s = steps[i]!;
      let sink: AccumulatorSink | null = null;
      if ((s.kind === 'Dense' || s.kind === 'Conv') && s.fused) {
        sink = this.sinks[i] ?? null;
        if (sink === null) {
          const n = outputSize(s);
          sink = { lo: new Int32Array(n), hi: new Int32Array(n) };
          this.sinks[i] = sink;
        }
      }
      this.kernels[i]!(sink);
      after(i, sink);
    }
  }
}

function bindStep(
  s: QStep,
  view: (v: number) => QArray,
  cx: Int16Array | Int32Array,
  accLo: Int32Array,
  accHi: Int32Array,
): Kernel {
  if (s.kind === 'Fused') return () => undefined;
  const y = view(s.output);
  const x = view(s.inputs[0]!);
  switch (s.kind) {
    case 'Dense': {
      const { weight, biasLo, biasHi, requant, rows, inFeatures, outFeatures } = s;
      if (biasHi === null) return (sink) => denseNarrow(x, weight, biasLo, requant, y, rows, inFeatures, outFeatures, sink);
      return (sink) => denseWide(x, weight, biasHi, biasLo, requant, y, rows, inFeatures, outFeatures, sink);
    }
    case 'Conv': {
      const { weight, biasLo, biasHi, requant, layout, inputZero } = s;
      const g = layout.geometry;
      const n = Math.imul(Math.imul(g.channels, g.inH), g.inW);
      if (biasHi === null) {
        return (sink) => {
          center(x, cx, n, inputZero);
          convNarrow(cx, weight, biasLo, requant, y, layout, accLo, sink);
        };
      }
      return (sink) => {
        center(x, cx, n, inputZero);
        convWide(cx, weight, biasHi, biasLo, requant, y, layout, accHi, accLo, sink);
      };
    }
    case 'MaxPool':
      return () => maxPool(x, y, s.geometry);
    case 'AveragePool':
      return () => averagePool(x, y, s.geometry, s.countIncludePad, s.zeroPoint, s.divisors);
    case 'GlobalAveragePool':
      return () => globalAveragePool(x, y, s.channels, s.spatial, s.magic, s.magicShift);
    case 'Clamp':
      return () => clamp(x, y, s.size, s.lo, s.hi);
    case 'LeakyRelu':
      return () => leakyRelu(x, y, s.size, s.params);
    case 'Lut8':
      if (!(x instanceof Int8Array) || !(y instanceof Int8Array)) throw new Error('Lut8 needs int8 values');
      return () => lut8(x, y, s.size, s.table);
    case 'Lut16':
      if (!(x instanceof Int16Array) || !(y instanceof Int16Array)) throw new Error('Lut16 needs int16 values');
      return () => lut16(x, y, s.size, s.table, s.lo, s.hi);
    case 'Softmax':
      return () => softmax(x, y, s.rows, s.cols, s.params);
    case 'Add':
    case 'Mul': {
      const b = s.constant ?? view(s.inputs[1]!);
      const { channels, inner, bElementwise } = s;
      if (s.kind === 'Add') {
        const p = s.add!;
        return () => add(x, b, y, channels, inner, bElementwise, p);
      }
      const p = s.mul!;
      return () => mul(x, b, y, channels, inner, bElementwise, p);
    }
    case 'Concat': {
      const parts = s.parts.map((p, i) => ({ ...p, src: view(s.inputs[i]!) }));
      const { zOut, lo, hi } = s;
      return () => {
        for (let i = 0; i < parts.length; i++) {
          const p = parts[i]!;
          if (p.copy) y.set(p.src, p.offset);
          else requantizeInto(p.src, y, p.offset, p.size, p.zIn, p.mult, p.shift, zOut, lo, hi);
        }
      };
    }
    case 'Copy':
      return () => y.set(x);
  }
}
