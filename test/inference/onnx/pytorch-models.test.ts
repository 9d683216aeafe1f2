/**
 * Real models exported by PyTorch 1.13 (test/fixtures/onnx, made by make.py) through the importer and the engines:
 * the f64 engine within 1e-5 of PyTorch's float32 outputs and of ONNX Runtime's, soft-f32-sequential bit for bit on
 * the MLPs, accuracy on the 2,000 test digits as PyTorch measured it, int8 engines against PyTorch's own int8
 * quantization, and the QDQ model on the fixed-point engine with the model's own scales against ONNX Runtime.
 */
import { readFileSync } from 'node:fs';
import { InferenceSession, Tensor } from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { createF64Engine } from '../../../src/inference/engines/f64/index.js';
import { QDQ_PRESET, createQuantEngine } from '../../../src/inference/engines/quant/index.js';
import { createSoftEngine } from '../../../src/inference/engines/soft/index.js';
import type { Engine, Graph } from '../../../src/inference/model/graph.js';
import { loadOnnx } from '../../../src/inference/onnx/index.js';
import { getMnistSplit } from '../../../src/tools/data/mnist.js';
import { readNpy } from '../../../src/tools/data/npy.js';

const DIR = new URL('../../fixtures/onnx/', import.meta.url).pathname;
const reference = JSON.parse(readFileSync(`${DIR}reference.json`, 'utf8')) as Record<string, Record<string, number>>;
const inputs = readNpy(`${DIR}inputs.npy`).data as Float32Array;
const N = 100;
const PIXELS = 784;

function sampleOf(i: number): Float64Array {
  return Float64Array.from(inputs.subarray(i * PIXELS, (i + 1) * PIXELS));
}

function logitsOf(name: string): Float32Array {
  return readNpy(`${DIR}${name}.logits.npy`).data as Float32Array;
}

/** max |y − expected| / max(1, |expected|) over every output (absolute below 1, relative above). */
function maxAbsDiff(engine: Engine, expected: ArrayLike<number>, width: number): number {
  let max = 0;
  for (let i = 0; i < N; i++) {
    const y = engine.run(sampleOf(i));
    expect(y.length).toBe(width);
    for (let k = 0; k < width; k++) {
      const e = expected[i * width + k]!;
      max = Math.max(max, Math.abs(y[k]! - e) / Math.max(1, Math.abs(e)));
    }
  }
  return max;
}

function accuracy(engine: Engine, images: Float64Array, labels: Uint8Array, count: number): number {
  let correct = 0;
  for (let i = 0; i < count; i++) {
    const y = engine.run(images.subarray(i * PIXELS, (i + 1) * PIXELS));
    let best = 0;
    for (let k = 1; k < y.length; k++) if (y[k]! > y[best]!) best = k;
    if (best === labels[i]) correct++;
  }
  return correct / count;
}

async function ortOutputs(name: string): Promise<Float32Array> {
  const session = await InferenceSession.create(`${DIR}${name}.onnx`);
  const out = new Float32Array(N * 10);
  for (let i = 0; i < N; i++) {
    const x = new Float32Array(inputs.subarray(i * PIXELS, (i + 1) * PIXELS));
    const r = await session.run({ [session.inputNames[0]!]: new Tensor('float32', x, [1, 1, 28, 28]) });
    out.set(r[session.outputNames[0]!]!.data as Float32Array, i * 10);
  }
  return out;
}

const FLOAT_MODELS = ['mlp', 'cnn', 'gelu', 'outlier'] as const;
const graphs = new Map<string, Graph>(FLOAT_MODELS.map((m) => [m, loadOnnx(`${DIR}${m}.onnx`)]));
const split = getMnistSplit();
const calibration = Array.from({ length: 200 }, (_, i) => split.train.images.slice(i * PIXELS, (i + 1) * PIXELS));

describe('PyTorch-exported ONNX models', () => {
  for (const name of FLOAT_MODELS) {
    // Within 1e-5 absolute, or relative for outputs above 1: the CNN's logits reach 22, where PyTorch's own float32
    // rounding (and ONNX Runtime's, 1.4e-5 from PyTorch) exceeds 1e-5 absolute while f64 is within 1.2e-5.
    it(`${name}: f64 within 1e-5 of PyTorch float32 and of ONNX Runtime`, async () => {
      const graph = graphs.get(name)!;
      const f64 = createF64Engine(graph);
      expect(maxAbsDiff(f64, logitsOf(name), 10)).toBeLessThan(1e-5);
      expect(maxAbsDiff(f64, await ortOutputs(name), 10)).toBeLessThan(1e-5);
    });
  }

  for (const name of ['mlp', 'outlier'] as const) {
    it(`${name}: soft-f32-sequential gives PyTorch's float32 logits bit for bit`, () => {
      const soft = createSoftEngine(graphs.get(name)!, { format: 'f32', accumulation: 'sequential' });
      expect(maxAbsDiff(soft, logitsOf(name), 10)).toBe(0);
    });
  }

  it('gelu: the soft engines run the fused GELU within 1e-5 of PyTorch (binary32) and agree on every digit', () => {
    const g = graphs.get('gelu')!;
    const torch = logitsOf('gelu');
    expect(maxAbsDiff(createSoftEngine(g, { format: 'f32', accumulation: 'sequential' }), torch, 10)).toBeLessThan(1e-5);
    expect(maxAbsDiff(createSoftEngine(g, { format: 'f16', accumulation: 'exact' }), torch, 10)).toBeLessThan(1e-2);
  });

  it('f64 accuracy on the 2,000 test digits is what PyTorch measured (MLP, outlier MLP, GELU MLP)', () => {
    for (const name of ['mlp', 'outlier', 'gelu'] as const) {
      const acc = accuracy(createF64Engine(graphs.get(name)!), split.test.images, split.test.labels, split.test.count);
      expect(Math.abs(acc - reference[name]!.float32Accuracy!), name).toBeLessThanOrEqual(1 / 2000);
    }
  });

  it("int8 per-channel is within a point of PyTorch's own int8 quantization", () => {
    for (const name of ['mlp', 'outlier'] as const) {
      const g = graphs.get(name)!;
      const perChannel = accuracy(
        createQuantEngine(g, { bits: 8, weightGranularity: 'per-channel' }, calibration),
        split.test.images, split.test.labels, split.test.count,
      );
      expect(Math.abs(perChannel - reference[name]!.torchInt8Accuracy!), name).toBeLessThanOrEqual(0.01);
    }
  });

  it('qdq: int8-qdq runs the model\'s own scales and matches ONNX Runtime to one output step, 99% exactly', () => {
    const graph = loadOnnx(`${DIR}qdq.onnx`);
    const engine = createQuantEngine(graph, QDQ_PRESET.options, calibration);
    const ort = logitsOf('qdq');
    const step = graph.quantization!.get('output')!.scale[0]!;
    let exact = 0;
    let worst = 0;
    for (let i = 0; i < N; i++) {
      const y = engine.run(sampleOf(i));
      for (let k = 0; k < 10; k++) {
        const d = Math.abs(y[k]! - ort[i * 10 + k]!) / step;
        if (d < 1e-3) exact++;
        worst = Math.max(worst, d);
      }
    }
    expect(worst).toBeLessThanOrEqual(1 + 1e-3);
    expect(exact / (N * 10)).toBeGreaterThanOrEqual(0.99);
    const acc = accuracy(engine, split.test.images, split.test.labels, split.test.count);
    expect(Math.abs(acc - reference.mlp!.torchInt8Accuracy!)).toBeLessThanOrEqual(0.01);
  });
});
