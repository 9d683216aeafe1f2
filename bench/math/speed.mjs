#!/usr/bin/env node
/**
 * Quick speed check of the binary32 elementary functions against native double Math + Math.fround in the same kind
 * of loop (same inputs, results summed so nothing is dead code), on each function's domain mix of
 * bench/math/functions.mjs (npm run bench measures the same with benchmark.js). Bundles src/math with esbuild first.
 * Usage: node bench/math/speed.mjs [fn ...]   (default: every function)
 */
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MATH_FUNCTIONS } from './functions.mjs';

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

const rng = {
  uniform: rand,
  normal: () => {
    let u = 0;
    while (u === 0) u = rand();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
  },
};

// Cody's double erf (the f64 engine's) for the erf family's baseline, as in bench/ops.mjs.
const erfOut = path.join(mkdtempSync(path.join(tmpdir(), 'fpuless-erf-')), 'erf64.mjs');
await build({ entryPoints: [path.join(root, 'src/inference/engines/f64/erf.ts')], bundle: true, platform: 'node', format: 'esm', outfile: erfOut, logLevel: 'warning' });
const erf64 = await import(pathToFileURL(erfOut).href);
rmSync(path.dirname(erfOut), { recursive: true });

/** fn → [native double function, input generator] for the one-operand functions of bench/math/functions.mjs. */
const natives = Object.fromEntries(
  Object.entries(MATH_FUNCTIONS)
    .filter(([, m]) => !m.binary)
    .map(([fn, m]) => [fn, [new Function('erf64', `return (a) => ${m.native};`)(erf64), () => m.domain(rng)]]),
);

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
