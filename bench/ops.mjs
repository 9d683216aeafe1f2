#!/usr/bin/env node
/**
 * Throughput of every fpuless arithmetic word and conversion, per format and input mix, next to a native float32
 * baseline measured in the same run.
 *
 * Each case is a pair of loops of identical shape over the same pre-generated inputs (N elements per call, results
 * stored to a typed array so nothing is dead code): the soft loop calls the fpuless word on cells held in
 * Uint32Array / Uint16Array / Int32Array, the native loop does the closest native float32 operation on the same
 * values held in Float32Array (Float64Array for the narrowing conversions). Every loop is compiled from its own
 * source text, so each call site sees exactly one target and V8 can inline it.
 *
 * Usage: node bench/ops.mjs [--op add,mulAdd] [--format f32] [--mix nn] [--max-time 0.5] [--min-samples 8]
 *                           [--n 4096] [--lib dist/index.js] [--out bench/results/ops.json] [--dry] [--list]
 *        node bench/ops.mjs --floor     (f32 add and mul beside stripped kernels that bound any correct one's cost,
 *                                        bench/floor/kernels.ts; writes bench/results/floor.json)
 * --op matches the generic name (add, F_to_i32, F_to_f16, i64_to_F …) or the word itself (f16_to_i32).
 * A subset run updates its own records in the output file and keeps the others (if they were measured on the same
 * CPU and Node version).
 *
 * Result: bench/results/ops.json = { meta, results: [{op, format, mix, word, opsPerSec, nativeOpsPerSec, ratio, …}] }
 * with ratio = nativeOpsPerSec / opsPerSec (= soft time / native time; lower is better).
 */
import Benchmark from 'benchmark';
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { MATH_FUNCTIONS, MATH_TARGETS } from './math/functions.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');

// ---------------------------------------------------------------------------------------------------------------
// Options

const { values: opt } = parseArgs({
  options: {
    op: { type: 'string', multiple: true },
    format: { type: 'string', multiple: true },
    mix: { type: 'string', multiple: true },
    'max-time': { type: 'string', default: '0.5' },
    'min-samples': { type: 'string', default: '8' },
    timer: { type: 'string', default: 'auto' },
    n: { type: 'string', default: '4096' },
    lib: { type: 'string', default: path.join(root, 'dist/index.js') },
    out: { type: 'string' },
    dry: { type: 'boolean', default: false },
    floor: { type: 'boolean', default: false },
    list: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (opt.help) {
  console.log(
    'node bench/ops.mjs [--op a,b] [--format f32,f16,bf16] [--mix normal,bits,nn] [--max-time s] [--min-samples k]\n' +
      '                   [--n elements] [--lib module] [--out file] [--dry (no file)] [--list (cases only)]\n' +
      '                   [--timer wall|cpu|auto (cpu when the load average exceeds the cores; default auto)]',
  );
  process.exit(0);
}
opt.out ??= path.join(here, opt.floor ? 'results/floor.json' : 'results/ops.json');
const splitList = (v) => (v ? v.flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean) : null);
const wantOps = splitList(opt.op);
const wantFormats = splitList(opt.format);
const wantMixes = splitList(opt.mix);
const N = Number(opt.n);
const MAX_TIME = Number(opt['max-time']);
const MIN_SAMPLES = Number(opt['min-samples']);
if (!['auto', 'wall', 'cpu'].includes(opt.timer)) throw new Error(`--timer ${opt.timer}: wall, cpu or auto`);
const TIMER = opt.timer === 'auto' ? (os.loadavg()[0] > os.cpus().length ? 'cpu' : 'wall') : opt.timer;

/**
 * The cpu timer: benchmark.js times with process.hrtime; on a shared machine, handing it this process's CPU time
 * instead (same [s, ns] interface, microsecond resolution) leaves out the time other processes hold the cores.
 */
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
// Random numbers (seeded, so every run measures the same inputs)

function makeRng(seedText) {
  let h = 0x811c9dc5;
  for (let i = 0; i < seedText.length; i++) h = Math.imul(h ^ seedText.charCodeAt(i), 0x01000193);
  let a = h >>> 0;
  const u32 = () => {
    // mulberry32
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const uniform = () => u32() / 4294967296;
  let spare = null;
  const normal = () => {
    if (spare !== null) {
      const s = spare;
      spare = null;
      return s;
    }
    let u = 0;
    while (u === 0) u = uniform();
    const r = Math.sqrt(-2 * Math.log(u));
    const th = 2 * Math.PI * uniform();
    spare = r * Math.sin(th);
    return r * Math.cos(th);
  };
  const int = (lo, hi) => lo + Math.floor(uniform() * (hi - lo + 1));
  return { u32, uniform, normal, int };
}

// ---------------------------------------------------------------------------------------------------------------
// Encodings (the bench side may use native floats)

const f32Cell = new Float32Array(1);
const u32Cell = new Uint32Array(f32Cell.buffer);
const f32Bits = (x) => ((f32Cell[0] = x), u32Cell[0]);
const f32Value = (u) => ((u32Cell[0] = u), f32Cell[0]);

/** binary32 word to binary16, round to nearest even (NaN: quiet, top payload bits). */
function f16FromF32Bits(u) {
  const sign = (u >>> 16) & 0x8000;
  const exp = (u >>> 23) & 0xff;
  const frac = u & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (frac !== 0 ? 0x200 | (frac >>> 13) : 0);
  const e = exp - 127 + 15;
  if (e >= 31) return sign | 0x7c00;
  let m;
  let drop;
  let base;
  if (e <= 0) {
    if (e < -11) return sign;
    m = frac | 0x800000;
    drop = 14 - e;
    base = 0;
  } else {
    m = frac;
    drop = 13;
    base = e << 10;
  }
  const half = 2 ** (drop - 1);
  const low = m % (2 * half);
  let q = Math.floor(m / (2 * half));
  if (low > half || (low === half && (q & 1) === 1)) q++;
  return sign | (base + q); // a carry moves into the exponent (and on to infinity) as it should
}
function f16Value(h) {
  const sign = h & 0x8000 ? -1 : 1;
  const e = (h >>> 10) & 0x1f;
  const m = h & 0x3ff;
  if (e === 0x1f) return m !== 0 ? NaN : sign * Infinity;
  if (e === 0) return sign * m * 2 ** -24;
  return sign * (1024 + m) * 2 ** (e - 25);
}
function bf16FromF32Bits(u) {
  if ((u & 0x7f800000) === 0x7f800000 && (u & 0x7fffff) !== 0) return (u >>> 16) | 0x40;
  return Math.floor((u + 0x7fff + ((u >>> 16) & 1)) / 65536);
}
const bf16Value = (h) => f32Value((h << 16) >>> 0);

const FORMATS = {
  f32: { name: 'f32', bits: 32, expBits: 8, fracBits: 23, Arr: Uint32Array, enc: f32Bits, dec: f32Value },
  f16: {
    name: 'f16',
    bits: 16,
    expBits: 5,
    fracBits: 10,
    Arr: Uint16Array,
    enc: (x) => f16FromF32Bits(f32Bits(x)),
    dec: f16Value,
  },
  bf16: {
    name: 'bf16',
    bits: 16,
    expBits: 8,
    fracBits: 7,
    Arr: Uint16Array,
    enc: (x) => bf16FromF32Bits(f32Bits(x)),
    dec: bf16Value,
  },
};
for (const F of Object.values(FORMATS)) {
  F.bias = (1 << (F.expBits - 1)) - 1;
  F.emin = 1 - F.bias;
  F.emax = F.bias;
  F.fromF32Bits = F.name === 'f32' ? (u) => u : F.name === 'f16' ? f16FromF32Bits : bf16FromF32Bits;
}

// ---------------------------------------------------------------------------------------------------------------
// Input mixes

const MIXES = {
  normal:
    'random sign and fraction, exponent uniform over the central half of the normal range (|e| <= emax/2) so that ' +
    'sums, products and quotients of two stay normal; sqrt gets positive values; conversions to a narrower format ' +
    'draw from the narrower normal range, conversions to integers from the integer range (1/2 … 2^31 or 2^63, ' +
    'positive for unsigned), integer inputs have a uniformly random bit length and sign',
  bits: 'uniformly random bit patterns (NaNs, infinities, subnormals, zeros included as they fall)',
  domain:
    'elementary functions only: values spread over the range where the function does real work (bench/math/' +
    'functions.mjs: e.g. exp on [-20, 20], log on (0, 100), tanh on [-4, 4], asin on [-1, 1])',
  nn:
    'network-like values: weights w ~ N(0, 0.05) with 1% outliers ~ N(0, 1), activations x = ReLU(N(0, 1)) (half ' +
    'zeros), partial sums s = sum of 1…64 products w·x; add/sub: s ± w·x, mul: w·x, mulAdd: w·x + s, div: s / ' +
    'sqrt(var), sqrt: var = mean of 16 s² + 1e-5, rem: s rem w, roundToInt and to-integer: s·400 (quantization ' +
    'codes), integer inputs: int8 dot-product accumulators ~ N(0, 4000), float conversions: equal mix of w, x, s; ' +
    'elementary functions: softmax arguments (logit − max) for exp, variances for log and rsqrt, pre-activations ' +
    'N(0, 2) for tanh, sigmoid, softplus, erf and gelu',
};

/** A value of the given role for the nn mix. */
function nnValue(rng, role) {
  const w = () => (rng.uniform() < 0.01 ? rng.normal() : rng.normal() * 0.05);
  const x = () => Math.max(0, rng.normal());
  const s = () => {
    const k = rng.int(1, 64);
    let acc = 0;
    for (let j = 0; j < k; j++) acc += w() * x();
    return acc;
  };
  const v = () => {
    let acc = 0;
    for (let j = 0; j < 16; j++) acc += s() ** 2;
    return acc / 16 + 1e-5;
  };
  switch (role) {
    case 'w':
      return w();
    case 'x':
      return x();
    case 'p':
      return w() * x();
    case 's':
      return s();
    case 'v':
      return v();
    case 'den':
      return Math.sqrt(v());
    case 'q':
      return s() * 400;
    case 'any': {
      const r = rng.int(0, 2);
      return r === 0 ? w() : r === 1 ? x() : s();
    }
    default:
      throw new Error(`nn role ${role}`);
  }
}

/** A normal word of F with unbiased exponent in [lo, hi]. */
function normalWord(rng, F, lo, hi, positive) {
  const e = rng.int(Math.max(lo, F.emin), Math.min(hi, F.emax)) + F.bias;
  const frac = rng.u32() % 2 ** F.fracBits;
  const sign = positive ? 0 : rng.u32() & 1;
  return sign * 2 ** (F.bits - 1) + e * 2 ** F.fracBits + frac;
}

/**
 * Word array of F for one float operand. spec: { nn: role, range: [lo, hi] (normal mix exponent range), pos }.
 */
function floatOperand(rng, F, mix, spec) {
  const out = new F.Arr(N);
  const half = Math.floor(F.emax / 2);
  const [lo, hi] = spec.range ?? [-half, half];
  for (let i = 0; i < N; i++) {
    if (mix === 'bits') out[i] = rng.u32() % 2 ** F.bits;
    else if (mix === 'normal') out[i] = normalWord(rng, F, lo, hi, spec.pos);
    else out[i] = F.enc(spec.pos ? Math.abs(nnValue(rng, spec.nn)) : nnValue(rng, spec.nn));
  }
  return out;
}

/** Integer operand(s): kind i32 | ui32 give one array; i64 | ui64 give [hi, lo]. */
function intOperand(rng, kind, mix) {
  const wide = kind === 'i64' || kind === 'ui64';
  const signed = kind === 'i32' || kind === 'i64';
  const width = wide ? 64 : 32;
  const lo = new Uint32Array(N);
  const hi = signed ? new Int32Array(N) : new Uint32Array(N);
  for (let i = 0; i < N; i++) {
    let h;
    let l;
    if (mix === 'bits') {
      h = rng.u32();
      l = rng.u32();
    } else {
      // a magnitude m as (h, l), then negated in two's complement for a negative sign
      let neg = false;
      if (mix === 'normal') {
        const len = rng.int(1, signed ? width - 1 : width);
        l = rng.u32();
        h = rng.u32();
        if (len <= 32) {
          h = 0;
          l = len === 32 ? l | 0x80000000 : (l % 2 ** (len - 1)) + 2 ** (len - 1);
        } else {
          h = len === 64 ? h | 0x80000000 : (h % 2 ** (len - 33)) + 2 ** (len - 33);
        }
        neg = signed && (rng.u32() & 1) === 1;
      } else {
        const v = Math.round(rng.normal() * 4000);
        l = Math.abs(v);
        h = 0;
        neg = signed ? v < 0 : false;
      }
      if (neg) {
        l = (2 ** 32 - l) % 2 ** 32;
        h = (~h + (l === 0 ? 1 : 0)) >>> 0;
      }
      if (!wide && signed) l = l | 0;
    }
    if (wide) {
      hi[i] = h;
      lo[i] = l;
    } else {
      lo[i] = l;
    }
  }
  if (wide) return [hi, lo];
  return [signed ? Int32Array.from(lo, (v) => v | 0) : lo];
}

// ---------------------------------------------------------------------------------------------------------------
// Cases

const TARGETS = { add: 5, sub: 5, mul: 5, div: 8, sqrt: 8, mulAdd: 10 };

/**
 * A case: op (generic name), format, word, arrays for the soft loop (A, B, C in, O, P out), arrays for the native
 * loop, and one statement per loop.
 */
const cases = [];

function arithCases() {
  const bin = (op, sym, roles) => ({
    op,
    soft: 'O[i] = f(A[i], B[i]);',
    native: `O[i] = Math.fround(A[i] ${sym} B[i]);`,
    nativeText: `Math.fround(a ${sym} b)`,
    operands: roles.map((nn) => ({ nn })),
    exact: true,
  });
  const list = [
    bin('add', '+', ['s', 'p']),
    bin('sub', '-', ['s', 'p']),
    bin('mul', '*', ['w', 'x']),
    { ...bin('div', '/', ['s', 'den']) },
    {
      op: 'sqrt',
      soft: 'O[i] = f(A[i]);',
      native: 'O[i] = Math.fround(Math.sqrt(A[i]));',
      nativeText: 'Math.fround(Math.sqrt(a))',
      operands: [{ nn: 'v', pos: true }],
      exact: true,
    },
    {
      op: 'mulAdd',
      soft: 'O[i] = f(A[i], B[i], C[i]);',
      native: 'O[i] = Math.fround(A[i] * B[i] + C[i]);',
      nativeText: 'Math.fround(a * b + c)',
      operands: [{ nn: 'w' }, { nn: 'x' }, { nn: 's' }],
    },
    {
      op: 'rem',
      soft: 'O[i] = f(A[i], B[i]);',
      native: 'O[i] = Math.fround(A[i] % B[i]);',
      nativeText: 'Math.fround(a % b) (fmod; JS has no IEEE remainder)',
      operands: [{ nn: 's' }, { nn: 'w' }],
    },
    {
      op: 'roundToInt',
      soft: 'O[i] = f(A[i], 0, false);',
      native: 'O[i] = Math.fround(Math.round(A[i]));',
      nativeText: 'Math.fround(Math.round(a))',
      operands: [{ nn: 'q', range: [-2, 30] }],
    },
  ];
  for (const F of Object.values(FORMATS)) {
    for (const c of list) {
      cases.push({
        ...c,
        format: F.name,
        word: `${F.name}_${c.op}`,
        target: TARGETS[c.op] ?? null,
        build(mix) {
          const rng = makeRng(`${this.word}|${mix}`);
          const ins = c.operands.map((spec) => floatOperand(rng, F, mix, spec));
          const nat = ins.map((a) => Float32Array.from(a, F.dec));
          return {
            soft: { A: ins[0], B: ins[1], C: ins[2], O: new F.Arr(N) },
            native: { A: nat[0], B: nat[1], C: nat[2], O: new Float32Array(N) },
            // the native result is exact for f32; for f16 and bf16 rounding it again is innocuous (24 >= 2p + 2)
            check: c.exact ? (s, n) => checkWords(s.O, n.O, (v) => F.fromF32Bits(f32Bits(v)), F) : null,
          };
        },
      });
    }
  }
}

/** Count non-NaN results where the soft word and the native-derived word differ. */
function checkWords(softOut, nativeOut, toWord, F) {
  let bad = 0;
  for (let i = 0; i < N; i++) {
    const n = nativeOut[i];
    if (Number.isNaN(n)) continue;
    if (softOut[i] !== toWord(n)) bad++;
  }
  return bad;
}

function floatConversionCases() {
  const pairs = [
    ['f32', 'f16'],
    ['f32', 'bf16'],
    ['f16', 'f32'],
    ['bf16', 'f32'],
    ['f16', 'bf16'],
    ['bf16', 'f16'],
  ];
  for (const [from, to] of pairs) {
    const S = FORMATS[from];
    const D = FORMATS[to];
    const widening = to === 'f32';
    cases.push({
      op: `F_to_${to}`,
      format: from,
      word: `${from}_to_${to}`,
      target: null,
      soft: 'O[i] = f(A[i]);',
      native: widening ? 'O[i] = A[i];' : 'O[i] = Math.fround(A[i]);',
      nativeText: widening ? 'Float32Array load → Float64Array store (widening)' : 'Math.fround of a double → Float32Array',
      build(mix) {
        const rng = makeRng(`${this.word}|${mix}`);
        const range = S.bits > D.bits || (from === 'bf16' && to === 'f16') ? [D.emin, D.emax] : [S.emin, S.emax];
        const a = floatOperand(rng, S, mix, { nn: 'any', range });
        return {
          soft: { A: a, O: new D.Arr(N) },
          native: widening
            ? { A: Float32Array.from(a, S.dec), O: new Float64Array(N) }
            : { A: Float64Array.from(a, S.dec), O: new Float32Array(N) },
          check: widening ? (s, n) => checkWords(s.O, n.O, f32Bits, D) : null,
        };
      },
    });
  }
}

function intConversionCases() {
  for (const F of Object.values(FORMATS)) {
    for (const kind of ['i32', 'ui32', 'i64', 'ui64']) {
      const wide = kind.endsWith('64');
      const signed = !kind.startsWith('u');
      // integer → F
      cases.push({
        op: `${kind}_to_F`,
        format: F.name,
        word: `${kind}_to_${F.name}`,
        target: null,
        soft: wide ? 'O[i] = f(B[i], A[i]);' : 'O[i] = f(A[i]);',
        native: wide ? 'O[i] = Math.fround(B[i] * 4294967296 + A[i]);' : 'O[i] = Math.fround(A[i]);',
        nativeText: wide ? 'Math.fround(hi * 2^32 + lo)' : 'Math.fround(int)',
        build(mix) {
          const rng = makeRng(`${this.word}|${mix}`);
          const [x, y] = intOperand(rng, kind, mix);
          const arrays = wide ? { A: y, B: x } : { A: x };
          return {
            soft: { ...arrays, O: new F.Arr(N) },
            native: { ...arrays, O: new Float32Array(N) },
            check: !wide && F.name === 'f32' ? (s, n) => checkWords(s.O, n.O, f32Bits, F) : null,
          };
        },
      });
      // F → integer, in a rounding mode and toward zero
      const I = kind;
      for (const minMag of [false, true]) {
        const args = minMag ? 'A[i], false' : 'A[i], 0, false';
        const softStmt = wide ? `O[i] = f(${args}); P[i] = w.hi;` : `O[i] = f(${args});`;
        let native;
        let nativeText;
        if (wide) {
          native = 'const t = Math.trunc(A[i]); O[i] = t; P[i] = Math.floor(t / 4294967296);';
          nativeText = 'Math.trunc, split into two words (ToUint32 / floor(t / 2^32))';
        } else {
          native = signed ? 'O[i] = A[i] | 0;' : 'O[i] = A[i] >>> 0;';
          nativeText = signed ? 'a | 0 (truncating, like cvttss2si)' : 'a >>> 0';
        }
        const maxLen = (wide ? 64 : 32) - (signed ? 1 : 0);
        cases.push({
          op: `F_to_${I}${minMag ? '_r_minMag' : ''}`,
          format: F.name,
          word: `${F.name}_to_${I}${minMag ? '_r_minMag' : ''}`,
          target: null,
          soft: softStmt,
          native,
          nativeText,
          build(mix) {
            const rng = makeRng(`${this.word}|${mix}`);
            const a = floatOperand(rng, F, mix, { nn: 'q', range: [-1, maxLen - 1], pos: !signed });
            const Out = signed && !wide ? Int32Array : Uint32Array;
            return {
              soft: { A: a, O: new Out(N), P: wide ? new Int32Array(N) : undefined },
              native: { A: Float32Array.from(a, F.dec), O: new Out(N), P: wide ? new Int32Array(N) : undefined },
              check: null,
            };
          },
        });
      }
    }
  }
}

/**
 * The elementary functions (src/math), on the domain mix and, for those networks use, the nn mix. The native side
 * is the double Math function rounded by Math.fround; erf, erfc and gelu, which JavaScript lacks, are measured
 * against Cody's rational erf in doubles (src/inference/engines/f64/erf.ts, bundled here on demand).
 */
function mathCases() {
  for (const [fn, m] of Object.entries(MATH_FUNCTIONS)) {
    for (const F of Object.values(FORMATS)) {
      const expr = m.native.replace(/\ba\b/g, 'A[i]').replace(/\bb\b/g, 'B[i]').replace(/\berf64\./g, 'f.');
      cases.push({
        op: fn,
        format: F.name,
        word: `${F.name}_${fn}`,
        target: F.name === 'f32' ? (MATH_TARGETS[fn] ?? null) : null,
        soft: m.binary ? 'O[i] = f(A[i], B[i]);' : 'O[i] = f(A[i]);',
        native: `O[i] = Math.fround(${expr});`,
        nativeText: `Math.fround(${m.native})`,
        nativeNeedsErf: m.native.includes('erf64.'),
        mixes: m.nn ? ['domain', 'nn'] : ['domain'],
        build(mix) {
          const rng = makeRng(`${this.word}|${mix}`);
          const gen = mix === 'nn' ? m.nn : m.domain;
          const a = new F.Arr(N);
          const b = m.binary ? new F.Arr(N) : undefined;
          for (let i = 0; i < N; i++) {
            a[i] = F.enc(gen(rng));
            if (b) b[i] = F.enc(m.domainB(rng));
          }
          return {
            soft: { A: a, B: b, O: new F.Arr(N) },
            native: { A: Float32Array.from(a, F.dec), B: b && Float32Array.from(b, F.dec), O: new Float32Array(N) },
            check: null,
          };
        },
      });
    }
  }
}

/**
 * --floor: the stripped kernels of bench/floor/kernels.ts (right only on the normal mix, which the check confirms)
 * next to f32_add and f32_mul, all on the normal mix.
 */
async function floorCases() {
  const { build } = await import('esbuild');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fpuless-floor-'));
  const out = path.join(dir, 'floor.mjs');
  await build({ entryPoints: [path.join(here, 'floor/kernels.ts')], bundle: true, platform: 'node', format: 'esm', outfile: out, logLevel: 'warning' });
  const K = await import(pathToFileURL(out).href);
  fs.rmSync(dir, { recursive: true });
  const real = cases.filter((c) => c.format === 'f32' && (c.op === 'add' || c.op === 'mul'));
  const floors = [];
  for (const c of real) {
    for (const kind of ['Bare', 'Flag']) {
      floors.push({ ...c, op: `${c.op}-floor-${kind.toLowerCase()}`, word: `${c.op}${kind}`, fn: K[`${c.op}${kind}`], target: null });
    }
  }
  cases.length = 0;
  for (const c of [...real, ...floors]) cases.push({ ...c, mixes: ['normal'] });
}

arithCases();
floatConversionCases();
intConversionCases();
mathCases();
if (opt.floor) await floorCases();

const selected = [];
for (const c of cases) {
  if (wantOps && !wantOps.includes(c.op) && !wantOps.includes(c.word)) continue;
  if (wantFormats && !wantFormats.includes(c.format)) continue;
  for (const mix of c.mixes ?? ['normal', 'bits', 'nn']) {
    if (wantMixes && !wantMixes.includes(mix)) continue;
    selected.push({ c, mix });
  }
}
if (opt.list) {
  for (const { c, mix } of selected) console.log(`${c.word.padEnd(24)} ${c.op.padEnd(20)} ${c.format.padEnd(5)} ${mix}`);
  process.exit(0);
}
if (selected.length === 0) {
  console.error('no case matches the selection (try --list)');
  process.exit(1);
}

// ---------------------------------------------------------------------------------------------------------------
// Measuring

let seq = 0;
/** One loop over N elements, compiled from its own source so its call site has a single target. */
function compileLoop(label, stmt, f, wideCell, arrays) {
  const src =
    `// ${label} #${seq++}\n'use strict';\n` +
    `return function run() {\n  for (let i = 0; i < ${N}; i++) { ${stmt} }\n};`;
  // eslint-disable-next-line no-new-func
  return new Function('f', 'w', 'A', 'B', 'C', 'O', 'P', src)(
    f,
    wideCell,
    arrays.A,
    arrays.B,
    arrays.C,
    arrays.O,
    arrays.P,
  );
}

function measure(name, run) {
  const bench = new Bench(name, run, { maxTime: MAX_TIME, minSamples: MIN_SAMPLES, initCount: 1 });
  bench.run();
  if (bench.error) throw bench.error;
  return { opsPerSec: bench.hz * N, rme: bench.stats.rme, samples: bench.stats.sample.length };
}

/** Cody's double erf, erfc and gelu (the f64 engine's), bundled from src on first use. */
let erf64Module = null;
async function erf64() {
  if (erf64Module) return erf64Module;
  const { build } = await import('esbuild');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fpuless-bench-'));
  const out = path.join(dir, 'erf64.mjs');
  await build({ entryPoints: [path.join(root, 'src/inference/engines/f64/erf.ts')], bundle: true, platform: 'node', format: 'esm', outfile: out, logLevel: 'warning' });
  erf64Module = await import(pathToFileURL(out).href);
  fs.rmSync(dir, { recursive: true });
  return erf64Module;
}

const libPath = path.resolve(opt.lib);
const lib = await import(pathToFileURL(libPath).href);
const wideCell = lib.wide;

function gitInfo() {
  try {
    const commit = execSync('git rev-parse --short HEAD', { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
    const dirty = execSync('git status --porcelain -- src', { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
    return dirty ? `${commit}+dirty` : commit;
  } catch {
    return null;
  }
}

const cpus = os.cpus();
const meta = {
  date: new Date().toISOString(),
  machine: {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    arch: os.arch(),
    platform: `${os.platform()} ${os.release()}`,
    loadavgAtStart: os.loadavg().map((x) => Math.round(x * 100) / 100),
  },
  node: process.version,
  v8: process.versions.v8,
  lib: path.relative(root, libPath),
  commit: gitInfo(),
  elementsPerCall: N,
  benchmark: { maxTime: MAX_TIME, minSamples: MIN_SAMPLES },
  timer:
    TIMER === 'cpu'
      ? 'cpu: process CPU time (user + system) fed to benchmark.js instead of wall time, as the machine was shared'
      : 'wall: process.hrtime (benchmark.js default)',
  ratio: 'nativeOpsPerSec / opsPerSec = soft time ÷ native time (lower is better)',
  targets: { ...TARGETS, note: 'issue targets for f32 (soft ÷ native time); shown for f16/bf16 for reference' },
  mixes: MIXES,
};

const results = [];
const skipped = [];
const t0 = Date.now();
console.error(
  `fpuless bench: ${selected.length} cases, ${N} elements per call, maxTime ${MAX_TIME}s, ` +
    `${meta.machine.cpu}, node ${process.version}, load ${meta.machine.loadavgAtStart.join(' ')}, ${TIMER} timer`,
);
for (const [k, { c, mix }] of selected.entries()) {
  const f = c.fn ?? lib[c.word];
  if (typeof f !== 'function') {
    skipped.push(c.word);
    continue;
  }
  const data = c.build(mix);
  const softRun = compileLoop(`${c.word} ${mix} soft`, c.soft, f, wideCell, data.soft);
  const nativeRun = compileLoop(`${c.word} ${mix} native`, c.native, c.nativeNeedsErf ? await erf64() : null, null, data.native);
  softRun();
  nativeRun();
  const mismatches = data.check ? data.check(data.soft, data.native) : null;
  const soft = measure(`${c.word} ${mix}`, softRun);
  const native = measure(`native ${c.word} ${mix}`, nativeRun);
  const ratio = native.opsPerSec / soft.opsPerSec;
  const rec = {
    op: c.op,
    format: c.format,
    mix,
    word: c.word,
    opsPerSec: Math.round(soft.opsPerSec),
    nativeOpsPerSec: Math.round(native.opsPerSec),
    ratio: Math.round(ratio * 100) / 100,
    target: c.target,
    meetsTarget: c.target === null ? null : ratio <= c.target,
    rme: Math.round(soft.rme * 10) / 10,
    nativeRme: Math.round(native.rme * 10) / 10,
    native: c.nativeText,
  };
  if (mismatches !== null) rec.nativeMismatches = mismatches;
  results.push(rec);
  console.error(
    `[${String(k + 1).padStart(3)}/${selected.length}] ${c.word.padEnd(22)} ${mix.padEnd(6)} ` +
      `soft ${(soft.opsPerSec / 1e6).toFixed(1).padStart(7)} M/s ±${soft.rme.toFixed(1)}%  ` +
      `native ${(native.opsPerSec / 1e6).toFixed(1).padStart(7)} M/s ±${native.rme.toFixed(1)}%  ` +
      `ratio ${ratio.toFixed(2).padStart(6)}` +
      (mismatches ? `  (${mismatches} results differ from native!)` : ''),
  );
}
meta.seconds = Math.round((Date.now() - t0) / 1000);
meta.loadavgAtEnd = os.loadavg().map((x) => Math.round(x * 100) / 100);
if (skipped.length) meta.missingWords = [...new Set(skipped)];

// ---------------------------------------------------------------------------------------------------------------
// Table

function printTable(records) {
  const present = new Set(records.map((r) => r.mix));
  const mixes = Object.keys(MIXES).filter((m) => present.has(m));
  const rows = new Map();
  for (const r of records) {
    const key = r.word;
    if (!rows.has(key)) rows.set(key, { word: r.word, target: r.target, format: r.format, byMix: {} });
    rows.get(key).byMix[r.mix] = r;
  }
  const cell = (r) => {
    if (!r) return ''.padEnd(20);
    const mark = r.target === null ? ' ' : r.ratio <= r.target ? ' ' : '!';
    return `${r.ratio.toFixed(1).padStart(6)}×${mark}${(r.opsPerSec / 1e6).toFixed(1).padStart(7)} M/s `;
  };
  const head =
    'word'.padEnd(24) + mixes.map((m) => `${m} (ratio, soft)`.padEnd(21)).join('') + 'target';
  console.log(head);
  console.log('-'.repeat(head.length));
  for (const row of rows.values()) {
    console.log(
      row.word.padEnd(24) +
        mixes.map((m) => cell(row.byMix[m]).padEnd(21)).join('') +
        (row.target === null ? '' : `≤ ${row.target}×`),
    );
  }
  console.log("ratio = soft time ÷ native time; '!' = above the issue's target");
}

console.log();
const isMath = (r) => r.op in MATH_FUNCTIONS;
for (const part of [results.filter((r) => !isMath(r)), results.filter(isMath)]) {
  if (part.length) {
    printTable(part);
    console.log();
  }
}
if (skipped.length) console.log(`not in the library yet (skipped): ${[...new Set(skipped)].join(' ')}`);
const f32Targets = results.filter((r) => r.format === 'f32' && r.target !== null);
if (f32Targets.length) {
  const met = f32Targets.filter((r) => r.meetsTarget).length;
  console.log(`f32 targets met: ${met}/${f32Targets.length}`);
}
console.log(`${meta.seconds}s, load ${meta.machine.loadavgAtStart.join(' ')} → ${meta.loadavgAtEnd.join(' ')}`);

// ---------------------------------------------------------------------------------------------------------------
// Output (a subset run keeps the other records measured on the same machine and Node version)

if (!opt.dry && results.length) {
  let merged = results;
  const subset = Boolean(wantOps || wantFormats || wantMixes);
  if (subset && fs.existsSync(opt.out)) {
    try {
      const old = JSON.parse(fs.readFileSync(opt.out, 'utf8'));
      if (old.meta?.machine?.cpu === meta.machine.cpu && old.meta?.node === meta.node) {
        const fresh = new Set(results.map((r) => `${r.word}|${r.mix}`));
        merged = [...old.results.filter((r) => !fresh.has(`${r.word}|${r.mix}`)), ...results];
        meta.mergedWith = old.meta.mergedWith ?? old.meta.date;
      }
    } catch {
      // an unreadable file is replaced
    }
  }
  fs.mkdirSync(path.dirname(opt.out), { recursive: true });
  fs.writeFileSync(opt.out, JSON.stringify({ meta, results: merged }, null, 2) + '\n');
  console.log(`wrote ${path.relative(process.cwd(), opt.out)} (${merged.length} records)`);
}
