/**
 * Conv (spec/model.md §2.2) under the three accumulation policies. Every output element's sum runs over
 * (ci, ky, kx) ascending from +0 with padded taps skipped and the bias added last; the loops are turned inside out
 * (one tap at a time across all output positions of a channel, each position keeping its own accumulator), which
 * performs for every output element exactly the same operations in the same order.
 *
 * Skipping a padded tap instead of adding round(0·w) = ±0 changes nothing for finite weights: the engines round to
 * nearest even, where acc + (±0) = acc for acc ≠ 0 and +0 + (±0) = +0, and the accumulator starts at +0, so it is
 * never −0 and no sign of zero can differ (only in round-toward-negative would +0 + −0 give −0). It does matter for
 * an infinite weight (0·∞ is NaN), and there the spec's definition, skipping, is what every engine follows.
 *
 * `exact`: per output channel m, every output position owns a band of exponent buckets (exact.ts); a tap's weight
 * (decoded once at construction: signed significand, exponent index relative to the filter's smallest) is added
 * times every input it meets. Inputs are decoded once per run (signed significand, exponent index relative to the
 * smallest nonzero input's); a zero input contributes m = 0. Output rows are processed in blocks of about 2^20
 * buckets. Filters or biases that are not all finite, and inputs with an Inf or NaN, take the generic accumulator.
 */
import { f32_add } from '../../../formats/f32/add.js';
import { f32_mul } from '../../../formats/f32/mul.js';
import type { ConvGeometry } from '../../model/shapes.js';
import { ExactSum, bandTop, bitLength, chunkFor, finishBuckets, flushBuckets, pieceOffset } from './exact.js';
import { type Accumulation, type SoftFormat, type Words, isSpecial, isZero } from './format.js';
import type { Scratch } from './scratch.js';

/** Valid output range of each kernel offset along one axis: lo[k] ≤ o < hi[k] have their tap inside the input. */
function tapRanges(kernel: number, dilation: number, pad: number, stride: number, size: number, out: number) {
  const lo = new Int32Array(kernel);
  const hi = new Int32Array(kernel);
  const d = new Int32Array(kernel);
  for (let k = 0; k < kernel; k++) {
    const dk = Math.imul(k, dilation) - pad;
    let a = 0;
    while (a < out && Math.imul(a, stride) + dk < 0) a++;
    let b = out;
    while (b > a && Math.imul(b - 1, stride) + dk >= size) b--;
    lo[k] = a;
    hi[k] = b;
    d[k] = dk;
  }
  return { lo, hi, d };
}

interface Taps {
  readonly g: ConvGeometry;
  readonly oy0: Int32Array;
  readonly oy1: Int32Array;
  readonly dy: Int32Array;
  readonly ox0: Int32Array;
  readonly ox1: Int32Array;
  readonly dx: Int32Array;
}

function taps(g: ConvGeometry): Taps {
  const v = tapRanges(g.kernelH, g.dilationH, g.padTop, g.strideH, g.inH, g.outH);
  const h = tapRanges(g.kernelW, g.dilationW, g.padLeft, g.strideW, g.inW, g.outW);
  return { g, oy0: v.lo, oy1: v.hi, dy: v.d, ox0: h.lo, ox1: h.hi, dx: h.d };
}

/** Build the kernel y ← conv(x) for one step; weights [M][C/group][kh][kw] and bias are the format's words. */
export function convKernel(
  fmt: SoftFormat,
  accumulation: Accumulation,
  g: ConvGeometry,
  w: Words,
  b: Words | null,
  x: Words,
  y: Words,
  scratch: Scratch,
): () => void {
  const t = taps(g);
  const outPlane = Math.imul(g.outH, g.outW);
  if (accumulation === 'sequential') return () => convSequential(fmt, t, x, w, b, y);
  if (accumulation === 'f32acc') {
    const w32 = new Uint32Array(w.length);
    for (let i = 0; i < w.length; i++) w32[i] = fmt.toF32(w[i]!);
    const b32 = b === null ? null : new Uint32Array(b.length);
    if (b !== null && b32 !== null) for (let i = 0; i < b.length; i++) b32[i] = fmt.toF32(b[i]!);
    const x32 = new Uint32Array(x.length);
    const acc = new Uint32Array(outPlane);
    return () => convF32acc(fmt, t, x, x32, w32, b32, y, acc);
  }
  const prep = prepareExact(fmt, g, w, b);
  const sum = new ExactSum(fmt);
  const n = Math.imul(Math.imul(g.channels, g.inH), g.inW);
  const xm = new Int32Array(n);
  const xl = new Int32Array(fmt.precision === 24 ? n : 0);
  const xe = new Int32Array(n);
  return () => {
    if (prep === null || !decodeInput(fmt, x, xm, fmt.precision === 24 ? xl : null, xe)) {
      convExactGeneric(sum, t, x, w, b, y);
    } else {
      convExact(fmt, t, prep, xm, xl, xe, y, scratch);
    }
  };
}

/** Calls visit(m, cBase) for every output channel m with the first input channel of its group. */
function forChannels(g: ConvGeometry, visit: (m: number, cBase: number) => void): void {
  let m = 0;
  for (let grp = 0; grp < g.group; grp++) {
    const cBase = Math.imul(grp, g.groupInChannels);
    for (let j = 0; j < g.groupOutChannels; j++) visit(m++, cBase);
  }
}

function convSequential(fmt: SoftFormat, t: Taps, x: Words, w: Words, b: Words | null, y: Words): void {
  const { g, oy0, oy1, dy, ox0, ox1, dx } = t;
  const { inH, inW, kernelH, kernelW, strideH, strideW, outW } = g;
  const { add, mul } = fmt;
  const plane = Math.imul(inH, inW);
  const outPlane = Math.imul(g.outH, outW);
  const kArea = Math.imul(kernelH, kernelW);
  forChannels(g, (m, cBase) => {
    const yBase = Math.imul(m, outPlane);
    y.fill(0, yBase, yBase + outPlane);
    for (let ci = 0; ci < g.groupInChannels; ci++) {
      const xc = Math.imul(cBase + ci, plane);
      const wc = Math.imul(Math.imul(m, g.groupInChannels) + ci, kArea);
      for (let ky = 0; ky < kernelH; ky++) {
        for (let kx = 0; kx < kernelW; kx++) {
          const wv = w[wc + Math.imul(ky, kernelW) + kx]!;
          for (let oy = oy0[ky]!; oy < oy1[ky]!; oy++) {
            let xi = xc + Math.imul(Math.imul(oy, strideH) + dy[ky]!, inW) + dx[kx]! + Math.imul(ox0[kx]!, strideW);
            const yrow = yBase + Math.imul(oy, outW);
            for (let ox = ox0[kx]!; ox < ox1[kx]!; ox++) {
              y[yrow + ox] = add(y[yrow + ox]!, mul(x[xi]!, wv));
              xi += strideW;
            }
          }
        }
      }
    }
    if (b !== null) {
      const bias = b[m]!;
      for (let i = yBase; i < yBase + outPlane; i++) y[i] = add(y[i]!, bias);
    }
  });
}

function convF32acc(
  fmt: SoftFormat,
  t: Taps,
  x: Words,
  x32: Uint32Array,
  w32: Uint32Array,
  b32: Uint32Array | null,
  y: Words,
  acc: Uint32Array,
): void {
  const { g, oy0, oy1, dy, ox0, ox1, dx } = t;
  const { inH, inW, kernelH, kernelW, strideH, strideW, outW } = g;
  const plane = Math.imul(inH, inW);
  const outPlane = Math.imul(g.outH, outW);
  const kArea = Math.imul(kernelH, kernelW);
  for (let i = 0; i < x.length; i++) x32[i] = fmt.toF32(x[i]!);
  forChannels(g, (m, cBase) => {
    acc.fill(0);
    for (let ci = 0; ci < g.groupInChannels; ci++) {
      const xc = Math.imul(cBase + ci, plane);
      const wc = Math.imul(Math.imul(m, g.groupInChannels) + ci, kArea);
      for (let ky = 0; ky < kernelH; ky++) {
        for (let kx = 0; kx < kernelW; kx++) {
          const wv = w32[wc + Math.imul(ky, kernelW) + kx]!;
          for (let oy = oy0[ky]!; oy < oy1[ky]!; oy++) {
            let xi = xc + Math.imul(Math.imul(oy, strideH) + dy[ky]!, inW) + dx[kx]! + Math.imul(ox0[kx]!, strideW);
            const arow = Math.imul(oy, outW);
            for (let ox = ox0[kx]!; ox < ox1[kx]!; ox++) {
              acc[arow + ox] = f32_add(acc[arow + ox]!, f32_mul(x32[xi]!, wv));
              xi += strideW;
            }
          }
        }
      }
    }
    const yBase = Math.imul(m, outPlane);
    for (let i = 0; i < outPlane; i++) {
      y[yBase + i] = fmt.fromF32(b32 === null ? acc[i]! : f32_add(acc[i]!, b32[m]!));
    }
  });
}

/** The generic exact path: one ExactSum per output element, taps in order. */
function convExactGeneric(sum: ExactSum, t: Taps, x: Words, w: Words, b: Words | null, y: Words): void {
  const { g, dy, dx } = t;
  const { inH, inW, kernelH, kernelW, strideH, strideW, outH, outW } = g;
  const plane = Math.imul(inH, inW);
  const outPlane = Math.imul(outH, outW);
  const kArea = Math.imul(kernelH, kernelW);
  forChannels(g, (m, cBase) => {
    for (let oy = 0; oy < outH; oy++) {
      for (let ox = 0; ox < outW; ox++) {
        for (let ci = 0; ci < g.groupInChannels; ci++) {
          const xc = Math.imul(cBase + ci, plane);
          const wc = Math.imul(Math.imul(m, g.groupInChannels) + ci, kArea);
          for (let ky = 0; ky < kernelH; ky++) {
            const iy = Math.imul(oy, strideH) + dy[ky]!;
            if (iy < 0 || iy >= inH) continue;
            for (let kx = 0; kx < kernelW; kx++) {
              const ix = Math.imul(ox, strideW) + dx[kx]!;
              if (ix < 0 || ix >= inW) continue;
              sum.addProduct(x[xc + Math.imul(iy, inW) + ix]!, w[wc + Math.imul(ky, kernelW) + kx]!);
            }
          }
        }
        if (b !== null) sum.addValue(b[m]!);
        y[Math.imul(m, outPlane) + Math.imul(oy, outW) + ox] = sum.finish();
      }
    }
  });
}

interface ExactPrep {
  /** Per tap [m][ci][ky][kx]: signed significand (binary32: high piece; low piece in wl) and ie − filterMin. */
  readonly wm: Int32Array;
  readonly wl: Int32Array;
  readonly we: Int32Array;
  readonly filterMin: Int32Array;
  readonly filterSpan: Int32Array;
  /** Per output channel: the bias's signed significand (0: none) and its absolute coordinate ie − emin. */
  readonly biasM: Int32Array;
  readonly biasC: Int32Array;
}

const decoded = { m: 0, ie: 0 };
function decode(fmt: SoftFormat, a: number): void {
  const e = (a >>> fmt.expShift) & fmt.expMask;
  const f = a & fmt.fracMask;
  const m = e !== 0 ? f | fmt.hidden : f;
  decoded.m = a >>> fmt.signShift !== 0 ? -m : m;
  decoded.ie = e !== 0 ? e - 1 : 0;
}

function prepareExact(fmt: SoftFormat, g: ConvGeometry, w: Words, b: Words | null): ExactPrep | null {
  for (let i = 0; i < w.length; i++) if (isSpecial(fmt, w[i]!)) return null;
  if (b !== null) for (let i = 0; i < b.length; i++) if (isSpecial(fmt, b[i]!)) return null;
  const f32 = fmt.precision === 24;
  const M = g.outChannels;
  const T = Math.imul(Math.imul(g.groupInChannels, g.kernelH), g.kernelW);
  const wm = new Int32Array(w.length);
  const wl = new Int32Array(f32 ? w.length : 0);
  const we = new Int32Array(w.length);
  const filterMin = new Int32Array(M);
  const filterSpan = new Int32Array(M);
  for (let m = 0; m < M; m++) {
    const base = Math.imul(m, T);
    let lo = 0x7fffffff;
    let hi = -1;
    for (let i = base; i < base + T; i++) {
      if (isZero(fmt, w[i]!)) continue;
      decode(fmt, w[i]!);
      if (decoded.ie < lo) lo = decoded.ie;
      if (decoded.ie > hi) hi = decoded.ie;
    }
    if (hi < 0) lo = hi = 0;
    filterMin[m] = lo;
    filterSpan[m] = hi - lo;
    for (let i = base; i < base + T; i++) {
      if (isZero(fmt, w[i]!)) continue;
      decode(fmt, w[i]!);
      we[i] = decoded.ie - lo;
      if (f32) {
        wm[i] = decoded.m >> 12;
        wl[i] = decoded.m & 0xfff;
      } else {
        wm[i] = decoded.m;
      }
    }
  }
  const biasM = new Int32Array(M);
  const biasC = new Int32Array(M);
  if (b !== null) {
    for (let m = 0; m < M; m++) {
      if (isZero(fmt, b[m]!)) continue;
      decode(fmt, b[m]!);
      biasM[m] = decoded.m;
      biasC[m] = decoded.ie - fmt.emin;
    }
  }
  return { wm, wl, we, filterMin, filterSpan, biasM, biasC };
}

const range = { xMin: 0, xMax: 0 };

/** Decode every input (zeros as m = 0); false if one is Inf or NaN. Exponent indices relative to the smallest. */
function decodeInput(fmt: SoftFormat, x: Words, xm: Int32Array, xl: Int32Array | null, xe: Int32Array): boolean {
  const { expShift, expMask, fracMask, hidden, signShift } = fmt;
  let lo = 0x7fffffff;
  let hi = 0;
  const n = x.length;
  for (let i = 0; i < n; i++) {
    const a = x[i]!;
    const e = (a >>> expShift) & expMask;
    const f = a & fracMask;
    if (e === expMask) return false;
    if ((e | f) === 0) {
      xm[i] = 0;
      if (xl !== null) xl[i] = 0;
      xe[i] = -1;
      continue;
    }
    const ie = e !== 0 ? e - 1 : 0;
    let m = e !== 0 ? f | hidden : f;
    if (a >>> signShift !== 0) m = -m;
    if (xl === null) {
      xm[i] = m;
    } else {
      xm[i] = m >> 12;
      xl[i] = m & 0xfff;
    }
    xe[i] = ie;
    if (ie < lo) lo = ie;
    if (ie > hi) hi = ie;
  }
  if (lo > hi) lo = hi = 0;
  for (let i = 0; i < n; i++) xe[i] = xe[i]! < 0 ? 0 : xe[i]! - lo;
  range.xMin = lo;
  range.xMax = hi;
  return true;
}

function convExact(
  fmt: SoftFormat,
  t: Taps,
  p: ExactPrep,
  xm: Int32Array,
  xl: Int32Array,
  xe: Int32Array,
  y: Words,
  scratch: Scratch,
): void {
  const { g, oy0, oy1, dy, ox0, ox1, dx } = t;
  const { inH, inW, kernelH, kernelW, strideH, strideW, outH, outW } = g;
  const f32 = fmt.precision === 24;
  const plane = Math.imul(inH, inW);
  const outPlane = Math.imul(outH, outW);
  const kArea = Math.imul(kernelH, kernelW);
  const T = Math.imul(g.groupInChannels, kArea);
  const chunk = chunkFor(fmt);
  const { xMin, xMax } = range;
  const { wm, wl, we } = p;
  forChannels(g, (m, cBase) => {
    const fMin = p.filterMin[m]!;
    const bm = p.biasM[m]!;
    const lm = bm !== 0 && xMin + fMin - p.biasC[m]! > 0 ? xMin + fMin - p.biasC[m]! : 0;
    const cb = p.biasC[m]! - xMin - fMin + lm;
    let maxDirect = lm + (xMax - xMin) + p.filterSpan[m]! + pieceOffset(fmt);
    if (bm !== 0 && cb > maxDirect) maxDirect = cb;
    const nb = maxDirect + bandTop(T > chunk);
    const scale = xMin + fMin - lm + (fmt.emin << 1);
    // Blocks of output rows of about 2^20 buckets.
    const rowBits = bitLength(Math.imul(outW, nb));
    const rows = rowBits >= 20 ? 1 : 1 << (20 - rowBits);
    const B = scratch.buckets(Math.imul(Math.imul(rows < outH ? rows : outH, outW), nb));
    for (let oyA = 0; oyA < outH; oyA += rows) {
      const oyB = oyA + rows < outH ? oyA + rows : outH;
      const positions = Math.imul(oyB - oyA, outW);
      if (bm !== 0) for (let q = 0, c = cb; q < positions; q++, c += nb) B[c] = B[c]! + bm;
      let since = 0;
      for (let ci = 0; ci < g.groupInChannels; ci++) {
        const xc = Math.imul(cBase + ci, plane);
        const wc = Math.imul(m, T) + Math.imul(ci, kArea);
        for (let ky = 0; ky < kernelH; ky++) {
          const r0 = oy0[ky]! > oyA ? oy0[ky]! : oyA;
          const r1 = oy1[ky]! < oyB ? oy1[ky]! : oyB;
          for (let kx = 0; kx < kernelW; kx++) {
            const wi = wc + Math.imul(ky, kernelW) + kx;
            const mh = wm[wi]!;
            const ml = f32 ? wl[wi]! : 0;
            if (mh === 0 && ml === 0) continue;
            const wOff = we[wi]! + lm;
            const c0 = ox0[kx]!;
            const c1 = ox1[kx]!;
            for (let oy = r0; oy < r1; oy++) {
              let xi = xc + Math.imul(Math.imul(oy, strideH) + dy[ky]!, inW) + dx[kx]! + Math.imul(c0, strideW);
              let pc = Math.imul(Math.imul(oy - oyA, outW) + c0, nb) + wOff;
              if (f32) {
                for (let ox = c0; ox < c1; ox++) {
                  const ah = xm[xi]!;
                  const al = xl[xi]!;
                  const c = pc + xe[xi]!;
                  const mid = Math.imul(ah, ml) + Math.imul(al, mh);
                  const low = Math.imul(al, ml) + ((mid & 0xfff) << 12);
                  B[c] = B[c]! + (low & 0xffffff);
                  B[c + 24] = B[c + 24]! + Math.imul(ah, mh) + (mid >> 12) + (low >>> 24);
                  xi += strideW;
                  pc += nb;
                }
              } else {
                for (let ox = c0; ox < c1; ox++) {
                  const c = pc + xe[xi]!;
                  B[c] = B[c]! + Math.imul(xm[xi]!, mh);
                  xi += strideW;
                  pc += nb;
                }
              }
            }
            if (++since === chunk) {
              for (let q = 0, base = 0; q < positions; q++, base += nb) flushBuckets(B, base, maxDirect);
              since = 0;
            }
          }
        }
      }
      const yBase = Math.imul(m, outPlane) + Math.imul(oyA, outW);
      for (let q = 0, base = 0; q < positions; q++, base += nb) {
        y[yBase + q] = finishBuckets(fmt, B, base, nb, scale);
      }
    }
  });
}
