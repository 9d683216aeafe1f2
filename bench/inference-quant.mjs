#!/usr/bin/env node
/**
 * Speed of the int8 engines on a 784-128-64-10 MLP at batch 1, against a bare Int8Array dot-product loop over the
 * same quantized weights and the same int8 layer inputs (three layers of `acc += x[k] * w[o·in + k]`, no
 * requantization, no activation): the floor any int8 engine in JavaScript can reach.
 *
 * The model is models/mnist-mlp.fplm when present (calibrated on MNIST training images), else a deterministic
 * random MLP of the same shape calibrated on random inputs. The engine sources are bundled on the fly with esbuild.
 * Engine and baseline are timed in interleaved rounds (medians reported), so machine load hits both alike.
 *
 * Usage: node bench/inference-quant.mjs [--rounds 15] [--iters 2000] [--preset int8-maxabs-perchannel]
 */
import { build } from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: opt } = parseArgs({
  options: {
    rounds: { type: 'string', default: '15' },
    iters: { type: 'string', default: '2000' },
    preset: { type: 'string', multiple: true },
  },
});

const entry = `
export { createQuantEngine, QUANT_PRESETS } from ${JSON.stringify(path.join(root, 'src/inference/engines/quant/index.ts'))};
export { loadModel } from ${JSON.stringify(path.join(root, 'src/inference/model/modelFile.ts'))};
export { getMnistSplit, mnistImage } from ${JSON.stringify(path.join(root, 'src/tools/data/mnist.ts'))};
`;
const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fpuless-bench-')), 'quant.mjs');
await build({
  stdin: { contents: entry, resolveDir: root, loader: 'ts' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile: out,
  logLevel: 'warning',
});
const lib = await import(pathToFileURL(out).href);

// ---------------------------------------------------------------------------------------------------------------
// Model and samples

function randomMlp() {
  let s = 12345;
  const rnd = () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 2 ** 31 - 1;
  };
  const t = (name, shape, scale) => {
    const n = shape.reduce((a, b) => a * b, 1);
    return { name, shape, data: Float64Array.from({ length: n }, () => rnd() * scale) };
  };
  const inits = [
    t('W1', [128, 784], 0.08), t('b1', [128], 0.1), t('W2', [64, 128], 0.2), t('b2', [64], 0.1),
    t('W3', [10, 64], 0.3), t('b3', [10], 0.1),
  ];
  const node = (name, op, inputs) => ({ name, op, inputs, outputs: [name], attrs: {} });
  const graph = {
    name: 'random-mlp',
    inputs: [{ name: 'x', shape: [1, 784] }],
    outputs: [{ name: 'fc3', shape: [] }],
    initializers: new Map(inits.map((i) => [i.name, i])),
    nodes: [
      node('fc1', 'Gemm', ['x', 'W1', 'b1']), node('r1', 'Relu', ['fc1']), node('fc2', 'Gemm', ['r1', 'W2', 'b2']),
      node('r2', 'Relu', ['fc2']), node('fc3', 'Gemm', ['r2', 'W3', 'b3']),
    ],
  };
  const samples = Array.from({ length: 64 }, () => Float64Array.from({ length: 784 }, () => Math.max(0, rnd())));
  return { graph, calibration: samples, inputs: samples.slice(0, 16), label: 'random 784-128-64-10 MLP' };
}

function mnistMlp() {
  const file = path.join(root, 'models/mnist-mlp.fplm');
  if (!fs.existsSync(file)) return null;
  const graph = lib.loadModel(file);
  const { train, test } = lib.getMnistSplit();
  const calibration = Array.from({ length: 256 }, (_, i) => lib.mnistImage(train, i));
  const inputs = Array.from({ length: 16 }, (_, i) => lib.mnistImage(test, i));
  return { graph, calibration, inputs, label: 'models/mnist-mlp.fplm' };
}

const model = mnistMlp() ?? randomMlp();

// ---------------------------------------------------------------------------------------------------------------
// Baseline: the engine's own int8 weights and each layer's int8 input, dot products only.

function baselineFor(engine) {
  const layers = engine.core.program.steps
    .filter((s) => s.kind === 'Dense')
    .map((s) => ({ w: s.weight, x: engine.core.values[s.inputs[0]], inF: s.inFeatures, outF: s.outFeatures, y: new Int32Array(s.outFeatures) }));
  if (!layers.every((l) => l.w instanceof Int8Array && l.x instanceof Int8Array)) throw new Error('not an int8 MLP');
  return () => {
    for (let L = 0; L < layers.length; L++) {
      const { w, x, inF, outF, y } = layers[L];
      for (let o = 0; o < outF; o++) {
        let acc = 0;
        const wr = o * inF;
        for (let k = 0; k < inF; k++) acc += x[k] * w[wr + k];
        y[o] = acc;
      }
    }
  };
}

function median(a) {
  const s = [...a].sort((x, y) => x - y);
  return s[s.length >> 1];
}

function time(f, iters) {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < iters; i++) f(i);
  return Number(process.hrtime.bigint() - t0) / iters / 1e3; // µs per call
}

const rounds = Number(opt.rounds);
const iters = Number(opt.iters);
const presets = lib.QUANT_PRESETS.filter((p) => p.options.bits === 8 && (opt.preset === undefined || opt.preset.includes(p.name)));

console.log(`model: ${model.label}; ${rounds} interleaved rounds of ${iters} calls; node ${process.version}; ${os.cpus()[0]?.model ?? ''}`);
console.log('engine'.padEnd(36) + 'run µs'.padStart(10) + 'core µs'.padStart(10) + 'bare µs'.padStart(10) + '  run/bare  core/bare');
for (const p of presets) {
  const engine = lib.createQuantEngine(model.graph, p.options, model.calibration);
  engine.run(model.inputs[0]); // leaves each layer's int8 input in place for the baseline
  const bare = baselineFor(engine);
  const n = model.inputs.length;
  const run = (i) => engine.run(model.inputs[i % n]);
  const core = () => engine.core.run();
  for (let w = 0; w < 3; w++) {
    time(run, iters);
    time(core, iters);
    time(bare, iters);
  }
  const tr = [];
  const tc = [];
  const tb = [];
  for (let r = 0; r < rounds; r++) {
    tr.push(time(run, iters));
    tc.push(time(core, iters));
    tb.push(time(bare, iters));
  }
  const [mr, mc, mb] = [median(tr), median(tc), median(tb)];
  console.log(
    p.name.padEnd(36) + mr.toFixed(1).padStart(10) + mc.toFixed(1).padStart(10) + mb.toFixed(1).padStart(10) +
      (mr / mb).toFixed(2).padStart(10) + (mc / mb).toFixed(2).padStart(11),
  );
}
fs.rmSync(path.dirname(out), { recursive: true, force: true });
