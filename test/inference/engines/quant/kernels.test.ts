/**
 * Every quantized kernel against a float reference of the same quantized arithmetic: after a run, each node's input
 * codes are dequantized, the node is computed in double by the float64 reference kernels with the engine's own
 * dequantized constants (weights s_w·q, biases s_x·s_w·round(b / (s_x·s_w)), Add/Mul constants), and the result,
 * quantized with the node's output scale and zero point, must match the engine's output codes within one code
 * (exactly for MaxPool, clamps, copies and int8 lookup tables; within the interpolation bound for int16 tables).
 * Every scheme (int8/int16, symmetric/asymmetric, per-tensor/per-channel, power-of-two) runs every operator.
 */
import { describe, expect, it } from 'vitest';
import * as K from '../../../../src/inference/engines/f64/kernels.js';
import { QuantEngine } from '../../../../src/inference/engines/quant/prepare/engine.js';
import type { QuantOptions } from '../../../../src/inference/engines/quant/prepare/options.js';
import type { QParams } from '../../../../src/inference/engines/quant/prepare/scales.js';
import type { QArray } from '../../../../src/inference/engines/quant/run/dense.js';
import type { Graph } from '../../../../src/inference/model/graph.js';
import type { Step } from '../../../../src/inference/model/plan.js';
import { graph, node, noise, tensor } from '../../model/graphs.js';

const SCHEMES: readonly QuantOptions[] = [
  { bits: 8 },
  { bits: 8, weightGranularity: 'per-channel', activations: 'asymmetric' },
  { bits: 8, powerOfTwo: true },
  { bits: 8, powerOfTwo: true, activations: 'asymmetric', weightGranularity: 'per-channel' },
  { bits: 8, calibration: 'kl', weightClipping: 'mse' },
  { bits: 16 },
  { bits: 16, weightGranularity: 'per-channel', activations: 'asymmetric' },
  { bits: 16, powerOfTwo: true, calibration: 'mse' },
];

function roundAway(v: number): number {
  return v < 0 ? -Math.round(-v) : Math.round(v);
}

function quantize(v: number, p: QParams, bits: 8 | 16): number {
  const lo = bits === 8 ? -128 : -32768;
  const hi = bits === 8 ? 127 : 32767;
  const q = roundAway(v / p.scale) + p.zeroPoint;
  return q < lo ? lo : q > hi ? hi : q;
}

function dequantize(codes: ArrayLike<number>, p: QParams): Float64Array {
  return Float64Array.from(codes, (q) => p.scale * (q - p.zeroPoint));
}

function samples(n: number, size: number, seed: number, scale = 1, offset = 0): Float64Array[] {
  const r = noise(seed);
  return Array.from({ length: n }, () => Float64Array.from({ length: size }, () => r(0) * scale + offset));
}

/** The node's constants as the engine holds them, dequantized. */
function layerConstants(e: QuantEngine, i: number, s: Step): { w: Float64Array; b: Float64Array | null } {
  const q = e.core.program.steps[i]!;
  if ((q.kind !== 'Dense' && q.kind !== 'Conv') || (s.kind !== 'Dense' && s.kind !== 'Conv')) throw new Error('not a layer');
  const scales = e.weightScales[i]!;
  const channels = s.kind === 'Dense' ? s.outFeatures : s.geometry.outChannels;
  const per = q.weight.length / channels;
  const sx = e.params[s.inputs[0]!]!.scale;
  const sw = (c: number): number => scales[scales.length === 1 ? 0 : c]!;
  const w = Float64Array.from(q.weight, (v, k) => v * sw(Math.floor(k / per)));
  const b = s.bias === null ? null : Float64Array.from(s.bias, (v, c) => sx * sw(c) * roundAway(v / (sx * sw(c))));
  return { w, b };
}

interface Check {
  node: string;
  maxDiff: number;
  tol: number;
}

/** Run `x`, then compare every node with its float reference. */
function checkNodes(e: QuantEngine, x: Float64Array, bits: 8 | 16): Check[] {
  e.run(x);
  const plan = e.plan;
  const prog = e.core.program;
  const real = (v: number): Float64Array => dequantize(e.core.values[v]!, e.params[v]!);
  const checks: Check[] = [];
  plan.steps.forEach((s, i) => {
    const q = prog.steps[i]!;
    if (q.kind === 'Fused') return;
    const out = q.output;
    const outParams = e.params[out]!;
    const y = new Float64Array(plan.values[s.output]!.size);
    let tol = 1;
    const xin = real(s.inputs[0]!);
    switch (s.kind) {
      case 'Dense': {
        const { w, b } = layerConstants(e, i, s);
        K.dense(xin, w, b, y, s.rows, s.inFeatures, s.outFeatures);
        break;
      }
      case 'Conv': {
        const { w, b } = layerConstants(e, i, s);
        K.conv2d(xin, w, b, y, s.geometry);
        break;
      }
      case 'MaxPool':
        K.maxPool(xin, y, s.geometry);
        tol = 0;
        break;
      case 'AveragePool':
        K.averagePool(xin, y, s.geometry, s.countIncludePad);
        break;
      case 'GlobalAveragePool':
        K.globalAveragePool(xin, y, s.channels, s.spatial);
        break;
      case 'Relu':
        K.relu(xin, y, s.size);
        tol = 0;
        break;
      case 'Clip':
        K.clip(xin, y, s.size, s.min, s.max);
        // The bounds are rounded to the code grid: a value between a bound and its code may land one code off.
        tol = 1;
        break;
      case 'LeakyRelu':
        K.leakyRelu(xin, y, s.size, s.alpha);
        break;
      case 'Sigmoid':
      case 'Tanh': {
        if (s.kind === 'Sigmoid') K.sigmoid(xin, y, s.size);
        else K.tanh(xin, y, s.size);
        if (bits === 8) {
          tol = 0;
        } else {
          // Linear interpolation over 128 input codes: error <= h²/8·max|f''| with h = 128·sx.
          const h = 128 * e.params[s.inputs[0]!]!.scale;
          const f2 = s.kind === 'Sigmoid' ? 0.0963 : 0.7699;
          tol = 1 + Math.ceil((h * h * f2) / 8 / outParams.scale);
        }
        break;
      }
      case 'Softmax':
        K.softmax(xin, y, s.rows, s.cols);
        break;
      case 'Add':
      case 'Mul': {
        const mul = s.kind === 'Mul';
        if (s.mode === 'tensor') {
          K.binaryTensor(xin, real(s.inputs[1]!), y, s.size, mul);
        } else {
          const qc = (q.kind === 'Add' || q.kind === 'Mul') && q.constant !== null ? q.constant : null;
          const k = Float64Array.from(qc!, (v) => v * e.weightScales[i]![0]!);
          if (s.mode === 'full') K.binaryTensor(xin, k, y, s.size, mul);
          else if (s.mode === 'channel') K.binaryChannel(xin, k, y, s.channels, s.inner, mul);
          else K.binaryChannel(xin, k, y, 1, s.size, mul);
        }
        break;
      }
      case 'Concat': {
        let at = 0;
        s.inputs.forEach((v) => {
          const part = real(v);
          y.set(part, at);
          at += part.length;
        });
        break;
      }
      case 'Reshape':
        y.set(xin);
        tol = 0;
        break;
      case 'BatchNormalization':
        throw new Error('unfolded');
    }
    // A fused layer: the activation applied in double after the layer.
    if ((q.kind === 'Dense' || q.kind === 'Conv') && q.fused) {
      const act = plan.steps.find((a) => a.inputs[0] === s.output)!;
      if (act.kind === 'Relu') K.relu(y, y, y.length);
      else if (act.kind === 'Clip') K.clip(y, y, y.length, act.min, act.max);
    }
    const codes: QArray = e.core.values[out]!;
    let maxDiff = 0;
    for (let k = 0; k < y.length; k++) maxDiff = Math.max(maxDiff, Math.abs(codes[k]! - quantize(y[k]!, outParams, bits)));
    checks.push({ node: s.node.name, maxDiff, tol });
  });
  return checks;
}

function expectNodes(g: Graph, options: QuantOptions, calib: Float64Array[], inputs: Float64Array[]): QuantEngine {
  const e = new QuantEngine(g, options, calib);
  for (const x of inputs) {
    for (const c of checkNodes(e, x, options.bits)) {
      expect(c.maxDiff, `${e.name} node ${c.node}: off by ${c.maxDiff} codes (tolerance ${c.tol})`).toBeLessThanOrEqual(c.tol);
    }
  }
  return e;
}

// ---------------------------------------------------------------------------------------------------------------
// Graphs

const r = noise(11);
/** Gemm, MatMul with a [1, out] bias, fused Relu and Clip, LeakyRelu, Sigmoid, Tanh, Softmax. */
const denseGraph = graph(
  ['x', [1, 48]],
  [
    node('fc1', 'Gemm', ['x', 'W1', 'b1']),
    node('r1', 'Relu', ['fc1']),
    node('fc2', 'MatMul', ['r1', 'W2', 'b2']),
    node('c2', 'Clip', ['fc2'], { min: -0.5, max: 0.7 }),
    node('fc3', 'Gemm', ['c2', 'W3']),
    node('lk', 'LeakyRelu', ['fc3'], { alpha: 0.2 }),
    node('sg', 'Sigmoid', ['lk']),
    node('fc4', 'Gemm', ['sg', 'W4', 'b4']),
    node('th', 'Tanh', ['fc4']),
    node('fc5', 'Gemm', ['th', 'W5', 'b5']),
    node('sm', 'Softmax', ['fc5']),
  ],
  [
    tensor('W1', [24, 48], (i) => r(i) * 0.3),
    tensor('b1', [24], (i) => r(i) * 0.2),
    tensor('W2', [24, 16], (i) => r(i) * 0.4),
    tensor('b2', [1, 16], (i) => r(i) * 0.1),
    tensor('W3', [12, 16], (i) => r(i) * 0.5),
    tensor('W4', [8, 12], (i) => r(i) * 3),
    tensor('b4', [8], (i) => r(i)),
    tensor('W5', [10, 8], (i) => r(i) * 2),
    tensor('b5', [10], (i) => r(i)),
  ],
);

/** Conv (padding, stride, asymmetric pads, groups, depthwise, dilation), fused Relu, pools, Flatten, Gemm. */
const convGraph = graph(
  ['x', [1, 2, 9, 9]],
  [
    node('cv1', 'Conv', ['x', 'C1', 'cb1'], { pads: [1, 1, 1, 1] }),
    node('r1', 'Relu', ['cv1']),
    node('cv2', 'Conv', ['r1', 'C2', 'cb2'], { strides: [2, 2], pads: [1, 0, 0, 1], group: 2 }),
    node('dw', 'Conv', ['cv2', 'C3'], { group: 4, pads: [2, 2, 2, 2], dilations: [2, 2] }),
    node('mp', 'MaxPool', ['dw'], { kernel: [2, 2], strides: [1, 1], pads: [1, 1, 0, 0] }),
    node('ap', 'AveragePool', ['mp'], { kernel: [3, 3], strides: [2, 2], pads: [1, 1, 1, 1] }),
    node('ap2', 'AveragePool', ['mp'], { kernel: [2, 2], pads: [0, 0, 1, 1], countIncludePad: true }),
    node('gap', 'GlobalAveragePool', ['ap2']),
    node('fl', 'Flatten', ['gap']),
    node('fc', 'Gemm', ['fl', 'F', 'fb']),
  ],
  [
    tensor('C1', [4, 2, 3, 3], (i) => r(i) * 0.5),
    tensor('cb1', [4], (i) => r(i) * 0.1),
    tensor('C2', [4, 2, 3, 3], (i) => r(i) * 0.5),
    tensor('cb2', [4], (i) => r(i) * 0.1),
    tensor('C3', [4, 1, 2, 2], (i) => r(i)),
    tensor('F', [3, 4], (i) => r(i)),
    tensor('fb', [3], (i) => r(i) * 0.1),
  ],
);

/** Add/Mul of two tensors and with constants (per channel, scalar, full), an unfused Relu, Concat, Reshape. */
const binaryGraph = graph(
  ['x', [1, 4, 3, 3]],
  [
    node('a', 'Conv', ['x', 'A']),
    node('b', 'Conv', ['x', 'B']),
    node('add', 'Add', ['a', 'b']),
    node('mul', 'Mul', ['add', 'a']),
    node('addc', 'Add', ['mul', 'kc']),
    node('ru', 'Relu', ['addc']),
    node('mulc', 'Mul', ['ks', 'ru']),
    node('addf', 'Add', ['mulc', 'kf']),
    node('cat', 'Concat', ['addf', 'a', 'b', 'addf'], { axis: 1 }),
    node('rs', 'Reshape', ['cat'], { shape: [1, 16, 9] }),
  ],
  [
    tensor('A', [4, 4, 1, 1], (i) => r(i)),
    tensor('B', [4, 4, 1, 1], (i) => r(i) * 5),
    tensor('kc', [4, 1, 1], (i) => r(i) * 2),
    tensor('ks', [], [1.7]),
    tensor('kf', [1, 4, 3, 3], (i) => r(i)),
  ],
);

describe.each(SCHEMES.map((o) => [JSON.stringify(o), o] as const))('kernels, %s', (_, options) => {
  it('Gemm, MatMul, fused Relu/Clip, LeakyRelu, Sigmoid, Tanh, Softmax', () => {
    const e = expectNodes(denseGraph, options, samples(32, 48, 1), samples(4, 48, 2));
    const kinds = e.core.program.steps.map((s) => s.kind);
    expect(kinds.slice(0, 4)).toEqual(['Dense', 'Fused', 'Dense', 'Fused']);
    expect(kinds).toContain(options.bits === 8 ? 'Lut8' : 'Lut16');
  });
  it('Conv (pads, strides, groups, depthwise, dilation), fused Relu, MaxPool, AveragePool, GlobalAveragePool', () => {
    expectNodes(convGraph, options, samples(16, 162, 3), samples(3, 162, 4));
  });
  it('Add, Mul (tensor, per-channel, scalar, full constant), Relu, Concat, Reshape', () => {
    expectNodes(binaryGraph, options, samples(16, 36, 5), samples(4, 36, 6));
  });
});

describe('accumulators and saturation', () => {
  it('a fused layer traces its exact accumulators (narrow int8 and wide int16)', () => {
    for (const bits of [8, 16] as const) {
      const e = new QuantEngine(denseGraph, { bits }, samples(8, 48, 7));
      const x = samples(1, 48, 8)[0]!;
      const t = e.trace(x);
      const xq = dequantize(e.core.input, e.params[0]!);
      const s = e.plan.steps[0]!;
      const { w, b } = layerConstants(e, 0, s);
      const y = new Float64Array(24);
      if (s.kind !== 'Dense') throw new Error('layout');
      K.dense(xq, w, b, y, 1, 48, 24);
      const acc = t.get('fc1')!;
      y.forEach((v, k) => expect(Math.abs(acc[k]! - v)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(v))));
      expect(e.core.program.steps[0]!.kind === 'Dense' && (e.core.program.steps[0]!.biasHi === null) === (bits === 8)).toBe(true);
      // The Relu node reports the clamped codes of the same requantization.
      expect(Math.min(...t.get('r1')!)).toBeGreaterThanOrEqual(0);
    }
  });
  it('an int8 layer whose bias exceeds the int32 bound takes the exact 64-bit kernel', () => {
    const g = graph(['x', [1, 8]], [node('fc', 'Gemm', ['x', 'W', 'b'])], [
      tensor('W', [2, 8], (i) => (i % 3 === 0 ? 1e-3 : -2e-3)),
      tensor('b', [2], [5e3, -3e3]),
    ]);
    const e = expectNodes(g, { bits: 8 }, samples(4, 8, 9, 1), samples(3, 8, 10, 1));
    const step = e.core.program.steps[0]!;
    expect(step.kind === 'Dense' && step.biasHi !== null).toBe(true);
    const y = e.run(samples(1, 8, 11)[0]!);
    expect(Math.abs(y[0]! - 5e3)).toBeLessThan(50);
    expect(Math.abs(y[1]! + 3e3)).toBeLessThan(50);
  });
  it('inputs beyond the calibrated range saturate to the end codes, and outputs clamp', () => {
    const g = graph(['x', [1, 4]], [node('fc', 'Gemm', ['x', 'W'])], [tensor('W', [2, 4], [1, 1, 1, 1, -1, -1, -1, -1])]);
    for (const options of [{ bits: 8 }, { bits: 16, activations: 'asymmetric' }] as const) {
      const e = new QuantEngine(g, options, [Float64Array.from([0.5, -0.5, 0.25, 1])]);
      const y = e.run(Float64Array.from([100, 100, 100, 100]));
      const top = options.bits === 8 ? 127 : 32767;
      expect(Math.max(...e.core.input)).toBe(top);
      expect(Math.max(...e.core.output)).toBe(top);
      expect(Math.min(...e.core.output)).toBe(options.bits === 8 ? (options.activations ? -128 : -128) : -32768);
      expect(y[0]!).toBeGreaterThan(0);
      const rt = e.run(Float64Array.from([Number.NaN, 0, 0, 0]));
      expect(Number.isFinite(rt[0]!)).toBe(true);
    }
  });
  it('pools round the mean of codes to nearest, ties away from zero, exactly', () => {
    const g = graph(['x', [1, 1, 4, 4]], [node('ap', 'AveragePool', ['x'], { kernel: [2, 2], strides: [2, 2] })]);
    const e = new QuantEngine(g, { bits: 8 }, [Float64Array.from({ length: 16 }, (_, i) => (i - 8) / 8)]);
    const codes = [1, 2, 0, 0, 0, -1, 0, 0, -1, -2, 0, 0, 0, 1, 3, 3];
    const s = e.params[0]!.scale;
    e.run(Float64Array.from(codes, (c) => c * s));
    // window sums 2, 0, −2, 6 over 4 taps: 0.5 → 1, 0 → 0, −0.5 → −1, 1.5 → 2
    expect(Array.from(e.core.output)).toEqual([1, 0, -1, 2]);
  });
  it('runs allocate nothing in the core and give the same answer twice', () => {
    const e = new QuantEngine(convGraph, { bits: 8 }, samples(4, 162, 12));
    const x = samples(1, 162, 13)[0]!;
    const a = e.run(x);
    const b = e.run(x);
    expect(Array.from(b)).toEqual(Array.from(a));
    expect(e.trace(x).get('fc')).toEqual(a);
  });
});
