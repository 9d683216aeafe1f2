#!/usr/bin/env node
/**
 * Exhaustive sweep of a binary32 elementary function over all 2^32 inputs (or a sub-range) against the reference of
 * test/math/reference.ts (doubles, with the BigInt reference wherever a double is within 2^-40 of a rounding
 * boundary): counts results that are not correctly rounded (word or flags), the largest error in ulps (round to
 * nearest only) and how often the kernels had to take the slow path. In round to nearest, most inputs are checked
 * against a result the reference's own double rule decides without building the full reference's result
 * (bench/math/screen.mjs; screen-check.mjs compares the two).
 *
 * Work is split in chunks handed to worker threads. Finished chunks are recorded in a state file after each one, so
 * an interrupted sweep resumes where it stopped (same function, mode and range, and the same code: a hash of the
 * bundled function and reference is kept with the progress, and a sweep of changed code starts over); results
 * accumulate in the results file with that hash and the commit the sweep started on.
 *
 * Usage: node bench/math/sweep.mjs --fn exp [--from 0x3f800000] [--to 0x3f8fffff] [--mode 0] [--workers 2]
 *                                  [--chunk 4194304] [--fresh]
 *        node bench/math/sweep.mjs --fn pow --pairs 1073741824 [--mode 0] …     (pow, atan2, hypot)
 *   --from/--to   inclusive range of input words (default: all 2^32)
 *   --mode        rounding mode 0 1 2 3 4 6 (default 0, round to nearest even)
 *   --fresh       forget the saved progress of this (fn, mode, range)
 *   --pairs N     two-operand functions, whose 2^64 pairs no sweep can cover: pairs 0 … N−1 of a fixed pseudo-random
 *                 sequence biased to where the function does real work (PAIR_SAMPLE below says how)
 * Files: bench/results/math-sweep-state.json (progress), bench/results/math-sweep.json (results).
 */
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { bundleSweep } from './bundle.mjs';
import { makeScreen } from './screen.mjs';
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

const ulpDouble = new Float64Array(1);
const ulpWords = new Uint32Array(ulpDouble.buffer);
/** 2^k for k = -149 … 1000, so that ulpOf needs no Math.pow. */
const POW2 = Array.from({ length: 1150 }, (_, i) => 2 ** (i - 149));
/**
 * The binary32 ulp at a double value y (finite, nonzero): 2^(⌊log2|y|⌋ − 23), and 2^-149 below 2^-126. The exponent
 * comes from y's bits (exact, and about 20 times faster than Math.log2, which cost more than a fast-path function
 * itself); little-endian word order, as on every machine Node runs on here.
 */
function ulpOf(y) {
  ulpDouble[0] = y;
  const e = ((ulpWords[1] >>> 20) & 0x7ff) - 1023;
  return e < -126 ? 2 ** -149 : POW2[e - 23 + 149];
}

// ---------------------------------------------------------------------------------------------------------------
// Two-operand functions: a fixed sample of pairs

const PAIR_FUNCTIONS = { pow: 'POW', hypot: 'HYPOT', atan2: null };
const PAIR_SAMPLE =
  'pair i of a fixed sequence (a hash of i): 1/4 uniformly random bit patterns (NaNs, infinities, zeros, subnormals ' +
  'as they fall); 3/4 pairs where the function does real work: pow: x > 0 (1/2 of them within [1/2, 2)) and y with ' +
  '|y·log2 x| <= 160, 1/8 of them y an integer in [-40, 40] and x of either sign; atan2 and hypot: random signs, ' +
  'exponents differing by at most 30';

/** A 32-bit hash (the finalizer of MurmurHash3-like mixers; any good bijection would do). */
function mix32(x) {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

const pairCell = new Float32Array(1);
const pairWord = new Uint32Array(pairCell.buffer);
function wordOf(x) {
  pairCell[0] = x;
  return pairWord[0];
}
function valueOf(w) {
  pairWord[0] = w;
  return pairCell[0];
}

/** Pair number i for fn, as [a, b] words (deterministic; the same on every run and machine). */
function pairOf(fn, i, out) {
  const lo = i % 2 ** 32;
  const hiPart = Math.floor(i / 2 ** 32);
  const h1 = mix32(lo ^ mix32(hiPart + 0x3c6ef372));
  const h2 = mix32(h1 ^ 0x9e3779b9);
  const h3 = mix32(h2 ^ 0x85ebca6b);
  const h4 = mix32(h3 ^ 0xc2b2ae35);
  if ((h3 & 3) === 0) {
    out[0] = h1;
    out[1] = h2;
    return;
  }
  const u = (h) => h / 2 ** 32;
  const normal = (h, e) => (((e + 127) << 23) | (h & 0x7fffff)) >>> 0;
  if (fn === 'pow') {
    const near1 = (h3 & 4) !== 0;
    const e = near1 ? (h3 & 8 ? 0 : -1) : Math.floor(u(h4) * 253) - 126;
    let x = normal(h1, e);
    if ((h3 & 0x70) === 0) {
      // An integer power, where negative bases are defined.
      const y = (h4 % 81) - 40;
      if (h3 & 0x80) x = (x | 0x80000000) >>> 0;
      out[0] = x;
      out[1] = wordOf(y);
      return;
    }
    const l2 = Math.log2(valueOf(x));
    const t = (u(h2) - 0.5) * 320;
    out[0] = x;
    out[1] = l2 === 0 ? h2 : wordOf(t / l2);
    return;
  }
  const ea = Math.floor(u(h4) * 253) - 126;
  const eb = Math.min(127, Math.max(-126, ea + ((h3 >>> 8) % 61) - 30));
  out[0] = (normal(h1, ea) | ((h3 & 4) << 29)) >>> 0;
  out[1] = (normal(h2, eb) | ((h3 & 8) << 28)) >>> 0;
}

async function pairWorker({ bundle, fn, mode, lo, hi }) {
  const lib = await import(pathToFileURL(bundle).href);
  const call = lib.M[`f32_${fn}`];
  const specName = PAIR_FUNCTIONS[fn];
  // One interface over the two reference shapes: get(a, b) after prepare, approx() the double value.
  let ref;
  if (specName) {
    const r = new lib.PairReference(lib.F32, lib.S[specName]);
    ref = { get: (a, b) => (r.prepare(a, b), r.get(mode)), approx: () => r.approx(), slow: () => r.slow };
  } else {
    const r = new lib.S.Atan2Reference(lib.F32);
    ref = { get: (a, b) => r.get(a, b, mode), approx: () => NaN, slow: () => r.slow };
  }
  const dbl = specName ? lib.S[specName].dbl : Math.atan2;
  const ab = [0, 0];
  let checked = 0;
  let wrong = 0;
  let maxUlp = 0;
  let worst = null;
  const firstWrong = [];
  const hard0 = lib.zivStats.hard;
  for (let i = lo; i <= hi; i++) {
    pairOf(fn, i, ab);
    const [a, b] = ab;
    const r = ref.get(a, b);
    lib.env.roundingMode = mode;
    lib.env.tininess = 1;
    lib.env.nanMode = 0;
    lib.env.flags = 0;
    const got = call(a, b);
    checked++;
    if (got !== r.bits || lib.env.flags !== r.flagsAfter) {
      wrong++;
      if (firstWrong.length < 5) firstWrong.push({ input: `${hex(a)} ${hex(b)}`, got: hex(got), flags: lib.env.flags, expected: hex(r.bits), expectedFlags: r.flagsAfter });
    }
    if (mode === 0 && (got & 0x7f800000) !== 0x7f800000) {
      const x = valueOf(a);
      const y = valueOf(b);
      const z = dbl(x, y);
      if (Number.isFinite(z) && z !== 0 && Number.isFinite(x) && Number.isFinite(y)) {
        const e = Math.abs(valueOf(got) - z) / ulpOf(z);
        if (e > maxUlp) {
          maxUlp = e;
          worst = `${hex(a)} ${hex(b)}`;
        }
      }
    }
  }
  parentPort.postMessage({ checked, wrong, maxUlp, worst, firstWrong, zivHard: lib.zivStats.hard - hard0, slowRef: ref.slow() });
}

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
      pairs: { type: 'string' },
    },
  });
  if (!opt.fn) {
    console.error('usage: node bench/math/sweep.mjs --fn NAME [--from W] [--to W] [--mode M] [--workers N] [--chunk N] [--fresh]');
    console.error('       node bench/math/sweep.mjs --fn pow|atan2|hypot --pairs N [--mode M] [--workers N] [--chunk N]');
    process.exit(2);
  }
  if (!/^[a-z0-9]+$/.test(opt.fn) || !existsSync(path.join(root, `src/math/${opt.fn}.ts`))) {
    console.error(`--fn ${opt.fn}: no such function in src/math`);
    process.exit(2);
  }
  // Two-operand functions: --pairs N checks pairs number 0 … N−1 of a fixed pseudo-random sequence (see pairOf).
  const pairs = opt.pairs === undefined ? 0 : Number(opt.pairs);
  if (opt.pairs !== undefined && !(Number.isInteger(pairs) && pairs >= 1 && pairs <= 2 ** 48)) {
    throw new RangeError(`--pairs ${opt.pairs}: a count from 1 to 2^48`);
  }
  if ((pairs > 0) !== (opt.fn in PAIR_FUNCTIONS)) {
    throw new RangeError(pairs > 0 ? `--pairs is for ${Object.keys(PAIR_FUNCTIONS).join(', ')}` : `${opt.fn} takes two operands: give --pairs N`);
  }
  const from = pairs > 0 ? 0 : Number(opt.from) >>> 0;
  const to = pairs > 0 ? pairs - 1 : Number(opt.to) >>> 0;
  const mode = Number(opt.mode);
  const chunk = Math.max(1, Number(opt.chunk));
  const workers = Math.max(1, Number(opt.workers));
  if (to < from) throw new RangeError('--to is below --from');

  // Bundle the function and the reference once for the workers.
  mkdirSync(resultsDir, { recursive: true });
  const { bundle, codeHash } = await bundleSweep(opt.fn, { pairs: pairs > 0 });

  const key = pairs > 0 ? `${opt.fn}|mode=${mode}|pairs=${pairs}|chunk=${chunk}` : `${opt.fn}|mode=${mode}|${hex(from)}-${hex(to)}|chunk=${chunk}`;
  // The bundle's hash identifies what was checked: progress made on other code does not count. (Progress saved
  // before hashes were kept is taken as made on this code.)
  let commit = null;
  try {
    commit = execSync('git rev-parse --short HEAD', { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    // not a git checkout
  }
  const state = readJson(stateFile, {});
  if (state[key] && state[key].codeHash !== undefined && state[key].codeHash !== codeHash && !opt.fresh) {
    console.log(`${key}: the code changed since the saved progress (${state[key].codeHash} → ${codeHash}); starting over`);
    delete state[key];
  }
  if (opt.fresh || !state[key]) {
    state[key] = { done: [], checked: 0, wrong: 0, maxUlp: 0, worst: null, zivHard: 0, slowRef: 0, firstWrong: [] };
  }
  const s = state[key];
  s.codeHash = codeHash;
  s.commit ??= commit;
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
      ...(pairs > 0 ? { pairs, sample: PAIR_SAMPLE } : { from: hex(from), to: hex(to) }),
      checked: s.checked,
      wrong: s.wrong,
      maxUlp: s.maxUlp,
      worst: s.worst,
      zivHard: s.zivHard,
      slowReference: s.slowRef,
      firstWrong: s.firstWrong,
      complete: s.done.length === total,
      codeHash,
      commit: s.commit,
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
      const w = new Worker(fileURLToPath(import.meta.url), { workerData: { bundle, fn: opt.fn, mode, lo, hi, pairs: pairs > 0 } });
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
} else if (workerData.pairs) {
  await pairWorker(workerData);
} else {
  await wordWorker(workerData);
}

/** One chunk of a one-operand sweep. */
async function wordWorker({ bundle, fn, mode, lo, hi }) {
  const lib = await import(pathToFileURL(bundle).href);
  const call = lib.M[`f32_${fn}`];
  if (!call) throw new Error(`no function f32_${fn}`);
  const ref = lib.makeReference(lib.F32, fn, { memo: false });
  const screen = makeScreen(lib, fn);
  const f32 = new Float32Array(1);
  const u32 = new Uint32Array(f32.buffer);
  let checked = 0;
  let wrong = 0;
  let maxUlp = 0;
  let worst = null;
  let screened = 0;
  const firstWrong = [];
  const hard0 = lib.zivStats.hard;
  for (let a = lo; a <= hi; a++) {
    // Round to nearest: most results follow from a double alone (bench/math/screen.mjs); the rest, and every
    // result in the other modes, come from the full reference.
    let expected = mode === 0 ? screen(a) : -1;
    let expectedFlags = screen.flags;
    let y = mode === 0 ? screen.dbl : NaN;
    if (expected >= 0) {
      screened++;
    } else {
      const r = ref(a, mode);
      expected = r.bits;
      expectedFlags = r.flagsAfter;
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
        const e = Math.abs(f32[0] - y) / ulpOf(y);
        if (e > maxUlp) {
          maxUlp = e;
          worst = hex(a);
        }
      }
    }
  }
  parentPort.postMessage({ checked, wrong, maxUlp, worst, firstWrong, screened, zivHard: lib.zivStats.hard - hard0, slowRef: ref.slowCount() });
}
