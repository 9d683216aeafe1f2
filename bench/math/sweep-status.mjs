#!/usr/bin/env node
/**
 * The state of the full sweeps, from bench/results/math-sweep.json: per function (round to nearest, all 2^32 inputs
 * or the pair sample), how far it got, incorrectly rounded results, the largest error in ulps, undecided roundings,
 * and whether the record is for the code as it is now (the hash of the function's sweep bundle, bundle.mjs): a
 * record of code that has changed since says `stale`.
 * Usage: node bench/math/sweep-status.mjs [--markdown]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleSweep } from './bundle.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const results = JSON.parse(readFileSync(path.join(root, 'bench/results/math-sweep.json'), 'utf8'));
const FUNCTIONS = ['exp', 'exp2', 'exp10', 'expm1', 'log', 'log2', 'log10', 'log1p', 'pow', 'rsqrt', 'hypot', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'atan2', 'sinh', 'cosh', 'tanh', 'asinh', 'acosh', 'atanh', 'erf', 'erfc', 'sigmoid', 'softplus', 'gelu'];

const rows = [];
for (const fn of FUNCTIONS) rows.push(await statusOf(fn));

async function statusOf(fn) {
  // The full-range record, or for the two-operand functions the largest pair sample.
  const recs = Object.values(results).filter((r) => r.fn === fn && r.mode === 0 && (r.pairs || (r.from === '0x00000000' && r.to === '0xffffffff')));
  const r = recs.sort((x, y) => (y.pairs ?? 2 ** 32) - (x.pairs ?? 2 ** 32))[0];
  if (!r) return { fn, inputs: '', checked: '', status: 'not started', wrong: '', maxUlp: '', undecided: '' };
  const total = r.pairs ?? 2 ** 32;
  const { codeHash } = await bundleSweep(fn, { pairs: Boolean(r.pairs) });
  const progress = r.complete ? 'complete' : `${((r.checked / total) * 100).toFixed(1)}%`;
  return {
    fn,
    inputs: r.pairs ? `${r.pairs} pairs` : 'all 2^32',
    checked: r.checked,
    status: r.codeHash === codeHash ? progress : `stale (${progress} of older code)`,
    wrong: r.wrong,
    maxUlp: r.maxUlp.toFixed(11),
    undecided: r.zivHard,
  };
}

if (process.argv.includes('--markdown')) {
  console.log('| function | inputs | status | wrong | max ulp | undecided |');
  console.log('|---|---|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.fn} | ${r.inputs} | ${r.status} | ${r.wrong} | ${r.maxUlp} | ${r.undecided} |`);
} else {
  console.table(rows);
}
