/**
 * Gemm / MatMul (a plan `Dense` step: y[r][o] = (Σ_k x[r][k]·W[o][k]) + b[o]) under the three accumulation policies.
 *
 * - sequential: acc = +0; for k ascending acc = round(acc + round(x·w)); y = round(acc + b) — the format's own mul
 *   and add words, no fused multiply-add, every k (zeros included: 0·∞ must still give NaN).
 * - f32acc: the same loop in binary32 (x, w, b widened exactly), one rounding to the format at the end.
 * - exact: the exact dot product plus the bias, rounded once (exact.ts). The fast kernel is an outer product: for
 *   each nonzero input x[k] (a zero input adds an exact zero and is skipped), one pass over the outputs adds
 *   x[k]·W[o][k] to output o's bucket band. Weights are decoded once at construction into one packed Int32 per
 *   weight, transposed to [k][o] so that pass reads memory in order:
 *     binary16 / bfloat16: (m << 8) | (ie − rowMin), m the signed significand (|m| < 2^11), the exponent index
 *       relative to the smallest in the row (< 256);
 *     binary32: (v << 7) | (ie − rowMin), v the signed significand (|v| < 2^24, so v << 7 fits), which needs every
 *       row's nonzero weights to span < 128 binades.
 *   Output o's bucket c stands for 2^(c − LM + xMin + rowMin[o] + 2·emin), with xMin the smallest exponent index
 *   among this run's nonzero inputs and LM ≥ 0 a lower margin that keeps every bias inside the band. Layers whose
 *   weights or biases are not all finite (or, for binary32, span too many binades), and runs whose input holds an
 *   Inf or NaN, take the generic accumulator instead (same result, slower).
 */
import { f32_add } from '../../../formats/f32/add.js';
import { f32_mul } from '../../../formats/f32/mul.js';
import { ExactSum, bandTop, bitLength, chunkFor, finishBuckets, flushBuckets, pieceOffset } from './exact.js';
import { type Accumulation, type SoftFormat, type Words, isSpecial, isZero } from './format.js';
import type { Scratch } from './scratch.js';

export interface DenseShape {
  readonly rows: number;
  readonly inFeatures: number;
  readonly outFeatures: number;
}

/** Build the kernel y ← dense(x) for one step; weights [out][in] and bias are the format's words. */
export function denseKernel(
  fmt: SoftFormat,
  accumulation: Accumulation,
  shape: DenseShape,
  w: Words,
  b: Words | null,
  x: Words,
  y: Words,
  scratch: Scratch,
): () => void {
  const { rows, inFeatures, outFeatures } = shape;
  if (accumulation === 'sequential') return () => denseSequential(fmt, x, w, b, y, rows, inFeatures, outFeatures);
  if (accumulation === 'f32acc') {
    const w32 = widen(fmt, w);
    const b32 = b === null ? null : widen(fmt, b);
    const x32 = new Uint32Array(inFeatures);
    return () => denseF32acc(fmt, x, x32, w32, b32, y, rows, inFeatures, outFeatures);
  }
  const prep = prepareExact(fmt, w, b, inFeatures, outFeatures);
  const sum = new ExactSum(fmt);
  const xk = new Int32Array(inFeatures);
  const xm = new Int32Array(inFeatures);
  const xl = new Int32Array(inFeatures);
  const xe = new Int32Array(inFeatures);
  return () => {
    for (let r = 0; r < rows; r++) {
      const xr = Math.imul(r, inFeatures);
      const yr = Math.imul(r, outFeatures);
      const done =
        prep !== null &&
        (fmt.precision === 24
          ? denseExactF32(fmt, prep, x, xr, y, yr, xk, xm, xl, xe, scratch)
          : denseExactHalf(fmt, prep, x, xr, y, yr, xk, xm, xe, scratch));
      if (!done) denseExactGeneric(sum, x, xr, w, b, y, yr, inFeatures, outFeatures);
    }
  };
}

function widen(fmt: SoftFormat, w: Words): Uint32Array {
  const out = new Uint32Array(w.length);
  for (let i = 0; i < w.length; i++) out[i] = fmt.toF32(w[i]!);
  return out;
}

function denseSequential(
  fmt: SoftFormat,
  x: Words,
  w: Words,
  b: Words | null,
  y: Words,
  rows: number,
  inF: number,
  outF: number,
): void {
  const { add, mul } = fmt;
  for (let r = 0; r < rows; r++) {
    const xr = Math.imul(r, inF);
    const yr = Math.imul(r, outF);
    for (let o = 0; o < outF; o++) {
      const wr = Math.imul(o, inF);
      let acc = 0;
      for (let k = 0; k < inF; k++) acc = add(acc, mul(x[xr + k]!, w[wr + k]!));
      y[yr + o] = b === null ? acc : add(acc, b[o]!);
    }
  }
}

function denseF32acc(
  fmt: SoftFormat,
  x: Words,
  x32: Uint32Array,
  w32: Uint32Array,
  b32: Uint32Array | null,
  y: Words,
  rows: number,
  inF: number,
  outF: number,
): void {
  for (let r = 0; r < rows; r++) {
    const xr = Math.imul(r, inF);
    const yr = Math.imul(r, outF);
    for (let k = 0; k < inF; k++) x32[k] = fmt.toF32(x[xr + k]!);
    for (let o = 0; o < outF; o++) {
      const wr = Math.imul(o, inF);
      let acc = 0;
      for (let k = 0; k < inF; k++) acc = f32_add(acc, f32_mul(x32[k]!, w32[wr + k]!));
      if (b32 !== null) acc = f32_add(acc, b32[o]!);
      y[yr + o] = fmt.fromF32(acc);
    }
  }
}

function denseExactGeneric(
  sum: ExactSum,
  x: Words,
  xr: number,
  w: Words,
  b: Words | null,
  y: Words,
  yr: number,
  inF: number,
  outF: number,
): void {
  for (let o = 0; o < outF; o++) {
    const wr = Math.imul(o, inF);
    for (let k = 0; k < inF; k++) sum.addProduct(x[xr + k]!, w[wr + k]!);
    if (b !== null) sum.addValue(b[o]!);
    y[yr + o] = sum.finish();
  }
}

/** What the fast exact kernels need, decoded once. */
interface ExactPrep {
  readonly inF: number;
  readonly outF: number;
  /** Packed weights, [k][o] (see the file header). */
  readonly wp: Int32Array;
  /** Smallest exponent index of each row's nonzero weights (0 for a row of zeros). */
  readonly rowMin: Int32Array;
  /** Largest span (largest − smallest exponent index) over the rows. */
  readonly spanMax: number;
  readonly hasBias: boolean;
  /** Per output: the bias's signed significand (0 for none) and its absolute coordinate ie − emin. */
  readonly biasM: Int32Array;
  readonly biasC: Int32Array;
  /** max over biased outputs of rowMin − biasC, and of biasC − rowMin. */
  readonly biasGap: number;
  readonly biasLead: number;
}

/** Signed significand and exponent index of a finite word, through `decoded`. */
const decoded = { m: 0, ie: 0 };
function decode(fmt: SoftFormat, a: number): void {
  const e = (a >>> fmt.expShift) & fmt.expMask;
  const f = a & fmt.fracMask;
  const m = e !== 0 ? f | fmt.hidden : f;
  decoded.m = a >>> fmt.signShift !== 0 ? -m : m;
  decoded.ie = e !== 0 ? e - 1 : 0;
}

function prepareExact(fmt: SoftFormat, w: Words, b: Words | null, inF: number, outF: number): ExactPrep | null {
  for (let i = 0; i < w.length; i++) if (isSpecial(fmt, w[i]!)) return null;
  if (b !== null) for (let i = 0; i < b.length; i++) if (isSpecial(fmt, b[i]!)) return null;
  const f32 = fmt.precision === 24;
  const spanLimit = f32 ? 127 : 255;
  const rowMin = new Int32Array(outF);
  let spanMax = 0;
  for (let o = 0; o < outF; o++) {
    let lo = 0x7fffffff;
    let hi = -1;
    const wr = Math.imul(o, inF);
    for (let k = 0; k < inF; k++) {
      const a = w[wr + k]!;
      if (isZero(fmt, a)) continue;
      decode(fmt, a);
      if (decoded.ie < lo) lo = decoded.ie;
      if (decoded.ie > hi) hi = decoded.ie;
    }
    if (hi < 0) lo = hi = 0;
    if (hi - lo > spanLimit) return null;
    rowMin[o] = lo;
    if (hi - lo > spanMax) spanMax = hi - lo;
  }
  const wp = new Int32Array(Math.imul(inF, outF));
  for (let o = 0; o < outF; o++) {
    const wr = Math.imul(o, inF);
    for (let k = 0; k < inF; k++) {
      const a = w[wr + k]!;
      if (isZero(fmt, a)) continue;
      decode(fmt, a);
      const rel = decoded.ie - rowMin[o]!;
      wp[Math.imul(k, outF) + o] = f32 ? (decoded.m << 7) | rel : (decoded.m << 8) | rel;
    }
  }
  const biasM = new Int32Array(outF);
  const biasC = new Int32Array(outF);
  let hasBias = false;
  let biasGap = -0x7fffffff;
  let biasLead = -0x7fffffff;
  if (b !== null) {
    for (let o = 0; o < outF; o++) {
      if (isZero(fmt, b[o]!)) continue;
      decode(fmt, b[o]!);
      hasBias = true;
      biasM[o] = decoded.m;
      biasC[o] = decoded.ie - fmt.emin;
      if (rowMin[o]! - biasC[o]! > biasGap) biasGap = rowMin[o]! - biasC[o]!;
      if (biasC[o]! - rowMin[o]! > biasLead) biasLead = biasC[o]! - rowMin[o]!;
    }
  }
  return { inF, outF, wp, rowMin, spanMax, hasBias, biasM, biasC, biasGap, biasLead };
}

/** Geometry of one run's bucket bands, set by `decodeInput` and `bands`. */
const run = { n: 0, xMin: 0, xMax: 0, lm: 0, maxDirect: 0, nb: 0, block: 0 };

/**
 * Decode the nonzero inputs of row xr into xk (index), xm (signed significand; binary32: high piece, with the low
 * piece in xl) and xe (exponent index − xMin). False if an input is Inf or NaN.
 */
function decodeInput(
  fmt: SoftFormat,
  x: Words,
  xr: number,
  inF: number,
  xk: Int32Array,
  xm: Int32Array,
  xl: Int32Array | null,
  xe: Int32Array,
): boolean {
  const { expShift, expMask, fracMask, hidden, signShift } = fmt;
  let n = 0;
  let lo = 0x7fffffff;
  let hi = 0;
  for (let k = 0; k < inF; k++) {
    const a = x[xr + k]!;
    const e = (a >>> expShift) & expMask;
    const f = a & fracMask;
    if (e === expMask) return false;
    if ((e | f) === 0) continue;
    const ie = e !== 0 ? e - 1 : 0;
    let m = e !== 0 ? f | hidden : f;
    if (a >>> signShift !== 0) m = -m;
    xk[n] = k;
    if (xl === null) {
      xm[n] = m;
    } else {
      xm[n] = m >> 12;
      xl[n] = m & 0xfff;
    }
    xe[n] = ie;
    if (ie < lo) lo = ie;
    if (ie > hi) hi = ie;
    n++;
  }
  if (n === 0) lo = hi = 0;
  for (let j = 0; j < n; j++) xe[j] = xe[j]! - lo;
  run.n = n;
  run.xMin = lo;
  run.xMax = hi;
  return true;
}

/** Lower margin, band height and output block size for this run (see the file header). */
function bands(fmt: SoftFormat, p: ExactPrep): void {
  const lm = p.hasBias && run.xMin + p.biasGap > 0 ? run.xMin + p.biasGap : 0;
  let maxDirect = lm + (run.xMax - run.xMin) + p.spanMax + pieceOffset(fmt);
  if (p.hasBias && p.biasLead - run.xMin + lm > maxDirect) maxDirect = p.biasLead - run.xMin + lm;
  run.lm = lm;
  run.maxDirect = maxDirect;
  run.nb = maxDirect + bandTop(run.n > chunkFor(fmt));
  // Outputs are processed in blocks of about 2^20 buckets.
  const block = 1 << (20 - bitLength(run.nb));
  run.block = block < p.outF ? block : p.outF;
}

function placeBiases(p: ExactPrep, B: Int32Array, o0: number, o1: number, nb: number): void {
  if (!p.hasBias) return;
  for (let o = o0; o < o1; o++) {
    if (p.biasM[o] === 0) continue;
    const c = Math.imul(o - o0, nb) + p.biasC[o]! - run.xMin - p.rowMin[o]! + run.lm;
    B[c] = B[c]! + p.biasM[o]!;
  }
}

function finishBlock(
  fmt: SoftFormat,
  p: ExactPrep,
  B: Int32Array,
  o0: number,
  o1: number,
  y: Words,
  yr: number,
): void {
  const nb = run.nb;
  const shift = run.xMin - run.lm + (fmt.emin << 1);
  for (let o = o0; o < o1; o++) y[yr + o] = finishBuckets(fmt, B, Math.imul(o - o0, nb), nb, shift + p.rowMin[o]!);
}

function denseExactHalf(
  fmt: SoftFormat,
  p: ExactPrep,
  x: Words,
  xr: number,
  y: Words,
  yr: number,
  xk: Int32Array,
  xm: Int32Array,
  xe: Int32Array,
  scratch: Scratch,
): boolean {
  if (!decodeInput(fmt, x, xr, p.inF, xk, xm, null, xe)) return false;
  bands(fmt, p);
  const { n, lm, nb, maxDirect, block } = run;
  const outF = p.outF;
  const wp = p.wp;
  const chunk = chunkFor(fmt);
  const B = scratch.buckets(Math.imul(block, nb));
  for (let o0 = 0; o0 < outF; o0 += block) {
    const o1 = o0 + block < outF ? o0 + block : outF;
    placeBiases(p, B, o0, o1, nb);
    for (let s = 0; s < n; s += chunk) {
      const e = s + chunk < n ? s + chunk : n;
      for (let j = s; j < e; j++) {
        const m = xm[j]!;
        const row = Math.imul(xk[j]!, outF);
        let t = xe[j]! + lm;
        for (let i = row + o0; i < row + o1; i++) {
          const w = wp[i]!;
          const c = t + (w & 0xff);
          B[c] = B[c]! + Math.imul(m, w >> 8);
          t += nb;
        }
      }
      if (e < n) for (let o = o0; o < o1; o++) flushBuckets(B, Math.imul(o - o0, nb), maxDirect);
    }
    finishBlock(fmt, p, B, o0, o1, y, yr);
  }
  return true;
}

function denseExactF32(
  fmt: SoftFormat,
  p: ExactPrep,
  x: Words,
  xr: number,
  y: Words,
  yr: number,
  xk: Int32Array,
  xh: Int32Array,
  xl: Int32Array,
  xe: Int32Array,
  scratch: Scratch,
): boolean {
  if (!decodeInput(fmt, x, xr, p.inF, xk, xh, xl, xe)) return false;
  bands(fmt, p);
  const { n, lm, nb, maxDirect, block } = run;
  const outF = p.outF;
  const wp = p.wp;
  const chunk = chunkFor(fmt);
  const B = scratch.buckets(Math.imul(block, nb));
  for (let o0 = 0; o0 < outF; o0 += block) {
    const o1 = o0 + block < outF ? o0 + block : outF;
    placeBiases(p, B, o0, o1, nb);
    for (let s = 0; s < n; s += chunk) {
      const e = s + chunk < n ? s + chunk : n;
      for (let j = s; j < e; j++) {
        const ah = xh[j]!;
        const al = xl[j]!;
        const row = Math.imul(xk[j]!, outF);
        let t = xe[j]! + lm;
        for (let i = row + o0; i < row + o1; i++) {
          const w = wp[i]!;
          const bh = w >> 19;
          const bl = (w >> 7) & 0xfff;
          const c = t + (w & 0x7f);
          const mid = Math.imul(ah, bl) + Math.imul(al, bh);
          const low = Math.imul(al, bl) + ((mid & 0xfff) << 12);
          B[c] = B[c]! + (low & 0xffffff);
          B[c + 24] = B[c + 24]! + Math.imul(ah, bh) + (mid >> 12) + (low >>> 24);
          t += nb;
        }
      }
      if (e < n) for (let o = o0; o < o1; o++) flushBuckets(B, Math.imul(o - o0, nb), maxDirect);
    }
    finishBlock(fmt, p, B, o0, o1, y, yr);
  }
  return true;
}
