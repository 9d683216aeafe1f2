#!/usr/bin/env node
/**
 * Quick speed check of the binary32 elementary functions against native double Math + Math.fround in the same kind
 * of loop (same inputs, results summed so nothing is dead code). Bundles src/math with esbuild first.
 * Usage: node bench/math/speed.mjs [fn ...]   (default: every function)
 */
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'fpuless-math-'));
const out = path.join(dir, 'math.mjs');
await build({
  entryPoints: [path.join(root, 'src/math/index.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile: out,
  logLevel: 'warning',
});
const M = await import(pathToFileURL(out).href);
rmSync(dir, { recursive: true });

const N = 1 << 12;
const f32 = new Float32Array(N);
const u32 = new Uint32Array(f32.buffer);
let seed = 1;
const rand = () => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed / 2 ** 32;
};

const natives = {
  exp: [(x) => Math.exp(x), () => (rand() - 0.5) * 40],
  exp2: [(x) => 2 ** x, () => (rand() - 0.5) * 60],
  exp10: [(x) => 10 ** x, () => (rand() - 0.5) * 20],
  expm1: [(x) => Math.expm1(x), () => (rand() - 0.5) * 40],
  tanh: [(x) => Math.tanh(x), () => (rand() - 0.5) * 8],
  sigmoid: [(x) => 1 / (1 + Math.exp(-x)), () => (rand() - 0.5) * 30],
  log: [(x) => Math.log(x), () => rand() * 100],
  log2: [(x) => Math.log2(x), () => rand() * 100],
  log10: [(x) => Math.log10(x), () => rand() * 100],
  log1p: [(x) => Math.log1p(x), () => rand() * 10 - 0.5],
  rsqrt: [(x) => 1 / Math.sqrt(x), () => rand() * 100],
  softplus: [(x) => (x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x))), () => (rand() - 0.5) * 30],
};

function time(loop) {
  let best = Infinity;
  for (let rep = 0; rep < 7; rep++) {
    const t = performance.now();
    const reps = 200;
    let s = 0;
    for (let r = 0; r < reps; r++) s += loop();
    const ns = ((performance.now() - t) * 1e6) / (reps * N);
    if (s === 0.5) console.log('');
    if (rep > 1) best = Math.min(best, ns);
  }
  return best;
}

const wanted = process.argv.slice(2);
const rows = [];
for (const [fn, [native, gen]] of Object.entries(natives)) {
  if (wanted.length && !wanted.includes(fn)) continue;
  const soft = M[`f32_${fn}`];
  if (!soft) continue;
  for (let i = 0; i < N; i++) f32[i] = gen();
  const nativeLoop = new Function('f32', 'N', 'native', 'let s = 0; for (let i = 0; i < N; i++) s += Math.fround(native(f32[i])); return s;').bind(null, f32, N, native);
  const softLoop = new Function('u32', 'N', 'soft', 'let s = 0; for (let i = 0; i < N; i++) s += soft(u32[i]); return s;').bind(null, u32, N, soft);
  const expLoop = new Function('f32', 'N', 'let s = 0; for (let i = 0; i < N; i++) s += Math.fround(Math.exp(f32[i])); return s;').bind(null, f32, N);
  const tn = time(nativeLoop);
  const ts = time(softLoop);
  const te = time(expLoop);
  rows.push({ fn, softNs: ts.toFixed(1), nativeNs: tn.toFixed(1), ratio: (ts / tn).toFixed(1), vsExpFround: (ts / te).toFixed(1) });
}
console.table(rows);
