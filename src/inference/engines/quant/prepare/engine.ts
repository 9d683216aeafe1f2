/**
 * The quantized engines (int8 / int16 fixed point, gemmlowp/TFLite style): preparation here, on the host, and an
 * integer-only forward pass in ../run/ (spec/quantization.md).
 *
 * BOUNDARY: besides preparation, this file is where a run touches native doubles, exactly twice: the sample's
 * doubles become input codes (q = clamp(round(x / sx) + zx), ties away from zero, NaN → zx), and the output codes
 * become doubles (sy·(q − zy)); a trace decodes every node's codes (a layer with a fused Relu/Clip reports its raw
 * accumulators, sx·sw[c]·acc). Everything between runs in QuantCore on integers.
 */
import { ModelError } from '../../../model/errors.js';
import type { Engine, Graph, StoredRange } from '../../../model/graph.js';
import type { Plan } from '../../../model/plan.js';
import type { AccumulatorSink, QArray } from '../run/dense.js';
import { QuantCore } from '../run/program.js';
import { buildProgram } from './build.js';
import { type QuantOptions, quantEngineName, resolveOptions } from './options.js';
import type { QParams } from './scales.js';

function decode(codes: QArray, p: QParams): Float64Array {
  const out = new Float64Array(codes.length);
  for (let i = 0; i < codes.length; i++) out[i] = p.scale * (codes[i]! - p.zeroPoint);
  return out;
}

export class QuantEngine implements Engine {
  readonly name: string;
  readonly weightBytes: number;
  readonly plan: Plan;
  readonly core: QuantCore;
  /** Scale and zero point of every value (null: a fused layer's own output, never materialized). */
  readonly params: readonly (QParams | null)[];
  /** Per step: weight scales of a Dense/Conv (one or one per output channel), or an Add/Mul constant's scale. */
  readonly weightScales: readonly (Float64Array | null)[];
  private readonly accumulatorScales: readonly (Float64Array | null)[];
  private readonly inputInverse: number;
  private readonly inputZero: number;
  private readonly codeMin: number;
  private readonly codeMax: number;
  private readonly outputParams: QParams;

  constructor(graph: Graph, options: QuantOptions, calibration: readonly Float64Array[]) {
    const o = resolveOptions(options);
    this.name = quantEngineName(o);
    const built = buildProgram(graph, o, calibration);
    this.plan = built.plan;
    this.params = built.params;
    this.accumulatorScales = built.accumulatorScales;
    this.weightScales = built.weightScales;
    this.weightBytes = built.weightBytes;
    this.core = new QuantCore(built.program);
    const pin = this.params[built.program.input]!;
    this.inputInverse = 1 / pin.scale;
    this.inputZero = pin.zeroPoint;
    this.codeMin = o.bits === 8 ? -128 : -32768;
    this.codeMax = o.bits === 8 ? 127 : 32767;
    this.outputParams = this.params[built.program.output]!;
  }

  /** Quantize a sample into the input codes. */
  private load(input: Float64Array): void {
    const codes = this.core.input;
    if (input.length !== codes.length) {
      const v = this.plan.values[this.plan.input]!;
      throw new ModelError(`input "${v.name}" needs ${v.size} values (shape [${v.shape.join(', ')}]), got ${input.length}`);
    }
    const inv = this.inputInverse;
    const z = this.inputZero;
    const lo = this.codeMin;
    const hi = this.codeMax;
    for (let i = 0; i < input.length; i++) {
      const r = input[i]! * inv;
      let q = (r < 0 ? -Math.round(-r) : Math.round(r)) + z;
      if (q !== q) q = z;
      codes[i] = q < lo ? lo : q > hi ? hi : q;
    }
  }

  run(input: Float64Array): Float64Array {
    this.load(input);
    this.core.run();
    return decode(this.core.output, this.outputParams);
  }

  trace(input: Float64Array): Map<string, Float64Array> {
    this.load(input);
    const out = new Map<string, Float64Array>();
    const steps = this.core.program.steps;
    this.core.runTraced((i, sink) => {
      const step = steps[i]!;
      if (sink !== null) out.set(step.name, this.decodeAccumulators(i, sink));
      else out.set(step.name, decode(this.core.values[step.output]!, this.params[step.output]!));
    });
    return out;
  }

  /**
   * See Engine.storedRanges: codes codeMin … codeMax of a value with scale s and zero point z hold the reals
   * s·(codeMin − z − 1/2) … s·(codeMax − z + 1/2); anything beyond rounds to a code outside the type and is clamped.
   */
  storedRanges(): Map<string, StoredRange> {
    const range = (v: number, node: string): StoredRange => {
      const p = this.params[v]!;
      return { node, lo: p.scale * (this.codeMin - p.zeroPoint - 0.5), hi: p.scale * (this.codeMax - p.zeroPoint + 0.5) };
    };
    const program = this.core.program;
    // The last step writing a value names it: a fused Relu/Clip step comes after its layer and writes its output.
    const writer = new Map<number, string>();
    for (const step of program.steps) writer.set(step.output, step.name);
    const inputName = this.plan.values[program.input]!.name;
    const out = new Map<string, StoredRange>([[inputName, range(program.input, inputName)]]);
    for (const step of program.steps) {
      if (step.kind === 'Dense' || step.kind === 'Conv') out.set(step.name, range(step.output, writer.get(step.output)!));
    }
    return out;
  }

  /** A fused layer's accumulators as reals: sx·sw[c]·acc, acc the 32-bit (narrow) or 64-bit (wide) sum. */
  private decodeAccumulators(i: number, sink: AccumulatorSink): Float64Array {
    const step = this.core.program.steps[i]!;
    const scales = this.accumulatorScales[i]!;
    const wide = (step.kind === 'Dense' || step.kind === 'Conv') && step.biasHi !== null;
    const n = sink.lo.length;
    const out = new Float64Array(n);
    const channels = scales.length;
    const perChannel = step.kind === 'Conv' ? n / channels : 1;
    for (let k = 0; k < n; k++) {
      const c = step.kind === 'Conv' ? Math.floor(k / perChannel) : k % channels;
      const acc = wide ? sink.hi[k]! * 2 ** 32 + (sink.lo[k]! >>> 0) : sink.lo[k]!;
      out[k] = scales[c]! * acc;
    }
    return out;
  }
}

/**
 * A quantized engine for `graph`: int8 or int16 weights and activations, int32 (or exact 64-bit) accumulators,
 * requantization by fixed-point multipliers, calibrated on `calibration` (samples of the graph input, flattened
 * NCHW). The graph is validated, batch-norm folded and planned here; a ModelError for an invalid graph, non-finite
 * weights (naming the node), a value whose calibration range is all zero (naming the node), or a bad sample.
 */
export function createQuantEngine(graph: Graph, options: QuantOptions, calibration: readonly Float64Array[]): Engine {
  return new QuantEngine(graph, options, calibration);
}
