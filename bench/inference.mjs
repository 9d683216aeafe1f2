#!/usr/bin/env node
/**
 * Inference speed of every engine at batch 1 on the bundled MNIST MLP (models/mnist-mlp.fplm, 784 → 128 → Relu →
 * 64 → Relu → 10), measured with benchmark.js in one process: f64, the nine soft engines (f32/f16/bf16 ×
 * sequential/f32acc/exact), every quantized preset (int8-maxabs-pertensor is the reference, calibrated on the first
 * 200 MNIST training images) and a bare Int8Array loop over the same layer sizes ("int8-bare-loop": per-tensor
 * max-abs int8 weights of the same model, int32 accumulation, ReLU as max(0), requantization by a shift).
 *
 * Every call runs one inference on the next of 64 fixed MNIST test images (cycling). Each engine's argmax agreement
 * with f64 on those 64 images is printed as a sanity check. ratioToInt8 = int8 inferences/s ÷ engine inferences/s
 * (engine time relative to int8; lower is faster).
 *
 * The engine sources are bundled on the fly with esbuild. Writes bench/results/inference.json.
 *
 * Usage: node bench/inference.mjs [--timer wall|cpu|auto] [--max-time 2] [--slow-max-time 1.5] [--engines a,b,...]
 *                                 [--dry]
 */
import Benchmark from 'benchmark';
import { build } from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: opt } = parseArgs({
  options: {
    timer: { type: 'string', default: 'auto' },
    'max-time': { type: 'string', default: '2' },
    'slow-max-time': { type: 'string', default: '1.5' },
    engines: { type: 'string' },
    dry: { type: 'boolean', default: false },
  },
});
if (!['auto', 'wall', 'cpu'].includes(opt.timer)) throw new Error(`--timer ${opt.timer}: wall, cpu or auto`);
const loadAtStart = os.loadavg();
const TIMER = opt.timer === 'auto' ? (loadAtStart[0] > os.cpus().length ? 'cpu' : 'wall') : opt.timer;
const MAX_TIME = Number(opt['max-time']);
const SLOW_MAX_TIME = Number(opt['slow-max-time']);
const wanted = opt.engines ? new Set(opt.engines.split(',')) : null;

/** Same CPU timer as bench/ops.mjs: process CPU time behind benchmark.js's process.hrtime interface. */
function cpuHrtime(prev) {
  const u = process.cpuUsage();
  const us = u.user + u.system;
  const now = [Math.floor(us / 1e6), (us % 1e6) * 1000];
  if (!prev) return now;
  let sec = now[0] - prev[0];
  let ns = now[1] - prev[1];
  if (ns < 0) {
    sec--;
    ns += 1e9;
  }
  return [sec, ns];
}
const Bench = TIMER === 'cpu' ? Benchmark.runInContext({ process: { hrtime: cpuHrtime } }) : Benchmark;

// ---------------------------------------------------------------------------------------------------------------
// Sources

const entry = `
export { createF64Engine } from './src/inference/engines/f64/engine.ts';
export { createSoftEngine } from './src/inference/engines/soft/index.ts';
export { createQuantEngine, QUANT_PRESETS } from './src/inference/engines/quant/index.ts';
export { loadModel } from './src/inference/model/modelFile.ts';
export { getMnistSplit, mnistImage } from './src/tools/data/mnist.ts';
`;
const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fpuless-bench-inference-'));
const outfile = path.join(tmpDir, 'lib.mjs');
await build({
  stdin: { contents: entry, resolveDir: root, loader: 'ts' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile,
  logLevel: 'warning',
});
const lib = await import(pathToFileURL(outfile).href);
fs.rmSync(tmpDir, { recursive: true, force: true });

const graph = lib.loadModel(path.join(root, 'models/mnist-mlp.fplm'));
const { train, test } = lib.getMnistSplit();
const N_INPUTS = 64;
const inputs = Array.from({ length: N_INPUTS }, (_, i) => Float64Array.from(lib.mnistImage(test, i)));
const calibration = Array.from({ length: 200 }, (_, i) => Float64Array.from(lib.mnistImage(train, i)));

// ---------------------------------------------------------------------------------------------------------------
// The bare Int8Array loop

function bareInt8() {
  const gemms = graph.nodes.filter((n) => n.op === 'Gemm');
  const layers = gemms.map((n) => {
    const W = graph.initializers.get(n.inputs[1]);
    const b = graph.initializers.get(n.inputs[2]);
    const [outF, inF] = W.shape;
    let m = 0;
    for (const v of W.data) m = Math.max(m, Math.abs(v));
    const sw = m / 127;
    const w = Int8Array.from(W.data, (v) => Math.round(v / sw));
    return { inF, outF, sw, wf: W.data, bf: b.data, w, b: new Int32Array(outF), shift: 0, y: new Int8Array(outF), acc: new Int32Array(outF) };
  });
  // Scales: input x·127; each layer's accumulator scale sx·sw; the shift chosen so the calibration maximum of
  // the (float) layer output fits in int8.
  let sx = 1 / 127;
  for (let l = 0; l < layers.length; l++) {
    const L = layers[l];
    const sa = sx * L.sw;
    for (let o = 0; o < L.outF; o++) L.b[o] = Math.round(L.bf[o] / sa);
    if (l < layers.length - 1) {
      let maxAcc = 0;
      for (const x of calibration) {
        const a = floatPrefix(layers, l, x);
        for (const v of a) maxAcc = Math.max(maxAcc, v / sa);
      }
      L.shift = Math.max(0, Math.ceil(Math.log2(maxAcc / 127)));
      sx = sa * 2 ** L.shift;
    } else L.outScale = sa;
  }
  const xq = new Int8Array(layers[0].inF);
  const last = layers[layers.length - 1];
  const out = new Float64Array(last.outF);
  const nL = layers.length;
  return function run(x) {
    for (let k = 0; k < xq.length; k++) {
      const q = Math.round(x[k] * 127);
      xq[k] = q > 127 ? 127 : q < -128 ? -128 : q;
    }
    let a = xq;
    for (let l = 0; l < nL; l++) {
      const { inF, outF, w, b, y, acc, shift } = layers[l];
      for (let o = 0; o < outF; o++) {
        let s = b[o];
        const base = o * inF;
        for (let k = 0; k < inF; k++) s = (s + a[k] * w[base + k]) | 0;
        acc[o] = s;
        const r = (s > 0 ? s : 0) >> shift;
        y[o] = r > 127 ? 127 : r;
      }
      a = y;
    }
    for (let o = 0; o < out.length; o++) out[o] = last.acc[o] * last.outScale;
    return out;
  };
}

/** The float output of layer `l` (after ReLU) for input x: used only to pick the requantization shifts. */
function floatPrefix(layers, l, x) {
  let a = x;
  for (let i = 0; i <= l; i++) {
    const { inF, outF, wf, bf } = layers[i];
    const y = new Float64Array(outF);
    for (let o = 0; o < outF; o++) {
      let s = bf[o];
      for (let k = 0; k < inF; k++) s += a[k] * wf[o * inF + k];
      y[o] = Math.max(0, s);
    }
    a = y;
  }
  return a;
}

// ---------------------------------------------------------------------------------------------------------------
// Engines

const INT8 = 'int8-maxabs-pertensor';
const cases = [];
cases.push({ engine: 'f64', make: () => boundRun(lib.createF64Engine(graph)) });
for (const format of ['f32', 'f16', 'bf16']) {
  for (const accumulation of ['sequential', 'f32acc', 'exact']) {
    cases.push({ engine: `soft-${format}-${accumulation}`, slow: accumulation !== 'exact', make: () => boundRun(lib.createSoftEngine(graph, { format, accumulation })) });
  }
}
for (const p of lib.QUANT_PRESETS) {
  cases.push({ engine: p.name, make: () => boundRun(lib.createQuantEngine(graph, p.options, calibration)) });
}
cases.push({ engine: 'int8-bare-loop', make: bareInt8 });

function boundRun(engine) {
  return (x) => engine.run(x);
}

function argmax(v) {
  let b = 0;
  for (let i = 1; i < v.length; i++) if (v[i] > v[b]) b = i;
  return b;
}

const f64 = boundRun(lib.createF64Engine(graph));
const reference = inputs.map((x) => argmax(f64(x)));
const labels = Array.from({ length: N_INPUTS }, (_, i) => test.labels[i]);

const selected = cases.filter((c) => !wanted || wanted.has(c.engine) || c.engine === INT8);
console.log(
  `${os.cpus()[0]?.model ?? ''}, ${os.cpus().length} cores, node ${process.version}, load ` +
    `${loadAtStart.map((x) => x.toFixed(2)).join(' ')}, ${TIMER} timer; batch 1, ${N_INPUTS} MNIST test images`,
);

let sink = 0;
const results = [];
for (const c of selected) {
  const run = c.make();
  let agree = 0;
  let correct = 0;
  for (let i = 0; i < N_INPUTS; i++) {
    const k = argmax(run(inputs[i]));
    if (k === reference[i]) agree++;
    if (k === labels[i]) correct++;
  }
  let i = 0;
  const bench = new Bench(c.engine, () => {
    sink += run(inputs[i])[0];
    i = (i + 1) & (N_INPUTS - 1);
  }, { maxTime: c.slow ? SLOW_MAX_TIME : MAX_TIME, minSamples: c.slow ? 5 : 10 });
  bench.run();
  if (bench.error) throw bench.error;
  const r = { engine: c.engine, inferencesPerSec: bench.hz, rme: bench.stats.rme, agreeWithF64: agree, correct };
  results.push(r);
  process.stdout.write(`  ${c.engine.padEnd(48)} ${fmtHz(bench.hz).padStart(10)}/s ±${bench.stats.rme.toFixed(1)}%\n`);
}

function fmtHz(hz) {
  return hz >= 100 ? Math.round(hz).toString() : hz.toFixed(1);
}

const int8 = results.find((r) => r.engine === INT8);
for (const r of results) r.ratioToInt8 = int8.inferencesPerSec / r.inferencesPerSec;

console.log();
console.log('engine'.padEnd(48) + 'inf/s'.padStart(10) + 'rme'.padStart(8) + 'time/int8'.padStart(11) + '  agree/f64  correct');
for (const r of results) {
  console.log(
    r.engine.padEnd(48) + fmtHz(r.inferencesPerSec).padStart(10) + `±${r.rme.toFixed(1)}%`.padStart(8) +
      r.ratioToInt8.toFixed(2).padStart(11) + `${r.agreeWithF64}/${N_INPUTS}`.padStart(11) + `${r.correct}/${N_INPUTS}`.padStart(9),
  );
}

// The targets.
const by = (name) => results.find((r) => r.engine === name);
const targets = [
  ['soft-f16-exact', 3, (r) => r.ratioToInt8, 'time ≤ 3× int8'],
  ['soft-f32-exact', 4, (r) => r.ratioToInt8, 'time ≤ 4× int8'],
  [INT8, 1.5, () => by('int8-bare-loop') && by('int8-bare-loop').inferencesPerSec / int8.inferencesPerSec, 'time ≤ 1.5× int8-bare-loop'],
];
console.log();
const targetRecords = [];
for (const [name, limit, value, text] of targets) {
  if (!by(name) || (name === INT8 && !by('int8-bare-loop'))) continue;
  const v = value(by(name));
  const met = v <= limit;
  targetRecords.push({ engine: name, target: text, value: v, met });
  console.log(`${name.padEnd(24)} ${text.padEnd(28)} ${v.toFixed(2)}×  ${met ? 'MET' : 'NOT MET'}`);
}

const loadAtEnd = os.loadavg();
const json = {
  meta: {
    date: new Date().toISOString(),
    cpu: os.cpus()[0]?.model ?? '',
    cores: os.cpus().length,
    node: process.version,
    loadavg: { start: loadAtStart.map((x) => Math.round(x * 100) / 100), end: loadAtEnd.map((x) => Math.round(x * 100) / 100) },
    timer: TIMER,
    model: 'models/mnist-mlp.fplm',
    batch: 1,
    inputs: `${N_INPUTS} MNIST test images (getMnistSplit().test 0..${N_INPUTS - 1}), cycled`,
    calibration: 'first 200 MNIST training images',
    ratioToInt8: `${INT8} inferences/s ÷ engine inferences/s`,
    targets: targetRecords,
  },
  results: results.map(({ engine, inferencesPerSec, ratioToInt8, rme, agreeWithF64, correct }) => ({
    engine,
    inferencesPerSec: Math.round(inferencesPerSec * 10) / 10,
    ratioToInt8: Math.round(ratioToInt8 * 1000) / 1000,
    rme: Math.round(rme * 100) / 100,
    agreeWithF64,
    correct,
  })),
};
if (!opt.dry) {
  const file = path.join(root, 'bench/results/inference.json');
  fs.writeFileSync(file, JSON.stringify(json, null, 2) + '\n');
  console.log(`\nwrote ${path.relative(root, file)}`);
}
if (sink === 12345.678) console.log(sink);
