#!/usr/bin/env node
/**
 * Quick bench of the soft engines on the MNIST MLP (784 → 128 → Relu → 64 → Relu → 10), batch 1, against a plain
 * int8 baseline over the same layer sizes: Int8Array weights and activations, int32 accumulation, a dense
 * `acc += x[k]·w[k]` loop per output, Relu and a requantizing shift between layers (what an int8 engine's inner loops
 * cost in plain JS; no zero skipping).
 *
 * The TypeScript sources are bundled on the fly with esbuild (the engines are not in dist/ yet). The model is
 * models/mnist-mlp.fplm when it exists, otherwise He-uniform random weights of the same shapes; inputs are MNIST test
 * images (about 80% zero pixels, which the exact engines skip) and, as a worst case, dense random inputs.
 *
 * Usage: node bench/inference-soft.mjs [--engines soft-f16-exact,soft-f32-exact,...] [--samples 200] [--rounds 7]
 *                                      [--model models/mnist-mlp.fplm]
 * Prints CPU microseconds per sample (best round) and the ratio to the int8 baseline.
 */
import { build } from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');

const { values: opt } = parseArgs({
  options: {
    engines: { type: 'string', default: 'soft-f16-exact,soft-bf16-exact,soft-f32-exact' },
    samples: { type: 'string', default: '200' },
    rounds: { type: 'string', default: '7' },
    model: { type: 'string' },
  },
});

const entry = `
export { createSoftEngine } from './src/inference/engines/soft/index.ts';
export { createF64Engine } from './src/inference/engines/f64/engine.ts';
export { loadModel } from './src/inference/model/modelFile.ts';
export { getMnistSplit } from './src/tools/data/mnist.ts';
`;
const outfile = path.join(os.tmpdir(), `fpuless-inference-soft-${process.pid}.mjs`);
await build({
  stdin: { contents: entry, resolveDir: root, loader: 'ts' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile,
  logLevel: 'warning',
});
const lib = await import(pathToFileURL(outfile).href);
fs.rmSync(outfile);

// ---------------------------------------------------------------------------------------------------------------
// Model and inputs

const SIZES = [784, 128, 64, 10];
const modelPath = opt.model ?? path.join(root, 'models', 'mnist-mlp.fplm');

function randomMlp() {
  let s = 12345;
  const rand = () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const initializers = new Map();
  const nodes = [];
  let prev = 'input';
  for (let l = 0; l < 3; l++) {
    const [inF, outF] = [SIZES[l], SIZES[l + 1]];
    const bound = Math.sqrt(6 / inF);
    const W = Float64Array.from({ length: inF * outF }, () => Math.fround((2 * rand() - 1) * bound));
    const b = Float64Array.from({ length: outF }, () => Math.fround((2 * rand() - 1) * 0.05));
    initializers.set(`fc${l + 1}.weight`, { name: `fc${l + 1}.weight`, shape: [outF, inF], data: W });
    initializers.set(`fc${l + 1}.bias`, { name: `fc${l + 1}.bias`, shape: [outF], data: b });
    nodes.push({ name: `fc${l + 1}`, op: 'Gemm', inputs: [prev, `fc${l + 1}.weight`, `fc${l + 1}.bias`], outputs: [`fc${l + 1}`], attrs: {} });
    prev = `fc${l + 1}`;
    if (l < 2) {
      nodes.push({ name: `relu${l + 1}`, op: 'Relu', inputs: [prev], outputs: [`relu${l + 1}`], attrs: {} });
      prev = `relu${l + 1}`;
    }
  }
  return { name: 'mnist-mlp-random', inputs: [{ name: 'input', shape: [1, 784] }], outputs: [{ name: prev, shape: [] }], initializers, nodes };
}

const graph = fs.existsSync(modelPath) ? lib.loadModel(modelPath) : randomMlp();
const samples = Number(opt.samples);
const test = lib.getMnistSplit().test;
const mnistInputs = Array.from({ length: samples }, (_, i) => test.images.slice((i % test.count) * 784, (i % test.count + 1) * 784));
const denseInputs = Array.from({ length: samples }, (_, i) => Float64Array.from({ length: 784 }, (_, k) => 0.05 + ((i * 7919 + k * 104729) % 1000) / 1000));

// ---------------------------------------------------------------------------------------------------------------
// The int8 baseline

const int8Layers = [];
for (let l = 0; l < 3; l++) {
  const [inF, outF] = [SIZES[l], SIZES[l + 1]];
  const w = new Int8Array(inF * outF);
  for (let i = 0; i < w.length; i++) w[i] = ((i * 2654435761) >>> 24) - 128;
  const b = new Int32Array(outF);
  int8Layers.push({ inF, outF, w, b, y: new Int8Array(outF), acc: new Int32Array(outF) });
}
const int8Input = new Int8Array(784);
function int8Run(x) {
  for (let k = 0; k < 784; k++) int8Input[k] = Math.round(x[k] * 127);
  let a = int8Input;
  for (let l = 0; l < 3; l++) {
    const { inF, outF, w, b, y, acc } = int8Layers[l];
    for (let o = 0; o < outF; o++) {
      let s = b[o];
      const base = o * inF;
      for (let k = 0; k < inF; k++) s = (s + Math.imul(a[k], w[base + k])) | 0;
      acc[o] = s;
      const q = s >> 10;
      y[o] = l === 2 ? (q > 127 ? 127 : q < -128 ? -128 : q) : q < 0 ? 0 : q > 127 ? 127 : q;
    }
    a = y;
  }
  return int8Layers[2].acc;
}

// ---------------------------------------------------------------------------------------------------------------
// Timing

/** Microseconds of process CPU time (user + system) per input, best of `rounds`; CPU time, not wall time, so that
 * other processes competing for the cores distort the comparison less. */
function time(run, inputs, rounds) {
  for (let i = 0; i < Math.min(inputs.length, 50); i++) run(inputs[i]);
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const c0 = process.cpuUsage();
    for (const x of inputs) run(x);
    const c = process.cpuUsage(c0);
    const us = (c.user + c.system) / inputs.length;
    if (us < best) best = us;
  }
  return best;
}

const rounds = Number(opt.rounds);
const names = opt.engines.split(',');
const engines = names.map((name) => {
  const [, format, accumulation] = name.split('-');
  return lib.createSoftEngine(graph, { format, accumulation });
});
console.log(`model: ${graph.name} (${fs.existsSync(modelPath) ? modelPath : 'random weights'}), ${samples} samples, best of ${rounds} rounds`);
console.log(`node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'}, load average ${os.loadavg().map((v) => v.toFixed(1)).join(' ')}`);
for (const [label, inputs] of [['MNIST test images', mnistInputs], ['dense random inputs', denseInputs]]) {
  // Interleave the engines round by round so background load hits them alike.
  const best = new Map();
  for (let r = 0; r < rounds; r++) {
    const t = time(int8Run, inputs, 1);
    best.set('int8', Math.min(best.get('int8') ?? Infinity, t));
    for (const e of engines) best.set(e.name, Math.min(best.get(e.name) ?? Infinity, time((x) => e.run(x), inputs, 1)));
  }
  const base = best.get('int8');
  console.log(`\n${label}:`);
  console.log(`  ${'int8 baseline'.padEnd(22)} ${base.toFixed(1).padStart(9)} us/sample`);
  for (const e of engines) {
    const t = best.get(e.name);
    console.log(`  ${e.name.padEnd(22)} ${t.toFixed(1).padStart(9)} us/sample  ${(t / base).toFixed(2)}x int8`);
  }
}
