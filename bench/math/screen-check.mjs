#!/usr/bin/env node
/**
 * Checks bench/math/screen.mjs against the full reference: on sampled binary32 words of each function, every result
 * the screen decides must equal the reference's in round to nearest, flags included. The sample: from each of the
 * 1,024 blocks of 2^22 words, its first and last 64 words and 1,024 consecutive words at a hashed offset, and every
 * word within 2^12 of the small-argument thresholds the references use (|x| = 2^-20, 2^-30).
 *
 * Usage: node bench/math/screen-check.mjs [fn ...]   (default: every one-operand function)
 * Exit status 1 on any disagreement.
 */
import { pathToFileURL } from 'node:url';
import { bundleSweep } from './bundle.mjs';
import { makeScreen } from './screen.mjs';

const ALL = 'exp exp2 exp10 expm1 log log2 log10 log1p rsqrt sin cos tan asin acos atan sinh cosh tanh asinh acosh atanh erf erfc sigmoid softplus gelu';
const fns = process.argv.length > 2 ? process.argv.slice(2) : ALL.split(' ');

function* sample() {
  for (let k = 0; k < 1024; k++) {
    const base = k * 2 ** 22;
    for (let i = 0; i < 64; i++) yield base + i;
    for (let i = 2 ** 22 - 64; i < 2 ** 22; i++) yield base + i;
    const off = (Math.imul(k + 1, 0x9e3779b9) >>> 0) % (2 ** 22 - 1024);
    for (let i = 0; i < 1024; i++) yield base + off + i;
  }
  for (const t of [0x35800000, 0x30800000]) {
    for (const sign of [0, 0x80000000]) for (let i = -4096; i <= 4096; i++) yield (sign | (t + i)) >>> 0;
  }
}

let failed = false;
for (const fn of fns) {
  const { bundle } = await bundleSweep(fn);
  const lib = await import(pathToFileURL(bundle).href);
  const ref = lib.makeReference(lib.F32, fn, { memo: false });
  const screen = makeScreen(lib, fn);
  let n = 0;
  let decided = 0;
  let bad = 0;
  for (const a of sample()) {
    n++;
    const s = screen(a);
    if (s < 0) continue;
    decided++;
    const r = ref(a, 0);
    if (r.bits !== s || r.flagsAfter !== screen.flags) {
      if (bad++ < 5) console.log(`${fn} 0x${a.toString(16)}: screen 0x${s.toString(16)} flags ${screen.flags}, reference 0x${r.bits.toString(16)} flags ${r.flagsAfter}`);
    }
  }
  console.log(`${fn.padEnd(8)} ${n} words, ${decided} decided by the screen (${((100 * decided) / n).toFixed(1)}%), ${bad} disagreements`);
  if (bad) failed = true;
}
process.exit(failed ? 1 : 0);
