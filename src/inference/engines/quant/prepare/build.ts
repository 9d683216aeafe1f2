/**
 * Preparation of a quantized engine (host side, native doubles): the graph is batch-norm folded and planned, the
 * float64 reference runs the calibration samples, every value gets a scale and zero point, and every step becomes an
 * integer step of a {@link QProgram} (spec/quantization.md §3–§5).
 */
import { F64Engine } from '../../f64/engine.js';
import { gelu } from '../../f64/erf.js';
import { ModelError } from '../../../model/errors.js';
import { foldBatchNorm } from '../../../model/foldBatchNorm.js';
import type { Graph } from '../../../model/graph.js';
import type { ConvStep, DenseStep, Plan, Step } from '../../../model/plan.js';
import type { ConvGeometry } from '../../../model/shapes.js';
import type { ConvLayout } from '../run/conv.js';
import type { QArray, Requant } from '../run/dense.js';
import type { QConcatPart, QProgram, QStep } from '../run/program.js';
import { type ValueStats, asymmetricRange, collectStats, producerOf, symmetricThreshold } from './calibrate.js';
import type { QuantBits, ResolvedQuantOptions } from './options.js';
import {
  type Multiplier,
  type QParams,
  asymmetricParams,
  divisionMagic,
  quantizeMultiplier,
  quantizeValue,
  type QuantizedWeights,
  quantizeWeights,
  roundToBigInt,
  splitInt64,
  symmetricParams,
  typeMax,
  typeMin,
} from './scales.js';
import { divisorTable, lookupTable16, lookupTable8, sigmoid, softmaxTable } from './tables.js';

export interface BuiltProgram {
  readonly program: QProgram;
  readonly plan: Plan;
  /** Scale and zero point of every value (null for a fused layer's own, never materialized, output). */
  readonly params: readonly (QParams | null)[];
  /**
   * For a fused layer: the real value of one accumulator unit per output channel (sx·sw[c]) and the number of
   * consecutive elements per channel (1 for Dense, whose channel is the element index modulo outFeatures).
   */
  readonly accumulatorScales: readonly (Float64Array | null)[];
  /** Per step: the weight scales of a Dense/Conv (one, or one per output channel), an Add/Mul constant's scale. */
  readonly weightScales: readonly (Float64Array | null)[];
  readonly weightBytes: number;
}

/** Left shift of Add's centered operands: keeps |q − z|·2^L below 2^31 with room for the sum. */
function addLeftShift(bits: QuantBits): number {
  return bits === 8 ? 20 : 15;
}

/** Every weight, bias and constant a node reads must be finite: a ModelError naming the node otherwise. */
function checkConstants(graph: Graph): void {
  // A malformed graph is left to validation, which explains it better.
  if (graph === null || typeof graph !== 'object' || !Array.isArray(graph.nodes) || !(graph.initializers instanceof Map)) return;
  for (const node of graph.nodes) {
    if (node === null || typeof node !== 'object' || !Array.isArray(node.inputs)) continue;
    for (const name of node.inputs) {
      const t = graph.initializers.get(name);
      if (t === undefined || !(t.data instanceof Float64Array)) continue;
      for (let i = 0; i < t.data.length; i++) {
        const v = t.data[i]!;
        if (!Number.isFinite(v)) {
          throw new ModelError(`initializer "${name}" holds ${v} at element ${i}; weights must be finite to quantize`, node);
        }
      }
    }
  }
}

function checkCalibration(plan: Plan, samples: readonly Float64Array[]): void {
  if (!Array.isArray(samples) || samples.length === 0) {
    throw new ModelError('quantization needs at least one calibration sample');
  }
  const input = plan.values[plan.input]!;
  samples.forEach((s, i) => {
    if (!(s instanceof Float64Array) || s.length !== input.size) {
      throw new ModelError(
        `calibration sample ${i} must be a Float64Array of ${input.size} values (input "${input.name}", shape ` +
          `[${input.shape.join(', ')}])`,
      );
    }
  });
}

function convLayout(g: ConvGeometry): ConvLayout {
  const oy0 = new Int32Array(g.kernelH);
  const oy1 = new Int32Array(g.kernelH);
  const ox0 = new Int32Array(g.kernelW);
  const ox1 = new Int32Array(g.kernelW);
  for (let ky = 0; ky < g.kernelH; ky++) {
    const dy = ky * g.dilationH - g.padTop;
    oy0[ky] = dy >= 0 ? 0 : Math.ceil(-dy / g.strideH);
    oy1[ky] = Math.max(0, Math.min(g.outH, Math.ceil((g.inH - dy) / g.strideH)));
  }
  for (let kx = 0; kx < g.kernelW; kx++) {
    const dx = kx * g.dilationW - g.padLeft;
    ox0[kx] = dx >= 0 ? 0 : Math.ceil(-dx / g.strideW);
    ox1[kx] = Math.max(0, Math.min(g.outW, Math.ceil((g.inW - dx) / g.strideW)));
  }
  return { geometry: g, oy0, oy1, ox0, ox1 };
}

function multipliers(reals: Float64Array): { mult: Int32Array; shift: Int32Array; shiftOnly: boolean } {
  const mult = new Int32Array(reals.length);
  const shift = new Int32Array(reals.length);
  let shiftOnly = true;
  reals.forEach((r, i) => {
    const q = quantizeMultiplier(r);
    mult[i] = q.mult;
    shift[i] = q.shift;
    if (q.mult !== 0) shiftOnly = false;
  });
  return { mult, shift, shiftOnly };
}

export function buildProgram(graph: Graph, o: ResolvedQuantOptions, calibration: readonly Float64Array[]): BuiltProgram {
  checkConstants(graph);
  const ref = new F64Engine(foldBatchNorm(graph));
  const plan = ref.plan;
  checkCalibration(plan, calibration);
  const stats = collectStats(ref, plan, calibration, o.calibration !== 'max');
  const bits = o.bits;
  const pot = o.powerOfTwo;
  const tmin = typeMin(bits);
  const tmax = typeMax(bits);
  const steps = plan.steps;

  const readers = plan.values.map(() => [] as number[]);
  steps.forEach((s, i) => s.inputs.forEach((v) => readers[v]!.push(i)));
  /** Layer step → the Relu/Clip step fused into it. */
  const fusedInto = new Map<number, number>();
  const fusedActs = new Set<number>();
  steps.forEach((s, i) => {
    if (s.kind !== 'Dense' && s.kind !== 'Conv') return;
    const r = readers[s.output]!;
    if (s.output === plan.output || r.length !== 1) return;
    const a = steps[r[0]!]!;
    if (a.kind === 'Relu' || a.kind === 'Clip') {
      fusedInto.set(i, r[0]!);
      fusedActs.add(r[0]!);
    }
  });

  const params: (QParams | null)[] = plan.values.map(() => null);
  const accumulatorScales: (Float64Array | null)[] = steps.map(() => null);
  const weightScales: (Float64Array | null)[] = steps.map(() => null);
  let weightBytes = 0;
  const bytesPerCode = bits === 8 ? 1 : 2;

  const prescribed = o.scales === 'model' ? modelActivations(graph, plan, bits) : new Map<number, QParams>();
  if (o.scales === 'model' && graph.quantization === undefined) {
    throw new ModelError('the model has no QDQ quantization parameters (QuantizeLinear/DequantizeLinear); int8-qdq needs a QDQ model');
  }
  const calibrated = (v: number): QParams => {
    const given = prescribed.get(v);
    if (given !== undefined) return given;
    const s: ValueStats = stats[v]!;
    const value = plan.values[v]!;
    const zero = (): never => {
      throw new ModelError(
        `calibration range of "${value.name}" is all zero over ${calibration.length} sample(s); cannot choose a scale`,
        producerOf(plan, v),
      );
    };
    const absMax = Math.max(s.max, -s.min, 0);
    if (!(absMax > 0)) zero();
    if (o.activations === 'symmetric') {
      let T = symmetricThreshold(s, o.calibration, tmax);
      if (!(T > 0)) T = absMax;
      return symmetricParams(T, bits, pot);
    }
    let [lo, hi] = asymmetricRange(s, o.calibration, tmax - tmin);
    if (!(hi > lo)) [lo, hi] = [Math.min(s.min, 0), Math.max(s.max, 0)];
    return asymmetricParams(lo, hi, bits, pot);
  };
  const fixedRange = (lo: number, hi: number): QParams =>
    o.activations === 'symmetric' ? symmetricParams(Math.max(-lo, hi), bits, pot) : asymmetricParams(lo, hi, bits, pot);
  const mq = (real: number): Multiplier => quantizeMultiplier(real);
  const clampOf = (s: Step, p: QParams): [number, number] => {
    if (s.kind === 'Relu') return [quantizeValue(0, p, bits), tmax];
    if (s.kind === 'Clip') return [quantizeValue(s.min, p, bits), quantizeValue(s.max, p, bits)];
    return [tmin, tmax];
  };

  params[plan.input] = calibrated(plan.input);

  const layer = (s: DenseStep | ConvStep, i: number): QStep => {
    const px = params[s.inputs[0]!]!;
    const act = fusedInto.get(i);
    const outValue = act === undefined ? s.output : steps[act]!.output;
    const py = calibrated(outValue);
    params[outValue] = py;
    const [lo, hi] = act === undefined ? [tmin, tmax] : clampOf(steps[act]!, py);
    const channels = s.kind === 'Dense' ? s.outFeatures : s.geometry.outChannels;
    const per = s.weight.length / channels;
    const qw =
      (o.scales === 'model' ? modelWeights(graph, s, channels, bits) : null) ??
      quantizeWeights(s.weight, channels, o.weightGranularity === 'per-channel', bits, o.weightClipping === 'mse', pot);
    const perChannel = qw.scales.length > 1;
    const sw = (c: number): number => qw.scales[perChannel ? c : 0]!;
    weightScales[i] = qw.scales;
    const zx = px.zeroPoint;
    const centeredMax = Math.max(tmax - zx, zx - tmin);
    const biases: bigint[] = [];
    let narrow = bits === 8;
    for (let c = 0; c < channels; c++) {
      let b = s.bias === null ? 0n : roundToBigInt(s.bias[c]! / (px.scale * sw(c)));
      let sumW = 0;
      let sumAbs = 0;
      for (let k = c * per; k < (c + 1) * per; k++) {
        sumW += qw.codes[k]!;
        sumAbs += Math.abs(qw.codes[k]!);
      }
      if (Math.abs(Number(b)) + centeredMax * sumAbs >= 2 ** 31) narrow = false;
      // Dense folds the input zero point into the bias; Conv centers its input instead (padding must read as 0).
      if (s.kind === 'Dense') b -= BigInt(zx) * BigInt(sumW);
      biases.push(b);
    }
    const biasLo = new Int32Array(channels);
    const biasHi = narrow ? null : new Int32Array(channels);
    biases.forEach((b, c) => {
      if (biasHi === null) {
        biasLo[c] = Number(b);
      } else {
        [biasHi[c], biasLo[c]] = splitInt64(b);
      }
    });
    const reals = new Float64Array(perChannel ? channels : 1).map((_, c) => (px.scale * sw(c)) / py.scale);
    const m = multipliers(reals);
    const requant: Requant = { mult: m.mult, shift: m.shift, zeroPoint: py.zeroPoint, lo, hi };
    const storesBias = s.bias !== null || (s.kind === 'Dense' && zx !== 0);
    weightBytes +=
      qw.codes.length * bytesPerCode + (storesBias ? channels * (narrow ? 4 : 8) : 0) + m.mult.length * (m.shiftOnly ? 4 : 8);
    if (act !== undefined) {
      params[s.output] = null;
      accumulatorScales[i] = new Float64Array(channels).map((_, c) => px.scale * sw(c));
    }
    const base = { name: s.node.name, inputs: s.inputs, output: outValue, weight: qw.codes, biasLo, biasHi, requant };
    if (s.kind === 'Dense') {
      return {
        ...base, kind: 'Dense', rows: s.rows, inFeatures: s.inFeatures, outFeatures: s.outFeatures,
        fused: act !== undefined,
      };
    }
    return { ...base, kind: 'Conv', layout: convLayout(s.geometry), inputZero: zx, fused: act !== undefined };
  };

  const qsteps: QStep[] = steps.map((s, i): QStep => {
    const base = { name: s.node.name, inputs: s.inputs, output: s.output };
    const x = s.inputs[0]!;
    const px = params[x]!;
    switch (s.kind) {
      case 'Dense':
      case 'Conv':
        return layer(s, i);
      case 'MaxPool':
        params[s.output] = px;
        return { ...base, kind: 'MaxPool', geometry: s.geometry };
      case 'AveragePool': {
        params[s.output] = px;
        const area = s.geometry.kernelH * s.geometry.kernelW;
        checkPoolSum(area, bits, s);
        return {
          ...base, kind: 'AveragePool', geometry: s.geometry, countIncludePad: s.countIncludePad, zeroPoint: px.zeroPoint,
          divisors: divisorTable(area),
        };
      }
      case 'GlobalAveragePool': {
        params[s.output] = px;
        checkPoolSum(s.spatial, bits, s);
        const [magic, magicShift] = divisionMagic(2 * s.spatial);
        return { ...base, kind: 'GlobalAveragePool', channels: s.channels, spatial: s.spatial, magic, magicShift };
      }
      case 'Relu':
      case 'Clip': {
        if (fusedActs.has(i)) return { ...base, kind: 'Fused' };
        params[s.output] = px;
        const [lo, hi] = clampOf(s, px);
        return { ...base, kind: 'Clamp', size: s.size, lo, hi };
      }
      case 'LeakyRelu': {
        const py = calibrated(s.output);
        params[s.output] = py;
        const pos = mq(px.scale / py.scale);
        const neg = mq((s.alpha * px.scale) / py.scale);
        return {
          ...base, kind: 'LeakyRelu', size: s.size,
          params: {
            zIn: px.zeroPoint, multPos: pos.mult, shiftPos: pos.shift, multNeg: neg.mult, shiftNeg: neg.shift,
            zOut: py.zeroPoint, lo: tmin, hi: tmax,
          },
        };
      }
      case 'Sigmoid':
      case 'Tanh': {
        const py = s.kind === 'Sigmoid' ? fixedRange(0, 1) : fixedRange(-1, 1);
        params[s.output] = py;
        const f = s.kind === 'Sigmoid' ? sigmoid : Math.tanh;
        if (bits === 8) return { ...base, kind: 'Lut8', size: s.size, table: lookupTable8(f, px, py) };
        return { ...base, kind: 'Lut16', size: s.size, table: lookupTable16(f, px, py), lo: tmin, hi: tmax };
      }
      case 'Gelu': {
        // Its output range depends on the input's, so it is calibrated like a layer's; the table does the rest.
        const py = calibrated(s.output);
        params[s.output] = py;
        if (bits === 8) return { ...base, kind: 'Lut8', size: s.size, table: lookupTable8(gelu, px, py) };
        return { ...base, kind: 'Lut16', size: s.size, table: lookupTable16(gelu, px, py), lo: tmin, hi: tmax };
      }
      case 'Softmax': {
        const py = fixedRange(0, 1);
        params[s.output] = py;
        const t = softmaxTable(px, s.cols, bits, s.node);
        const m = mq(2 ** -30 / py.scale);
        return {
          ...base, kind: 'Softmax', rows: s.rows, cols: s.cols,
          params: { table: t.table, k: t.k, mult: m.mult, shift: m.shift, zOut: py.zeroPoint, lo: tmin, hi: tmax },
        };
      }
      case 'Add':
      case 'Mul': {
        const py = calibrated(s.output);
        params[s.output] = py;
        let pb: QParams;
        let constant: QArray | null = null;
        if (s.mode === 'tensor') {
          pb = params[s.inputs[1]!]!;
        } else {
          const qc = quantizeWeights(s.constant!, 1, false, bits, false, pot);
          constant = qc.codes;
          pb = { scale: qc.scales[0]!, zeroPoint: 0 };
          weightScales[i] = qc.scales;
          weightBytes += qc.codes.length * bytesPerCode;
        }
        const [channels, inner, bElementwise] =
          s.mode === 'tensor' || s.mode === 'full' ? [1, s.size, true] : s.mode === 'channel' ? [s.channels, s.inner, false] : [1, s.size, false];
        const common = { ...base, kind: s.kind, channels, inner, bElementwise, constant };
        if (s.kind === 'Add') {
          const L = addLeftShift(bits);
          const twiceMax = 2 * Math.max(px.scale, pb.scale);
          const a = mq(px.scale / twiceMax);
          const b = mq(pb.scale / twiceMax);
          const out = mq(twiceMax / (2 ** L * py.scale));
          return {
            ...common, mul: null,
            add: {
              leftShift: L, zA: px.zeroPoint, multA: a.mult, shiftA: a.shift, zB: pb.zeroPoint, multB: b.mult,
              shiftB: b.shift, multOut: out.mult, shiftOut: out.shift, zOut: py.zeroPoint, lo: tmin, hi: tmax,
            },
          };
        }
        const m = mq((px.scale * pb.scale) / py.scale);
        return {
          ...common, add: null,
          mul: {
            zA: px.zeroPoint, zB: pb.zeroPoint, mult: m.mult, shift: m.shift, zOut: py.zeroPoint, lo: tmin, hi: tmax,
            wide: bits === 16 && (px.zeroPoint !== 0 || pb.zeroPoint !== 0),
          },
        };
      }
      case 'Concat': {
        const py = calibrated(s.output);
        params[s.output] = py;
        let offset = 0;
        const parts: QConcatPart[] = s.inputs.map((v, k) => {
          const p = params[v]!;
          const m = mq(p.scale / py.scale);
          const part = {
            offset, size: s.sizes[k]!, copy: p.scale === py.scale && p.zeroPoint === py.zeroPoint,
            zIn: p.zeroPoint, mult: m.mult, shift: m.shift,
          };
          offset += s.sizes[k]!;
          return part;
        });
        return { ...base, kind: 'Concat', parts, zOut: py.zeroPoint, lo: tmin, hi: tmax };
      }
      case 'Reshape':
        params[s.output] = px;
        return { ...base, kind: 'Copy', size: s.size };
      case 'BatchNormalization':
        throw new ModelError('BatchNormalization left after folding', s.node);
    }
  });

  const materialized = plan.values.map((_, v) => params[v] !== null);
  const program: QProgram = {
    bits, valueSizes: plan.values.map((v) => v.size), materialized, input: plan.input, output: plan.output, steps: qsteps,
  };
  return { program, plan, params, accumulatorScales, weightScales, weightBytes };
}

/**
 * The activation parameters a QDQ model prescribes, by plan value: the recorded scale and zero point of each value
 * quantized per tensor in the model's width (unsigned codes shifted into the engine's signed storage: u − 2^(b−1),
 * which keeps scale·(code − zero point)). A value only reshaped (Reshape/Flatten) or max-pooled into a quantized one
 * takes its parameters, as the two hold the same numbers.
 */
function modelActivations(graph: Graph, plan: Plan, bits: QuantBits): Map<number, QParams> {
  const out = new Map<number, QParams>();
  const q = graph.quantization;
  if (q === undefined) return out;
  const signed = bits === 8 ? 'int8' : 'int16';
  const unsigned = bits === 8 ? 'uint8' : 'uint16';
  const half = bits === 8 ? 128 : 32768;
  plan.values.forEach((v, i) => {
    const t = q.get(v.name);
    if (t === undefined || t.axis >= 0 || (t.type !== signed && t.type !== unsigned)) return;
    out.set(i, { scale: t.scale[0]!, zeroPoint: t.zeroPoint[0]! - (t.type === unsigned ? half : 0) });
  });
  for (let k = plan.steps.length - 1; k >= 0; k--) {
    const s = plan.steps[k]!;
    if ((s.kind === 'Reshape' || s.kind === 'MaxPool') && out.has(s.output) && !out.has(s.inputs[0]!)) {
      out.set(s.inputs[0]!, out.get(s.output)!);
    }
  }
  return out;
}

/**
 * The weight codes a QDQ model stores for a Dense or Conv step, recovered exactly from the dequantized weights: per
 * tensor, or per output channel (axis 0 of a Gemm or Conv weight, axis 1 of a MatMul one), symmetric (zero point 0),
 * in the engine's width. Null when the model does not quantize this weight that way (the caller then quantizes it).
 */
function modelWeights(graph: Graph, s: DenseStep | ConvStep, channels: number, bits: QuantBits): QuantizedWeights | null {
  const t = graph.quantization?.get(s.weightName);
  if (t === undefined || t.type !== (bits === 8 ? 'int8' : 'int16') || t.zeroPoint.some((z) => z !== 0)) return null;
  const outAxis = s.node.op === 'MatMul' ? 1 : 0;
  if (t.scale.length !== 1 && (t.scale.length !== channels || t.axis !== outAxis)) return null;
  const per = s.weight.length / channels;
  const codes = bits === 8 ? new Int8Array(s.weight.length) : new Int16Array(s.weight.length);
  const lo = typeMin(bits);
  const hi = typeMax(bits);
  for (let i = 0; i < codes.length; i++) {
    const scale = t.scale[t.scale.length === 1 ? 0 : Math.floor(i / per)]!;
    const r = s.weight[i]! / scale;
    const code = Math.round(r);
    // The stored weight is binary32 of code·scale, so r lies within a few 2^-24 of the code.
    if (Math.abs(r - code) > 1e-3 || code < lo || code > hi) return null;
    codes[i] = code;
  }
  return { codes, scales: Float64Array.from(t.scale) };
}

/** The pools sum codes in int32 before dividing: (2·2^(b−1) + 1)·n must stay below 2^31. */
function checkPoolSum(n: number, bits: QuantBits, s: Step): void {
  const half = bits === 8 ? 128 : 32768;
  if ((2 * half + 1) * n >= 2 ** 31) {
    throw new ModelError(`a window of ${n} elements is too large for the int${bits} pooling sum`, s.node);
  }
}
