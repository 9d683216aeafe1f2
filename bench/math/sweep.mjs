#!/usr/bin/env node
/**
 * Exhaustive sweep of a binary32 elementary function over all 2^32 inputs (or a sub-range) against the reference of
 * test/math/reference.ts (doubles, with the BigInt reference wherever a double is within 2^-40 of a rounding
 * boundary): counts results that are not correctly rounded (word or flags), the largest error in ulps (round to
 * nearest only) and how often the kernels had to take the slow path. In round to nearest, an input whose double value
 * is conclusive by itself (normal, inside a binade, more than 2^-40 relative from every boundary) is checked against
 * Math.fround of that double without building the full reference's result; this screen was checked to agree with
 * the full reference on 3M words for each of 13 functions.
 *
 * Work is split in chunks handed to worker threads. Finished chunks are recorded in a state file after each one, so
 * an interrupted sweep resumes where it stopped (same function, mode and range); results accumulate in the results
 * file.
 *
 * Usage: node bench/math/sweep.mjs --fn exp [--from 0x3f800000] [--to 0x3f8fffff] [--mode 0] [--workers 2]
 *                                  [--chunk 4194304] [--fresh]
 *   --from/--to   inclusive range of input words (default: all 2^32)
 *   --mode        rounding mode 0 1 2 3 4 6 (default 0, round to nearest even)
 *   --fresh       forget the saved progress of this (fn, mode, range)
 * Files: bench/results/math-sweep-state.json (progress), bench/results/math-sweep.json (results).
 */
import { build } from 'esbuild';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const resultsDir = path.join(root, 'bench/results');
const stateFile = path.join(resultsDir, 'math-sweep-state.json');
const resultsFile = path.join(resultsDir, 'math-sweep.json');

function readJson(file, fallback) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return fallback;
  }
}

/** Write atomically (a crash mid-write must not lose the progress already saved). */
function writeJson(file, value) {
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(value, null, 2) + '\n');
  renameSync(tmp, file);
}

const hex = (w) => '0x' + (w >>> 0).toString(16).padStart(8, '0');

if (isMainThread) {
  const { values: opt } = parseArgs({
    options: {
      fn: { type: 'string' },
      from: { type: 'string', default: '0' },
      to: { type: 'string', default: '0xffffffff' },
      mode: { type: 'string', default: '0' },
      workers: { type: 'string', default: String(Math.max(1, os.availableParallelism?.() ?? os.cpus().length)) },
      chunk: { type: 'string', default: '4194304' },
      fresh: { type: 'boolean', default: false },
    },
  });
  if (!opt.fn) {
    console.error('usage: node bench/math/sweep.mjs --fn NAME [--from W] [--to W] [--mode M] [--workers N] [--chunk N]');
    process.exit(2);
  }
  const from = Number(opt.from) >>> 0;
  const to = Number(opt.to) >>> 0;
  const mode = Number(opt.mode);
  const chunk = Math.max(1, Number(opt.chunk));
  const workers = Math.max(1, Number(opt.workers));
  if (to < from) throw new RangeError('--to is below --from');

  // Bundle the library and the reference once for the workers.
  mkdirSync(resultsDir, { recursive: true });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fpuless-sweep-'));
  const entry = path.join(dir, 'entry.ts');
  writeFileSync(
    entry,
    [
      // The function's own module only, so that work in progress elsewhere in src/math cannot break the bundle.
      `export * as M from ${JSON.stringify(path.join(root, `src/math/${opt.fn}.ts`))};`,
      `export { makeReference, doubleOf, doubleParts, F32 } from ${JSON.stringify(path.join(root, 'test/math/reference.ts'))};`,
      `export { env } from ${JSON.stringify(path.join(root, 'src/env/environment.ts'))};`,
      `export { zivStats } from ${JSON.stringify(path.join(root, 'src/math/kernels/round.ts'))};`,
      // Functions newer than the built-in references register theirs from test/math/specs/<fn>.ts.
      ...(existsSync(path.join(root, `test/math/specs/${opt.fn}.ts`))
        ? [`import ${JSON.stringify(path.join(root, `test/math/specs/${opt.fn}.ts`))};`]
        : []),
    ].join('\n'),
  );
  const bundle = path.join(dir, 'bundle.mjs');
  // ignoreAnnotations: package.json's "sideEffects": false would otherwise drop the spec module's import.
  await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile: bundle, logLevel: 'warning', ignoreAnnotations: true });

  const key = `${opt.fn}|mode=${mode}|${hex(from)}-${hex(to)}|chunk=${chunk}`;
  const state = readJson(stateFile, {});
  if (opt.fresh || !state[key]) {
    state[key] = { done: [], checked: 0, wrong: 0, maxUlp: 0, worst: null, zivHard: 0, slowRef: 0, firstWrong: [] };
  }
  const s = state[key];
  const done = new Set(s.done);
  const total = Math.floor((to - from) / chunk) + 1;
  const pending = [];
  for (let i = 0; i < total; i++) if (!done.has(i)) pending.push(i);
  console.log(`${key}: ${total} chunks, ${total - pending.length} already done, ${workers} workers`);

  const started = Date.now();
  let next = 0;
  let active = 0;
  const saveResults = () => {
    const results = readJson(resultsFile, {});
    results[key] = {
      fn: opt.fn,
      mode,
      from: hex(from),
      to: hex(to),
      checked: s.checked,
      wrong: s.wrong,
      maxUlp: s.maxUlp,
      worst: s.worst,
      zivHard: s.zivHard,
      slowReference: s.slowRef,
      firstWrong: s.firstWrong,
      complete: s.done.length === total,
      updated: new Date().toISOString(),
    };
    writeJson(resultsFile, results);
  };

  await new Promise((resolve, reject) => {
    const launch = () => {
      if (next >= pending.length) {
        if (active === 0) resolve();
        return;
      }
      const index = pending[next++];
      const lo = from + index * chunk;
      const hi = Math.min(to, lo + chunk - 1);
      active++;
      const w = new Worker(fileURLToPath(import.meta.url), { workerData: { bundle, fn: opt.fn, mode, lo, hi } });
      w.once('message', (r) => {
        s.checked += r.checked;
        s.wrong += r.wrong;
        s.zivHard += r.zivHard;
        s.slowRef += r.slowRef;
        if (r.maxUlp > s.maxUlp) {
          s.maxUlp = r.maxUlp;
          s.worst = r.worst;
        }
        for (const f of r.firstWrong) if (s.firstWrong.length < 20) s.firstWrong.push(f);
        s.done.push(index);
        writeJson(stateFile, state);
        saveResults();
        const pct = ((s.done.length / total) * 100).toFixed(1);
        console.log(`chunk ${index} [${hex(lo)}, ${hex(hi)}] wrong=${r.wrong} maxUlp=${r.maxUlp.toFixed(3)} (${pct}%, ${((Date.now() - started) / 1000).toFixed(0)} s)`);
      });
      w.once('error', reject);
      w.once('exit', () => {
        active--;
        launch();
      });
    };
    for (let i = 0; i < workers; i++) launch();
  });
  saveResults();
  console.log(JSON.stringify(readJson(resultsFile, {})[key], null, 2));
} else {
  const { bundle, fn, mode, lo, hi } = workerData;
  const lib = await import(pathToFileURL(bundle).href);
  const call = lib.M[`f32_${fn}`];
  if (!call) throw new Error(`no function f32_${fn}`);
  const ref = lib.makeReference(lib.F32, fn, { memo: false });
  const { dbl, pair } = lib.doubleParts(fn);
  const f32 = new Float32Array(1);
  const u32 = new Uint32Array(f32.buffer);
  /** 2^(e - 150): the ulp of a normal binary32 with biased exponent e. */
  const ulpOfExp = Array.from({ length: 256 }, (_, e) => 2 ** (e - 150));
  const ulp = (y) => {
    const ay = Math.abs(y);
    if (ay < 2 ** -126) return 2 ** -149;
    let e = Math.floor(Math.log2(ay));
    if (2 ** e > ay) e--;
    else if (2 ** (e + 1) <= ay) e++;
    return 2 ** (e - 23);
  };
  let checked = 0;
  let wrong = 0;
  let maxUlp = 0;
  let worst = null;
  let screened = 0;
  const firstWrong = [];
  const hard0 = lib.zivStats.hard;
  for (let a = lo; a <= hi; a++) {
    // Round to nearest, screened in doubles: when the double reference (good to 2^-40 relative, as makeReference
    // assumes) lies in the normal range, inside a binade's interior gap, and farther than that from both the
    // representable neighbour and the midpoint, the correctly rounded result is Math.fround of it with inexact
    // alone. Anything else goes to the full reference.
    let expected = -1;
    let expectedFlags = 0;
    let y = NaN;
    if (mode === 0) {
      u32[0] = a;
      const x = f32[0];
      if (x === x && x !== 0 && x !== Infinity && x !== -Infinity && !(pair !== undefined && pair(x) !== null)) {
        y = dbl(x);
        const ay = Math.abs(y);
        if (ay >= 2 ** -126 && ay < 2 ** 127) {
          f32[0] = y;
          const rb = u32[0];
          if ((rb & 0x7fffff) !== 0) {
            // y − fround(y) is exact (Sterbenz).
            const d = Math.abs(y - f32[0]);
            const tol = ay * 2 ** -40;
            if (d > tol && ulpOfExp[(rb >>> 23) & 0xff] / 2 - d > tol) {
              expected = rb;
              expectedFlags = 1;
              screened++;
            }
          }
        }
      }
    }
    if (expected < 0) {
      const r = ref(a, mode);
      expected = r.bits;
      expectedFlags = r.flagsAfter;
      y = NaN;
    }
    lib.env.roundingMode = mode;
    lib.env.tininess = 1;
    lib.env.nanMode = 0;
    lib.env.flags = 0;
    const got = call(a);
    checked++;
    if (got !== expected || lib.env.flags !== expectedFlags) {
      wrong++;
      if (firstWrong.length < 5) firstWrong.push({ input: hex(a), got: hex(got), flags: lib.env.flags, expected: hex(expected), expectedFlags });
    }
    if (mode === 0 && (got & 0x7f800000) !== 0x7f800000) {
      if (y !== y) {
        u32[0] = a;
        y = lib.doubleOf(fn, f32[0]);
      }
      if (Number.isFinite(y)) {
        u32[0] = got;
        const e = Math.abs(f32[0] - y) / ulp(y);
        if (e > maxUlp) {
          maxUlp = e;
          worst = hex(a);
        }
      }
    }
  }
  parentPort.postMessage({ checked, wrong, maxUlp, worst, firstWrong, screened, zivHard: lib.zivStats.hard - hard0, slowRef: ref.slowCount() });
}
