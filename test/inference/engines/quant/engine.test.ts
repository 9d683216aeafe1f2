/**
 * The quantized engines as a whole: names and presets, weightBytes, the errors, outlier-heavy weights and
 * activations (where per-tensor max-abs collapses and per-channel / clipped schemes recover), and accuracy on the
 * bundled MNIST models when they are present (int8 per-channel within one point of float64 on the test split).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createF64Engine } from '../../../../src/inference/engines/f64/engine.js';
import { QUANT_PRESETS, createQuantEngine, quantEngineName } from '../../../../src/inference/engines/quant/index.js';
import { QuantEngine } from '../../../../src/inference/engines/quant/prepare/engine.js';
import type { QuantOptions } from '../../../../src/inference/engines/quant/prepare/options.js';
import { ModelError } from '../../../../src/inference/model/errors.js';
import type { Engine, Graph, GraphNode, Tensor } from '../../../../src/inference/model/graph.js';
import { loadModel } from '../../../../src/inference/model/modelFile.js';
import { getMnistSplit, mnistImage } from '../../../../src/tools/data/mnist.js';
import { graph, node, noise, tensor } from '../../model/graphs.js';

function uniform(n: number, size: number, seed: number, lo = 0, hi = 1): Float64Array[] {
  const r = noise(seed);
  return Array.from({ length: n }, () => Float64Array.from({ length: size }, () => lo + ((r(0) + 1) / 2) * (hi - lo)));
}

function mlp(inF: number, hidden: number[], outF: number, bias: boolean, seed: number): Graph {
  const r = noise(seed);
  const nodes: GraphNode[] = [];
  const inits: Tensor[] = [];
  let prev = 'x';
  let width = inF;
  [...hidden, outF].forEach((h, i) => {
    const last = i === hidden.length;
    inits.push(tensor(`W${i}`, [h, width], () => r(0) / Math.sqrt(width)));
    if (bias) inits.push(tensor(`b${i}`, [h], () => r(0) * 0.1));
    nodes.push(node(`fc${i}`, 'Gemm', [prev, `W${i}`, ...(bias ? [`b${i}`] : [])]));
    prev = `fc${i}`;
    if (!last) {
      nodes.push(node(`relu${i}`, 'Relu', [prev]));
      prev = `relu${i}`;
    }
    width = h;
  });
  return graph(['x', [1, inF]], nodes, inits);
}

describe('names and presets', () => {
  it('derives stable names from the options', () => {
    expect(quantEngineName({ bits: 8 })).toBe('int8-maxabs-pertensor');
    expect(quantEngineName({ bits: 8, powerOfTwo: true })).toBe('int8-maxabs-pertensor-pot');
    expect(quantEngineName({ bits: 8, weightGranularity: 'per-channel', calibration: 'mse' })).toBe('int8-maxabs-perchannel-mse');
    expect(
      quantEngineName({ bits: 8, weightGranularity: 'per-channel', calibration: 'kl', activations: 'asymmetric' }),
    ).toBe('int8-maxabs-perchannel-kl-asym');
    expect(quantEngineName({ bits: 16, weightGranularity: 'per-channel', weightClipping: 'mse', calibration: 'percentile' })).toBe(
      'int16-wmse-perchannel-pct',
    );
  });
  it('presets: eight int8 and two int16 configurations with unique names matching their options', () => {
    const names = QUANT_PRESETS.map((p) => p.name);
    expect(names).toEqual([
      'int8-maxabs-pertensor',
      'int8-maxabs-pertensor-pot',
      'int8-maxabs-perchannel',
      'int8-maxabs-perchannel-pct',
      'int8-maxabs-perchannel-mse',
      'int8-maxabs-perchannel-kl-asym',
      'int8-wmse-pertensor',
      'int8-wmse-perchannel-mse-asym',
      'int16-maxabs-pertensor',
      'int16-maxabs-perchannel',
    ]);
    expect(new Set(names).size).toBe(names.length);
    const g = mlp(6, [5], 3, true, 1);
    for (const p of QUANT_PRESETS) {
      expect(p.name).toBe(quantEngineName(p.options));
      expect(createQuantEngine(g, p.options, uniform(4, 6, 2)).name).toBe(p.name);
    }
  });
  it('rejects unknown options', () => {
    const g = mlp(4, [], 2, true, 1);
    const bad = [{ bits: 4 }, { bits: 8, calibration: 'entropy' }, { bits: 8, weightGranularity: 'per-row' }, { bits: 8, powerOfTwo: 1 }];
    for (const o of bad) expect(() => createQuantEngine(g, o as unknown as QuantOptions, uniform(1, 4, 1))).toThrow(RangeError);
  });
});

describe('weightBytes', () => {
  const g = mlp(784, [128, 64], 10, true, 3);
  const calib = uniform(4, 784, 4);
  const weights = 784 * 128 + 128 * 64 + 64 * 10;
  const channels = 128 + 64 + 10;
  it('counts weight codes, int32 biases and multipliers/shifts', () => {
    expect(createQuantEngine(g, { bits: 8 }, calib).weightBytes).toBe(weights + 4 * channels + 3 * 8);
    expect(createQuantEngine(g, { bits: 8, weightGranularity: 'per-channel' }, calib).weightBytes).toBe(weights + 4 * channels + 8 * channels);
    // Power-of-two scales store shifts only.
    expect(createQuantEngine(g, { bits: 8, powerOfTwo: true }, calib).weightBytes).toBe(weights + 4 * channels + 3 * 4);
    // int16: 2-byte weights, 64-bit biases.
    expect(createQuantEngine(g, { bits: 16 }, calib).weightBytes).toBe(2 * weights + 8 * channels + 3 * 8);
  });
  it('stores a bias for a bias-free layer only when an input zero point is folded into it', () => {
    const nb = mlp(16, [8], 4, false, 5);
    const c = uniform(4, 16, 6);
    expect(createQuantEngine(nb, { bits: 8 }, c).weightBytes).toBe(16 * 8 + 8 * 4 + 2 * 8);
    // Both layers read inputs with a nonzero zero point (the inputs, then the Relu output's −128).
    expect(createQuantEngine(nb, { bits: 8, activations: 'asymmetric' }, c).weightBytes).toBe(16 * 8 + 8 * 4 + 2 * 8 + 4 * (8 + 4));
  });
});

describe('errors', () => {
  const calib = uniform(2, 4, 7);
  const layer = (w: number[], b: number[] = [0, 0]): Graph =>
    graph(['x', [1, 4]], [node('fc', 'Gemm', ['x', 'W', 'b']), node('act', 'Relu', ['fc'])], [tensor('W', [2, 4], w), tensor('b', [2], b)]);
  const message = (f: () => unknown): string => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(ModelError);
      return (e as Error).message;
    }
    throw new Error('no error');
  };
  it('NaN or infinite weights name the node', () => {
    const m = message(() => createQuantEngine(layer([1, 2, Number.NaN, 4, 5, 6, 7, 8]), { bits: 8 }, calib));
    expect(m).toContain('node "fc" (Gemm)');
    expect(m).toContain('initializer "W" holds NaN at element 2');
    const m2 = message(() => createQuantEngine(layer([1, 2, 3, 4, 5, 6, 7, 8], [0, -Infinity]), { bits: 16 }, calib));
    expect(m2).toContain('node "fc" (Gemm)');
    expect(m2).toContain('-Infinity');
  });
  it('an all-zero calibration range names the node', () => {
    // Every output of fc is negative on [0, 1] inputs, so the Relu output is all zero.
    const m = message(() => createQuantEngine(layer([-1, -1, -1, -1, -2, -2, -2, -2], [-0.1, -0.1]), { bits: 8 }, calib));
    expect(m).toContain('node "act" (Relu)');
    expect(m).toContain('calibration range of "act" is all zero over 2 sample(s)');
    const m2 = message(() => createQuantEngine(layer([1, 1, 1, 1, 1, 1, 1, 1]), { bits: 8 }, [new Float64Array(4)]));
    expect(m2).toContain('calibration range of "x" is all zero');
  });
  it('missing or malformed calibration samples', () => {
    const g = layer([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(message(() => createQuantEngine(g, { bits: 8 }, []))).toContain('at least one calibration sample');
    expect(message(() => createQuantEngine(g, { bits: 8 }, [new Float64Array(3)]))).toContain('calibration sample 0 must be');
    const e = createQuantEngine(g, { bits: 8 }, calib);
    expect(message(() => e.run(new Float64Array(5)))).toContain('needs 4 values');
  });
});

/** Relative RMS error of `e` against float64 over `inputs`, on the outputs `from` … end. */
function relativeError(e: Engine, ref: Engine, inputs: Float64Array[], from = 0): number {
  let num = 0;
  let den = 0;
  for (const x of inputs) {
    const a = e.run(x);
    const b = ref.run(x);
    for (let k = from; k < b.length; k++) {
      num += (a[k]! - b[k]!) ** 2;
      den += b[k]! ** 2;
    }
  }
  return Math.sqrt(num / den);
}

describe('outliers', () => {
  const IN = 256;
  const OUT = 64;
  const r = noise(21);
  // Weights uniform in ±0.1, except one weight of ±6 in each of the first four output channels.
  const W = tensor('W', [OUT, IN], (i) => {
    const o = Math.floor(i / IN);
    return o < 4 && i % IN === o ? (o % 2 ? -6 : 6) : r(0) * 0.1;
  });
  const g = graph(['x', [1, IN]], [node('fc', 'Gemm', ['x', 'W'])], [W]);
  const ref = createF64Engine(g);
  const calib = uniform(32, IN, 1);
  const test = uniform(16, IN, 2);
  const run = (o: QuantOptions): { small: number; error: number; weightError: number; e: QuantEngine } => {
    const e = new QuantEngine(g, o, calib);
    const step = e.core.program.steps[0]!;
    if (step.kind !== 'Dense') throw new Error('layout');
    let small = 0;
    for (let i = 4 * IN; i < step.weight.length; i++) if (Math.abs(step.weight[i]!) <= 2) small++;
    const scales = e.weightScales[0]!;
    let we = 0;
    for (let i = 0; i < step.weight.length; i++) {
      const s = scales[scales.length === 1 ? 0 : Math.floor(i / IN)]!;
      we += (step.weight[i]! * s - W.data[i]!) ** 2;
    }
    return { small: small / (step.weight.length - 4 * IN), error: relativeError(e, ref, test, 4), weightError: we, e };
  };
  it('per-tensor max-abs collapses: the ordinary weights sit on |q| <= 2, the outputs are off by ~20%', () => {
    const classic = run({ bits: 8 });
    expect(classic.small).toBeGreaterThan(0.95);
    expect(classic.error).toBeGreaterThan(0.15);
  });
  it('per-channel scales recover, with max-abs and with MSE clipping', () => {
    for (const o of [{ bits: 8, weightGranularity: 'per-channel' }, { bits: 8, weightGranularity: 'per-channel', weightClipping: 'mse' }] as const) {
      const pc = run(o);
      expect(pc.small, pc.e.name).toBeLessThan(0.05);
      expect(pc.error, pc.e.name).toBeLessThan(0.04);
    }
  });
  it('per-tensor MSE clipping never does worse on the weights than max-abs (but cannot clip a few large outliers at 8 bits)', () => {
    expect(run({ bits: 8, weightClipping: 'mse' }).weightError).toBeLessThanOrEqual(run({ bits: 8 }).weightError);
  });
  it('clipped weights: on a heavy-tailed (Laplace) layer MSE clipping lowers the weight error', () => {
    const q = noise(5);
    const L = tensor('L', [32, 512], () => (q(0) < 0 ? -1 : 1) * -Math.log(((q(0) + 1) / 2) * 0.999999 + 1e-7) * 0.03);
    const lg = graph(['x', [1, 512]], [node('fc', 'Gemm', ['x', 'L'])], [L]);
    const err = (o: QuantOptions): number => {
      const e = new QuantEngine(lg, o, uniform(4, 512, 3));
      const step = e.core.program.steps[0]!;
      if (step.kind !== 'Dense') throw new Error('layout');
      const s = e.weightScales[0]![0]!;
      let sum = 0;
      step.weight.forEach((v, i) => {
        sum += (v * s - L.data[i]!) ** 2;
      });
      return sum;
    };
    expect(err({ bits: 8, weightClipping: 'mse' })).toBeLessThan(0.97 * err({ bits: 8 }));
  });
  it('activation outliers: max calibration loses resolution on one spike, percentile and KL calibration recover', () => {
    const r2 = noise(9);
    const W2 = tensor('W2', [16, 64], () => r2(0) * 0.2);
    const g2 = graph(['x', [1, 64]], [node('fc', 'Gemm', ['x', 'W2'])], [W2]);
    const ref2 = createF64Engine(g2);
    // 16384 calibration values in [0, 1] and one at 6: under 0.01% of them, and the bulk still fills more than the
    // 256 histogram bins KL needs for a one-sided range. (MSE keeps the spike: clipping it costs more than the
    // rounding noise it saves.)
    const cal = uniform(256, 64, 10);
    cal[7]![3] = 6;
    const inputs = uniform(16, 64, 11);
    const errorOf = (o: QuantOptions): number => relativeError(createQuantEngine(g2, o, cal), ref2, inputs);
    const max = errorOf({ bits: 8 });
    expect(max).toBeGreaterThan(0.015);
    for (const calibration of ['percentile', 'kl'] as const) {
      for (const activations of ['symmetric', 'asymmetric'] as const) {
        expect(errorOf({ bits: 8, calibration, activations }), `${calibration} ${activations}`).toBeLessThan(max / 2);
      }
    }
  });
});

describe('calibration thresholds', () => {
  // The graph input is calibrated straight from the samples, so its scale shows each method's threshold.
  const g = graph(['x', [1, 1000]], [node('r', 'Relu', ['x'])]);
  const r = noise(13);
  // 200 000 values: exponential (mean 1) with random signs, and one outlier at 15.
  const draw = (): number => (r(0) < 0 ? -1 : 1) * -Math.log(((r(0) + 1) / 2) * 0.999999 + 1e-7);
  const cal = Array.from({ length: 200 }, () => Float64Array.from({ length: 1000 }, draw));
  cal[0]![0] = 15;
  const T = (o: QuantOptions): number => new QuantEngine(g, o, cal).params[0]!.scale * 127;
  it('max keeps the outlier; percentile, MSE and KL clip into the tail', () => {
    expect(T({ bits: 8 })).toBeCloseTo(15, 6);
    // 99.99% of |x| lies below ln(10^4) ≈ 9.2
    const pct = T({ bits: 8, calibration: 'percentile' });
    expect(pct).toBeGreaterThan(8);
    expect(pct).toBeLessThan(10.5);
    // The modelled error n·T²/(12·127²) + Σ(|x| − T)² over the clipped values is least near T ≈ 10.4 (the
    // derivative 4.07·T − 30 − 4·10^5·e^−T vanishes there).
    const mse = T({ bits: 8, calibration: 'mse' });
    expect(mse).toBeGreaterThan(9.5);
    expect(mse).toBeLessThan(11.5);
    const kl = T({ bits: 8, calibration: 'kl' });
    expect(kl).toBeGreaterThan(3);
    expect(kl).toBeLessThan(13);
    // int16 has more levels than the histogram has bins: KL is max calibration.
    expect(new QuantEngine(g, { bits: 16, calibration: 'kl' }, cal).params[0]!.scale * 32767).toBeCloseTo(15, 6);
  });
  it('asymmetric ranges are clipped per side, and zero is always a code', () => {
    for (const calibration of ['max', 'percentile', 'mse', 'kl'] as const) {
      const p = new QuantEngine(g, { bits: 8, calibration, activations: 'asymmetric' }, cal).params[0]!;
      expect(Number.isInteger(p.zeroPoint)).toBe(true);
      expect(p.zeroPoint).toBeGreaterThanOrEqual(-128);
      expect(p.zeroPoint).toBeLessThanOrEqual(127);
      const hi = p.scale * (127 - p.zeroPoint);
      const lo = p.scale * (-128 - p.zeroPoint);
      expect(lo, calibration).toBeLessThan(-3);
      // Rounding the zero point to a code may move the range by up to half a step.
      if (calibration === 'max') expect(hi).toBeGreaterThanOrEqual(15 - p.scale / 2);
      else expect(hi, calibration).toBeLessThan(13);
    }
  });
  it('power-of-two scales', () => {
    for (const activations of ['symmetric', 'asymmetric'] as const) {
      const e = new QuantEngine(mlp(8, [6], 3, true, 3), { bits: 8, powerOfTwo: true, activations }, uniform(8, 8, 4));
      for (const p of e.params) if (p !== null) expect(Number.isInteger(Math.log2(p.scale))).toBe(true);
      for (const s of e.weightScales) if (s !== null) for (const v of s) expect(Number.isInteger(Math.log2(v))).toBe(true);
      // Every layer requantizes by a shift alone.
      for (const s of e.core.program.steps) if (s.kind === 'Dense') expect(Array.from(s.requant.mult).every((m) => m === 0)).toBe(true);
    }
  });
});

const MODELS = fileURLToPath(new URL('../../../../models/', import.meta.url));
const haveModels = ['mnist-mlp', 'mnist-cnn'].every((m) => existsSync(`${MODELS}${m}.fplm`));

describe.skipIf(!haveModels)('MNIST models', () => {
  const accuracy = (e: Engine, set: ReturnType<typeof getMnistSplit>['test']): number => {
    let ok = 0;
    for (let i = 0; i < set.count; i++) {
      const y = e.run(mnistImage(set, i));
      let best = 0;
      for (let k = 1; k < y.length; k++) if (y[k]! > y[best]!) best = k;
      if (best === set.labels[i]) ok++;
    }
    return (100 * ok) / set.count;
  };
  for (const model of ['mnist-mlp', 'mnist-cnn']) {
    it(`${model}: int8 per-channel within one point of float64 on the test split`, () => {
      const g = loadModel(`${MODELS}${model}.fplm`);
      const { train, test } = getMnistSplit();
      const calib = Array.from({ length: 256 }, (_, i) => mnistImage(train, i));
      const f64 = accuracy(createF64Engine(g), test);
      const int8 = accuracy(createQuantEngine(g, { bits: 8, weightGranularity: 'per-channel' }, calib), test);
      expect(f64).toBeGreaterThan(90);
      expect(Math.abs(int8 - f64), `f64 ${f64}%, int8 per-channel ${int8}%`).toBeLessThanOrEqual(1);
    });
  }
});
