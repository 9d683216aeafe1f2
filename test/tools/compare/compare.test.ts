/**
 * `fpuless compare` end to end on tiny synthetic models: the tables, report.json's schema and numbers, the engine
 * selection, the files written, and every error path (status 2, one line on stderr, nothing written).
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerCompare } from '../../../src/tools/cli/compare.js';
import { allEngineSpecs } from '../../../src/tools/compare/engines.js';
import { DEFAULT_MODEL, packageRoot } from '../../../src/tools/compare/paths.js';
import { QUANT_PRESETS } from '../../../src/inference/engines/quant/index.js';
import { createF64Engine } from '../../../src/inference/engines/f64/index.js';
import { saveModel } from '../../../src/inference/model/modelFile.js';
import { readNpy, writeNpy } from '../../../src/tools/data/npy.js';
import { argmax } from '../../../src/tools/compare/stats.js';
import type { Dataset } from '../../../src/tools/compare/dataset.js';
import { runComparison } from '../../../src/tools/compare/run.js';
import { int as onnxInt, model as onnxModel, n as onnxNode, tensor as onnxTensor } from '../../inference/onnx/build.js';
import { type Workspace, compare, tinyMlp, tinyMlpWithBatchNorm, workspace } from './fixtures.js';

let ws: Workspace;
beforeAll(() => {
  ws = workspace(60);
});
afterAll(() => ws.cleanup());

const ALL_NAMES = [
  'f64',
  ...['f32', 'f16', 'bf16'].flatMap((f) => ['sequential', 'f32acc', 'exact'].map((a) => `soft-${f}-${a}`)),
  ...QUANT_PRESETS.map((p) => p.name),
];
/** The catalogue: every engine above and the QDQ engine, which runs only models with QDQ parameters. */
const CATALOGUE = [...ALL_NAMES, 'int8-qdq'];

type Json = Record<string, unknown>;

/** report.json parsed, with the string spellings of non-finite numbers turned back into numbers. */
function parseReport(text: string): Json {
  return JSON.parse(text, (_k, v: unknown) => (v === 'inf' ? Infinity : v === '-inf' ? -Infinity : v === 'nan' ? NaN : v)) as Json;
}

describe('the engine catalogue', () => {
  it('lists f64, the nine soft engines, every quantized preset and the QDQ engine, in that order', () => {
    expect(allEngineSpecs().map((e) => e.name)).toEqual(CATALOGUE);
    expect(QUANT_PRESETS.map((p) => p.name)).toContain('int8-maxabs-pertensor');
  });

  it('resolves the default model from the package root, not the working directory', () => {
    const root = packageRoot();
    expect(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).name).toBe('fpuless');
    expect(DEFAULT_MODEL).toBe(join('models', 'mnist-mlp.fplm'));
  });
});

describe('a full comparison of a tiny MLP', () => {
  let run: ReturnType<typeof compare>;
  let report: Json;
  let out: string;
  beforeAll(() => {
    out = join(ws.dir, 'full');
    run = compare({ model: ws.mlp, inputs: ws.mlpX, labels: ws.mlpY, limit: '40', calib: '20', out, json: true, traceSamples: 10 }, ws.dir);
    report = parseReport(run.stdout);
  });

  it('succeeds quietly and prints report.json, the same bytes as the file written', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readFileSync(join(out, 'report.json'), 'utf8')).toBe(run.stdout);
    expect(readdirSync(out).sort()).toEqual(['report.html', 'report.json']);
  });

  it('has the documented schema', () => {
    expect(Object.keys(report).sort()).toEqual(
      ['calibration', 'data', 'deltaBins', 'engines', 'format', 'fpulessVersion', 'generated', 'layers', 'model', 'reference', 'timingReference', 'version'].sort(),
    );
    expect(report.format).toBe('fpuless-compare');
    expect(report.version).toBe(1);
    expect(report.reference).toBe('f64');
    expect(report.timingReference).toBe('int8-maxabs-pertensor');
    expect(report.model).toEqual({ path: ws.mlp, name: 'tiny-mlp', inputShape: [1, 16], outputShape: [1, 4], parameters: 8 * 16 + 8 + 4 * 8 + 4 });
    expect(report.data).toEqual({ source: 'npy', description: `40 samples from ${ws.mlpX}`, inputs: ws.mlpX, labels: ws.mlpY, samples: 40, inputScale: 1, traceSamples: 10 });
    expect(report.calibration).toEqual({ samples: 20, source: `first 20 samples of ${ws.mlpX}` });
    const engines = report.engines as Json[];
    expect(engines.map((e) => e.name)).toEqual(ALL_NAMES);
    for (const e of engines) {
      expect(Object.keys(e).sort()).toEqual(
        ['accuracy', 'agreement', 'buildSeconds', 'clippedFraction', 'clippedInput', 'clippedSamples', 'deltaHistogram', 'description', 'family', 'inferencesPerSecond', 'maxAbsDelta', 'meanAbsDelta', 'name', 'nonFiniteOutputs', 'outputSqnrDb', 'relativeTime', 'secondsPerInference', 'weightBytes', 'weightSqnrDb'].sort(),
      );
      expect(e.accuracy).toBeGreaterThanOrEqual(0);
      expect(e.accuracy).toBeLessThanOrEqual(1);
      expect(e.inferencesPerSecond).toBeGreaterThan(0);
      const h = e.deltaHistogram as { zero: number; counts: number[]; nonFinite: number };
      expect(h.zero + h.nonFinite + h.counts.reduce((a, b) => a + b, 0)).toBe(40 * 4);
      expect(Object.keys(e.weightSqnrDb as Json)).toEqual(['fc1', 'fc2']);
      expect(Object.keys(e.outputSqnrDb as Json)).toEqual(e.name === 'f64' ? [] : ['fc1', 'fc2']);
    }
    const layers = report.layers as Json[];
    expect(layers.map((l) => [l.name, l.op, l.weightShape, l.count])).toEqual([
      ['fc1', 'Gemm', [8, 16], 128],
      ['fc2', 'Gemm', [4, 8], 32],
    ]);
    for (const l of layers) {
      expect(Object.keys(l).sort()).toEqual(
        ['centralFraction', 'count', 'excessKurtosis', 'int8Histogram', 'int8LevelsUsed', 'int8Scale', 'maxAbs', 'maxOverStd', 'mean', 'name', 'op', 'outlierValues', 'outliers', 'skew', 'std', 'weightShape'].sort(),
      );
      expect((l.int8Histogram as number[]).length).toBe(255);
    }
    // fc1 was built with a few ±2.5 weights among ±0.3 ones: those are its outliers.
    expect(layers[0]!.outliers).toBe(4);
    expect(layers[0]!.maxAbs).toBe(2.5);
  });

  it('measures the f64 engine against itself as exact and the others against it', () => {
    const engines = report.engines as Json[];
    const f64 = engines[0]!;
    expect(f64).toMatchObject({ agreement: 1, maxAbsDelta: 0, meanAbsDelta: 0, nonFiniteOutputs: 0, weightBytes: 8 * 172 });
    expect(f64.weightSqnrDb).toEqual({ fc1: Infinity, fc2: Infinity });
    // Accuracy of f64 recomputed from the model and the files.
    const engine = createF64Engine(tinyMlp());
    const x = readNpy(ws.mlpX).data as Float32Array;
    let correct = 0;
    for (let i = 0; i < 40; i++) if (argmax(engine.run(Float64Array.from(x.subarray(i * 16, (i + 1) * 16)))) === i % 4) correct++;
    expect(f64.accuracy).toBe(correct / 40);
    const soft32 = engines.find((e) => e.name === 'soft-f32-exact')!;
    expect(soft32.weightBytes).toBe(4 * 172);
    expect(soft32.weightSqnrDb).toEqual({ fc1: Infinity, fc2: Infinity }); // the model's weights are binary32 already
    expect(soft32.maxAbsDelta as number).toBeLessThan(1e-5);
    const f16 = engines.find((e) => e.name === 'soft-f16-exact')!;
    expect(f16.weightBytes).toBe(2 * 172);
    expect((f16.weightSqnrDb as Json).fc1).toBeGreaterThan(60);
    const int8 = engines.find((e) => e.name === 'int8-maxabs-pertensor')!;
    expect(int8.relativeTime).toBe(1);
    const sq = int8.weightSqnrDb as Record<string, number>;
    expect(sq.fc1).toBeGreaterThan(15);
    expect(sq.fc1).toBeLessThan(60);
    const int16 = engines.find((e) => e.name === 'int16-maxabs-pertensor')!;
    expect((int16.weightSqnrDb as Record<string, number>).fc1).toBeGreaterThan(sq.fc1 + 30);
  });

  it('writes a self-contained report.html naming every engine and layer', () => {
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    for (const name of ALL_NAMES) expect(html).toContain(`>${name}<`);
    for (const layer of ['fc1', 'fc2']) expect(html).toContain(`>${layer}<`);
    expect(html).not.toMatch(/<script|<link|@import|url\(\s*['"]?(https?:)?\/\//i);
    expect(html.replaceAll('http://www.w3.org/2000/svg', '')).not.toMatch(/https?:\/\//);
  });
});

describe('no --model, no --out', () => {
  it('uses the package\'s models/mnist-mlp.fplm on MNIST and writes ./fpuless-report (or says the model is missing)', () => {
    const cwd = join(ws.dir, 'cwd');
    mkdirSync(cwd);
    const model = join(packageRoot(), DEFAULT_MODEL);
    const r = compare({ limit: '20', calib: '10', engines: 'int8-maxabs-pertensor', json: true, traceSamples: 5 }, cwd);
    if (!existsSync(model)) {
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(`fpuless compare: --model ${model}: no such file\n`);
      expect(existsSync(join(cwd, 'fpuless-report'))).toBe(false);
      return;
    }
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const report = parseReport(r.stdout);
    expect((report.model as Json).path).toBe(model);
    expect((report.model as Json).inputShape).toEqual([1, 784]);
    expect(report.data).toMatchObject({ source: 'mnist', samples: 20, description: '20 MNIST test images', inputs: null });
    expect(report.calibration).toEqual({ samples: 10, source: 'first 10 MNIST training images' });
    expect((report.engines as Json[]).map((e) => e.name)).toEqual(['f64', 'int8-maxabs-pertensor']);
    expect(readdirSync(join(cwd, 'fpuless-report')).sort()).toEqual(['report.html', 'report.json']);
  });
});

describe('values beyond the calibrated ranges', () => {
  it('are counted as clipped, per sample and per tensor, for the quantized engines only', () => {
    // Calibration on the first 20 samples; the last 20 are the same samples at 3× the amplitude, so the inputs and
    // f64's layer outputs reach past the calibrated ranges.
    const x = readNpy(ws.mlpX).data as Float32Array;
    const first = x.subarray(0, 20 * 16);
    const data = Float32Array.from([...first, ...Array.from(first, (v) => 3 * v)]);
    const inputs = join(ws.dir, 'amplified.npy');
    writeNpy(inputs, { dtype: 'float32', shape: [40, 16], data });
    const r = compare({ model: ws.mlp, inputs, calib: '20', out: join(ws.dir, 'amplified'), json: true, traceSamples: 4 }, ws.dir);
    expect(r.stderr).toBe('');
    const engines = parseReport(r.stdout).engines as Json[];
    for (const e of engines.filter((e) => e.family !== 'quant')) {
      expect([e.clippedSamples, e.clippedInput, e.clippedFraction]).toEqual([null, null, {}]);
    }
    // Symmetric max-range engines store a tensor as codes −qmax − 1 … qmax of step M/qmax, M its largest |f64 value|
    // over the calibration samples (fc1's after its Relu): the reals −M·(qmax + 1.5)/qmax … M·(qmax + 0.5)/qmax.
    // Independent bounds from f64's own values.
    const f64 = createF64Engine(tinyMlp());
    const samples = Array.from({ length: 40 }, (_, i) => Float64Array.from(data.subarray(i * 16, (i + 1) * 16)));
    const traces = samples.map((s) => f64.trace(s));
    const tensors: Record<string, (i: number) => number[]> = {
      input: (i) => [...samples[i]!],
      fc1: (i) => [...traces[i]!.get('relu1')!],
      fc2: (i) => [...traces[i]!.get('fc2')!],
    };
    for (const name of ['int8-maxabs-pertensor', 'int16-maxabs-pertensor']) {
      const e = engines.find((e) => e.name === name)!;
      const qmax = name.startsWith('int8') ? 127 : 32767;
      let anySamples = 0;
      const outsideBySample = new Array<number>(40).fill(0);
      for (const [tensor, values] of Object.entries(tensors)) {
        const m = Math.max(...Array.from({ length: 20 }, (_, i) => values(i).map(Math.abs)).flat());
        const [lo, hi] = [(-m * (qmax + 1.5)) / qmax, (m * (qmax + 0.5)) / qmax];
        let outside = 0;
        let total = 0;
        for (let i = 0; i < 40; i++) {
          const v = values(i);
          // No value within 1e-12 of an edge, so rounding in the bounds cannot change a count.
          expect(v.filter((a) => Math.abs(a - lo) <= m * 1e-12 || Math.abs(a - hi) <= m * 1e-12)).toEqual([]);
          const o = v.filter((a) => a < lo || a > hi).length;
          outside += o;
          total += v.length;
          outsideBySample[i]! += o;
        }
        expect(outside).toBeGreaterThan(0);
        const got = tensor === 'input' ? e.clippedInput : (e.clippedFraction as Record<string, number>)[tensor];
        expect([name, tensor, got]).toEqual([name, tensor, outside / total]);
      }
      for (const o of outsideBySample) if (o > 0) anySamples++;
      expect(e.clippedSamples).toBe(anySamples);
      expect(anySamples).toBeGreaterThan(10);
    }
  });
});

describe('a graph with BatchNormalization', () => {
  it('is compared layer by layer after folding, the f64 reference included', () => {
    // The model loaders fold BatchNormalizations, but runComparison takes any graph: every engine must run the folded
    // one, where fc1's output is the normalized value, or f64 traces fc1 before the normalization and the others after.
    const x = readNpy(ws.mlpX).data as Float32Array;
    const images = Float64Array.from(x.subarray(0, 30 * 16));
    const calibration = Array.from({ length: 20 }, (_, i) => images.slice(i * 16, (i + 1) * 16));
    const dataset: Dataset = {
      source: 'npy', description: '30 samples', inputsPath: null, labelsPath: null, count: 30, sampleSize: 16,
      images, labels: null, calibration, calibrationSource: 'first 20 samples', inputScale: 1,
    };
    const report = runComparison({
      graph: tinyMlpWithBatchNorm(),
      modelPath: 'tiny-mlp-bn',
      dataset,
      engines: allEngineSpecs().filter((e) => ['f64', 'soft-f32-exact', 'int16-maxabs-pertensor'].includes(e.name)),
      traceSamples: 30,
      fpulessVersion: 'test',
    });
    const soft = report.engines.find((e) => e.name === 'soft-f32-exact')!;
    expect(soft.outputSqnrDb.fc1).toBeGreaterThan(120);
    const int16 = report.engines.find((e) => e.name === 'int16-maxabs-pertensor')!;
    expect(int16.outputSqnrDb.fc1).toBeGreaterThan(60);
    // Calibrated on the first 20 of these samples: their values lie inside the ranges.
    expect(int16.clippedFraction.fc1).toBeLessThan(0.05);
  });

  it('through the CLI: an ONNX BatchNormalization after a Gemm, kept by the importer, is compared after folding', () => {
    const w = Array.from({ length: 4 * 16 }, (_, i) => Math.fround(Math.sin(i) * 0.5));
    const bytes = onnxModel({
      input: ['x', [1, 16]],
      nodes: [onnxNode('Gemm', ['x', 'W'], 'fc', { transB: onnxInt(1) }), onnxNode('BatchNormalization', ['fc', 'g', 'b', 'm', 'v'], 'y')],
      inits: [
        onnxTensor('W', [4, 16], w),
        onnxTensor('g', [4], [4, 3, 2, 5]),
        onnxTensor('b', [4], [1, -1, 2, 0]),
        onnxTensor('m', [4], [0.25, -0.5, 0, 1]),
        onnxTensor('v', [4], [1, 2, 0.5, 4]),
      ],
    });
    const path = join(ws.dir, 'gemm-bn.onnx');
    writeFileSync(path, bytes);
    const r = compare({ model: path, inputs: ws.mlpX, calib: '20', engines: 'soft-f32-exact,int16-maxabs-pertensor', out: join(ws.dir, 'bn-onnx'), json: true, traceSamples: 20 }, ws.dir);
    expect(r.stderr).toBe('');
    const engines = parseReport(r.stdout).engines as Json[];
    expect(((engines.find((e) => e.name === 'soft-f32-exact')!.outputSqnrDb) as Record<string, number>).fc).toBeGreaterThan(120);
    expect(((engines.find((e) => e.name === 'int16-maxabs-pertensor')!.outputSqnrDb) as Record<string, number>).fc).toBeGreaterThan(60);
  });
});

describe('tables', () => {
  it('prints the engine, layer and SQNR tables for the selected engines', () => {
    const out = join(ws.dir, 'tables');
    const r = compare({ model: ws.cnn, inputs: ws.cnnX, labels: ws.cnnY, limit: '12', engines: 'soft-bf16-exact,int8-maxabs-pertensor', out, traceSamples: 4 }, ws.dir);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(`fpuless compare: tiny-cnn (${ws.cnn}), ${(18 + 2 + 54 + 3).toLocaleString('en-US')} parameters`);
    expect(lines[1]).toBe(`data: 12 samples from ${ws.cnnX}; layer traces on the first 4; quantized engines calibrated on the first 60 samples of ${ws.cnnX}`);
    const head = lines.findIndex((l) => l.startsWith('engine '));
    expect(lines[head]).toMatch(/^engine +accuracy +agree f64 +max \|Δlogit\| +mean \|Δlogit\| +clipped +weights +inf\/s +time ×$/);
    expect(lines[head + 1]).toMatch(/^─+( +─+){8}$/);
    expect(lines.slice(head + 2, head + 5).map((l) => l.split(/ +/)[0])).toEqual(['f64', 'soft-bf16-exact', 'int8-maxabs-pertensor']);
    expect(lines[head + 2]).toMatch(/^f64 +\d+\.\d\d% +100\.00% +0 +0 +— +616 B +[\d,.]+ +[\d.]+×$/);
    expect(lines[head + 4]).toMatch(/^int8-maxabs-pertensor( +\S+){4} +\d+\.\d\d% /);
    expect(lines[head + 4]).toMatch(/ 1\.00×$/);
    expect(lines[head + 5]).toBe('(time ×: time per inference relative to int8-maxabs-pertensor; Δlogit: output minus f64\'s output;');
    expect(lines[head + 6]).toBe(" clipped: samples in which f64's input or some layer output lies beyond the range the engine's calibration set)");
    expect(r.stdout).toMatch(/^clipped +input +conv1 +fc$/m);
    expect(r.stdout).toMatch(/^int8-maxabs-pertensor( +\d+\.\d{3}%){3}$/m);
    expect(r.stdout).toMatch(/^conv1 +Conv +2×1×3×3 /m);
    expect(r.stdout).toMatch(/^fc +Gemm +3×18 /m);
    expect(r.stdout).toMatch(/^SQNR dB +conv1 w +conv1 out +fc w +fc out$/m);
    expect(r.stdout).toMatch(/^int8-maxabs-pertensor( +\d+\.\d){4}$/m);
    expect(r.stdout.trimEnd().endsWith(`wrote ${join(out, 'report.html')} and report.json`)).toBe(true);
    const report = parseReport(readFileSync(join(out, 'report.json'), 'utf8'));
    expect((report.data as Json).inputScale).toBe(1 / 255);
  });
});

describe('errors: status 2, one line on stderr, nothing written', () => {
  const cases: [string, () => Record<string, string>, RegExp][] = [
    ['a missing model file', () => ({ model: join(ws.dir, 'nope.fplm') }), /^--model .*nope\.fplm: no such file$/],
    ['a missing ONNX model', () => ({ model: join(ws.dir, 'net.onnx') }), /^--model .*net\.onnx: no such file$/],
    ['a corrupt ONNX model', () => ({ model: corruptOnnx() }), /^--model .*bad\.onnx: .*(truncated|corrupt|protobuf)/i],
    ['another extension', () => ({ model: join(ws.dir, 'net.pt') }), /^--model .*net\.pt: unknown model type "\.pt"; expected an ONNX file \(\.onnx\) or an fpuless model file \(\.fplm\)$/],
    ['a corrupt model file', () => ({ model: corrupt() }), /^--model .*bad\.fplm: /],
    ['an unknown engine', () => ({ model: ws.mlp, inputs: ws.mlpX, engines: 'f64,soft-f8-exact' }), /^--engines: unknown engine "soft-f8-exact"; valid engines: f64, soft-f32-sequential, .*int8-maxabs-pertensor/],
    ['an empty engine list', () => ({ model: ws.mlp, inputs: ws.mlpX, engines: ' , ' }), /^--engines is empty; valid engines: f64, /],
    ['inputs of the wrong shape', () => ({ model: ws.mlp, inputs: ws.cnnX, labels: ws.cnnY }), /^--inputs .*cnn-x\.npy: shape \[60, 1, 6, 6\] does not match the model input \[1, 16\] \(need \[N, 16\], or any \[N, \.\.\.\] with 16 values per sample\)$/],
    ['labels of the wrong shape', () => ({ model: ws.mlp, inputs: ws.mlpX, labels: shortLabels() }), /^--labels .*short\.npy: shape \[59\] does not match --inputs .*mlp-x\.npy shape \[60, 16\] \(need \[60\]\)$/],
    ['labels beyond the outputs', () => ({ model: ws.cnn, inputs: ws.cnnX, labels: ws.mlpY }), /^--labels .*mlp-y\.npy: label 3 is 3, outside 0 … 2 \(the model has 3 outputs\)$/],
    ['float labels', () => ({ model: ws.mlp, inputs: ws.mlpX, labels: ws.mlpX }), /^--labels .*mlp-x\.npy: dtype float32; labels must be int64, int32 or uint8$/],
    ['int32 images', () => ({ model: ws.cnn, inputs: ws.cnnY }), /^--inputs .*cnn-y\.npy: dtype int32; images must be float32, float64 or uint8$/],
    ['a missing inputs file', () => ({ model: ws.mlp, inputs: join(ws.dir, 'none.npy') }), /^--inputs .*none\.npy: no such file$/],
    ['labels without inputs', () => ({ model: ws.mlp, labels: ws.mlpY }), /^--labels needs --inputs$/],
    ['a model that does not take MNIST images, without inputs', () => ({ model: ws.mlp }), /^the model's input \[1, 16\] is not an MNIST image \(784 values\): give --inputs/],
    ['a bad --calib', () => ({ model: ws.mlp, inputs: ws.mlpX, calib: '0' }), /^--calib must be a positive integer, got "0"$/],
    ['a bad --limit', () => ({ model: ws.mlp, inputs: ws.mlpX, limit: '1e3' }), /^--limit must be a positive integer, got "1e3"$/],
    ['--calib beyond the samples', () => ({ model: ws.mlp, inputs: ws.mlpX, calib: '61' }), /^--calib 61 is more than the 60 samples in .*mlp-x\.npy$/],
    ['--out naming a file', () => ({ model: ws.mlp, inputs: ws.mlpX, out: join(ws.dir, 'tiny-mlp.fplm') }), /^--out .*tiny-mlp\.fplm: is not a directory$/],
    ['a model an engine cannot run', () => ({ model: deadModel(), inputs: ws.mlpX }), /^engine int8-maxabs-pertensor cannot run this model: .*fc2/],
  ];

  /** The tiny MLP with fc2 all zero: its output range is empty, which the quantized engines refuse to calibrate. */
  function deadModel(): string {
    const g = tinyMlp();
    const inits = new Map(g.initializers);
    for (const name of ['fc2.w', 'fc2.b']) {
      const t = inits.get(name)!;
      inits.set(name, { ...t, data: new Float64Array(t.data.length) });
    }
    const p = join(ws.dir, 'dead.fplm');
    saveModel(p, { ...g, initializers: inits });
    return p;
  }

  function corrupt(): string {
    const p = join(ws.dir, 'bad.fplm');
    writeFileSync(p, 'not a model');
    return p;
  }

  function corruptOnnx(): string {
    const p = join(ws.dir, 'bad.onnx');
    writeFileSync(p, Buffer.from([0x08, 0x07, 0x12, 0x40, 0x01]));
    return p;
  }

  function shortLabels(): string {
    const p = join(ws.dir, 'short.npy');
    writeNpy(p, { dtype: 'uint8', shape: [59], data: new Uint8Array(59) });
    return p;
  }

  for (const [what, options, message] of cases) {
    it(what, () => {
      const out = join(ws.dir, `err-${what.replace(/\W+/g, '-')}`);
      const o = options();
      const r = compare({ out, ...o, ...(o.out === undefined ? {} : { out: o.out }) }, ws.dir);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.endsWith('\n')).toBe(true);
      expect(r.stderr.split('\n').length).toBe(2);
      expect(r.stderr.startsWith('fpuless compare: ')).toBe(true);
      expect(r.stderr.slice('fpuless compare: '.length, -1)).toMatch(message);
      expect(existsSync(out)).toBe(false);
    });
  }
});

describe('the commander subcommand', () => {
  function program(): Command {
    const p = new Command('fpuless').exitOverride();
    p.configureOutput({ writeErr: () => {}, writeOut: () => {} });
    return p;
  }

  it('passes the options through and sets the exit status', async () => {
    const p = program();
    registerCompare(p, () => ({ stdout: process.stdout, stderr: process.stderr, cwd: ws.dir }));
    const saved = process.exitCode;
    const write = process.stderr.write.bind(process.stderr);
    let err = '';
    process.stderr.write = ((s: string) => {
      err += s;
      return true;
    }) as typeof process.stderr.write;
    try {
      await p.parseAsync(['node', 'fpuless', 'compare', '--model', ws.mlp, '--inputs', ws.mlpX, '--engines', 'bogus']);
      expect(process.exitCode).toBe(2);
    } finally {
      process.stderr.write = write;
      process.exitCode = saved;
    }
    expect(err).toMatch(/^fpuless compare: --engines: unknown engine "bogus"/);
  });

  it('rejects an unknown option through commander (exit code 1 there, 2 in main.ts)', async () => {
    const p = program();
    registerCompare(p);
    await expect(p.parseAsync(['node', 'fpuless', 'compare', '--frobnicate'])).rejects.toBeInstanceOf(CommanderError);
  });
});
