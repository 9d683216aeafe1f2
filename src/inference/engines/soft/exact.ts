/**
 * The exact accumulator of the `exact` policy: a dot product (or a plain sum) of format words computed without any
 * rounding and rounded once, to nearest even, at the end.
 *
 * Method: exponent buckets. A finite word is m·2^(ie + emin) (format.ts), so the product of two words is
 * (mx·mw)·2^(ie_x + ie_w + 2·emin): an integer significand product placed at an integer exponent index. The
 * accumulator is an Int32Array B of buckets, one per exponent index c (a "coordinate"); bucket c holds a signed
 * integer count of units of 2^(c + scale), and the value represented is S = Σ_c B[c]·2^(c + scale) — a Kulisch
 * accumulator whose digits are allowed to exceed one bit, with carries left for later. Adding a product is one
 * integer multiply and one indexed add:
 *
 * - binary16: |mx·mw| ≤ 2047² < 2^22, one bucket;
 * - bfloat16: |mx·mw| ≤ 255² < 2^16, one bucket;
 * - binary32: the 24-bit significands (sign folded in, |v| < 2^24) are split v = h·2^12 + l with h = v >> 12
 *   (−4096 … 4095) and l = v & 0xfff (0 … 4095). With mid = xh·wl + xl·wh (|mid| < 2^25) and
 *   low = xl·wl + (mid & 0xfff)·2^12 (0 ≤ low < 2^25), v_x·v_w = (xh·wh + (mid >> 12) + (low >>> 24))·2^24 +
 *   (low & 0xffffff) exactly: two bucket adds, a low piece in [0, 2^24) at c and a high piece of magnitude
 *   ≤ 2^24 + 2^13 + 1 at c + 24, from four 12×12-bit multiplies.
 *
 * Exactness: every piece and every bucket stays an int32. A bucket only ever receives, per term, one piece of
 * magnitude ≤ PIECE (2^22, 2^16, 2^24 + 2^13 + 1), so after at most CHUNK terms since the last flush it is below
 * 2^24 + 2^7 + CHUNK·PIECE ≤ 2^31 − 2^8 (CHUNK = 500, 16384, 126; the bias, < 2^24, is placed before any term). A
 * flush rewrites every bucket as its low 24 bits (0 … 2^24 − 1) and adds the rest (|·| ≤ 2^7) to the bucket 24 above
 * — going downwards, so each bucket is reduced before it receives its one carry — which leaves the value unchanged
 * and every flushed bucket ≤ 2^24 + 2^7. Buckets above the flushed range only ever receive carries (≤ 2^7 per
 * flush; 2^28 terms at most make fewer than 2^22 flushes, far from overflow).
 *
 * Rounding (finishBuckets): one pass from the lowest bucket up turns the buckets into two's complement bits, packed
 * 32 to a word, with the running carry in a register: (b + c) = 2·carry' + bit computed without leaving int32 as
 * carry' = (b >> 1) + (c >> 1) + (b & c & 1), bit = (b ^ c) & 1 (|b|, |c| ≤ 2^31 − 2^8 so nothing overflows). Past
 * the last bucket that can be nonzero every bucket is zero, so the carry only halves until it is 0 or −1: that is the
 * sign, and every higher bit equals it. A negative result is negated (invert, add one); the magnitude's leading bit
 * and the sigBits bits from there down, with "some bit below them is set" as the sticky bit, go to the format's
 * roundPack in round-to-nearest-even. A zero sum is +0, as IEEE addition gives in that mode (and as
 * `acc = +0; acc += …` does).
 *
 * Inf and NaN never enter the buckets: the generic accumulator (ExactSum) records them in flags (a NaN term, ∞·0, or
 * +∞ and −∞ together give the default NaN; otherwise an infinite term gives that infinity), and the fast kernels
 * (dense.ts, conv.ts) fall back to ExactSum whenever a weight or an input is not finite.
 */
import { env, round_near_even } from '../../../env/environment.js';
import { clz32 } from '../../../primitives/integer.js';
import type { SoftFormat } from './format.js';

/** Largest number of terms between flushes, per format (see the header). */
export function chunkFor(fmt: SoftFormat): number {
  return fmt.precision === 24 ? 126 : fmt.precision === 11 ? 500 : 16384;
}

/** Coordinate offset of a format's high product piece (binary32 only). */
export function pieceOffset(fmt: SoftFormat): number {
  return fmt.precision === 24 ? 24 : 0;
}

/** Number of bits of n ≥ 0. */
export function bitLength(n: number): number {
  return 32 - clz32(n);
}

/**
 * Buckets a band needs from its highest directly written coordinate `hi` on: hi itself, plus the 24 above it that a
 * flush's carries can reach when there are flushes. Nothing at or above hi + bandTop is ever nonzero.
 */
export function bandTop(flushes: boolean): number {
  return flushes ? 25 : 1;
}

/**
 * Flush the buckets B[base + 0 … base + hi] (see the header): afterwards each is in 0 … 2^24 + 2^7 and the value is
 * unchanged; carries land at most 24 coordinates above `hi`, which the caller's band must include.
 */
export function flushBuckets(B: Int32Array, base: number, hi: number): void {
  for (let i = base + hi; i >= base; i--) {
    const v = B[i]!;
    B[i] = v & 0xffffff;
    B[i + 24] = B[i + 24]! + (v >> 24);
  }
}

/** The two's complement bits of a finished band, 32 to a word, least significant word first. */
const bits = new Int32Array(64);

/**
 * Round S = Σ B[base + c]·2^(c + scale), c = 0 … written − 1, to the format (round to nearest even) and zero those
 * buckets. Buckets from `written` on must be zero (they are not touched); written ≤ 1984.
 */
export function finishBuckets(fmt: SoftFormat, B: Int32Array, base: number, written: number, scale: number): number {
  // Zero buckets at either end are skipped (the band's bits then start at `from`).
  let from = 0;
  while (from < written && B[base + from] === 0) from++;
  if (from === written) return 0;
  let to = written;
  while (B[base + to - 1] === 0) to--;
  base += from;
  scale += from;
  written = to - from;
  // Carry pass into packed bits; past `written` every bucket is zero, so the carry only halves until it is the sign.
  let carry = 0;
  let word = 0;
  let n = 0;
  let c = 0;
  for (; c < written; c++) {
    const i = base + c;
    const b = B[i]!;
    B[i] = 0;
    word |= ((b ^ carry) & 1) << (c & 31);
    carry = (b >> 1) + (carry >> 1) + (b & carry & 1);
    if ((c & 31) === 31) {
      bits[n++] = word;
      word = 0;
    }
  }
  for (; carry !== 0 && carry !== -1; c++) {
    word |= (carry & 1) << (c & 31);
    carry >>= 1;
    if ((c & 31) === 31) {
      bits[n++] = word;
      word = 0;
    }
  }
  const negative = carry < 0;
  if (negative) word |= -1 << (c & 31);
  bits[n++] = word;
  if (negative) {
    // Magnitude: invert and add one.
    let k = 1;
    for (let j = 0; j < n; j++) {
      let v = ~bits[j]!;
      if (k !== 0) {
        v = (v + 1) | 0;
        k = v === 0 ? 1 : 0;
      }
      bits[j] = v;
    }
  }
  let top = n - 1;
  while (top >= 0 && bits[top] === 0) top--;
  if (top < 0) return 0;
  const lead = (top << 5) + 31 - clz32(bits[top]!);
  const sigBits = fmt.sigBits;
  const low = lead - sigBits + 1;
  let sig: number;
  if (low <= 0) {
    sig = bits[0]! << -low;
  } else {
    const q = low >> 5;
    const s = low & 31;
    const next = q < top ? bits[q + 1]! : 0;
    sig = s === 0 ? bits[q]! : (bits[q]! >>> s) | (next << (32 - s));
    let sticky = s === 0 ? 0 : bits[q]! << (32 - s);
    for (let j = 0; j < q; j++) sticky |= bits[j]!;
    if (sticky !== 0) sig |= 1;
  }
  const mode = env.roundingMode;
  env.roundingMode = round_near_even;
  const result = fmt.roundPack(negative ? 1 : 0, lead + scale + fmt.expAdj, sig);
  env.roundingMode = mode;
  return result;
}

/**
 * The generic exact accumulator: any number of products and values, Inf and NaN included, one rounding at the end.
 * Coordinates are absolute: a product of words with exponent indices ie_x, ie_w lands at ie_x + ie_w, a value at
 * ie − emin, both weighing 2^(c + 2·emin). Used for sums (pools, softmax) and by the fast kernels' fallbacks.
 *
 * Since its range [lo, hi] can widen after a flush, its flush is a full normalization instead of flushBuckets: the
 * carry pass of finishBuckets run in place, leaving every bucket 0 or 1 and, for a negative sum, one −1 just above
 * (the sign, −2^c) — bounded whatever the number of flushes before.
 */
export class ExactSum {
  private readonly B: Int32Array;
  private readonly chunk: number;
  private readonly split: boolean;
  private lo = 0x7fffffff;
  private hi = -1;
  private sinceFlush = 0;
  private nan = false;
  private posInf = false;
  private negInf = false;

  constructor(private readonly fmt: SoftFormat) {
    // Products reach 2·maxIe, the binary32 high piece 24 more; a normalization writes bits up to the sum's leading
    // bit (at most 2^25 per term, 2^28 terms: 53 more) and a sign bucket.
    this.B = new Int32Array((fmt.maxIe << 1) + 24 + 53 + 2 + 8);
    this.chunk = chunkFor(fmt);
    this.split = fmt.precision === 24;
  }

  private note(lo: number, hi: number): void {
    if (lo < this.lo) this.lo = lo;
    if (hi > this.hi) this.hi = hi;
    if (++this.sinceFlush >= this.chunk) this.normalize();
  }

  private normalize(): void {
    const B = this.B;
    let carry = 0;
    let c = this.lo;
    for (; c <= this.hi; c++) {
      const b = B[c]!;
      B[c] = (b ^ carry) & 1;
      carry = (b >> 1) + (carry >> 1) + (b & carry & 1);
    }
    for (; carry !== 0 && carry !== -1; c++) {
      B[c] = carry & 1;
      carry >>= 1;
    }
    if (carry < 0) B[c++] = -1;
    this.hi = c - 1;
    this.sinceFlush = 0;
  }

  /** Add the exact product a·b of two words. */
  addProduct(a: number, b: number): void {
    const fmt = this.fmt;
    const { expShift, expMask, fracMask, hidden, signShift } = fmt;
    const ea = (a >>> expShift) & expMask;
    const eb = (b >>> expShift) & expMask;
    const fa = a & fracMask;
    const fb = b & fracMask;
    const negative = ((a ^ b) >>> signShift) & 1;
    if (ea === expMask || eb === expMask) {
      if ((ea === expMask && fa !== 0) || (eb === expMask && fb !== 0)) this.nan = true;
      else if ((ea | fa) === 0 || (eb | fb) === 0) this.nan = true;
      else if (negative !== 0) this.negInf = true;
      else this.posInf = true;
      return;
    }
    if ((ea | fa) === 0 || (eb | fb) === 0) return;
    let ma = ea !== 0 ? fa | hidden : fa;
    const mb = eb !== 0 ? fb | hidden : fb;
    if (negative !== 0) ma = -ma;
    const c = (ea !== 0 ? ea - 1 : 0) + (eb !== 0 ? eb - 1 : 0);
    const B = this.B;
    if (this.split) {
      const ah = ma >> 12;
      const al = ma & 0xfff;
      const bh = mb >> 12;
      const bl = mb & 0xfff;
      const mid = Math.imul(ah, bl) + Math.imul(al, bh);
      const low = Math.imul(al, bl) + ((mid & 0xfff) << 12);
      B[c] = B[c]! + (low & 0xffffff);
      B[c + 24] = B[c + 24]! + Math.imul(ah, bh) + (mid >> 12) + (low >>> 24);
      this.note(c, c + 24);
    } else {
      B[c] = B[c]! + Math.imul(ma, mb);
      this.note(c, c);
    }
  }

  /** Add the value of one word. */
  addValue(a: number): void {
    const fmt = this.fmt;
    const e = (a >>> fmt.expShift) & fmt.expMask;
    const f = a & fmt.fracMask;
    if (e === fmt.expMask) {
      if (f !== 0) this.nan = true;
      else if (a >>> fmt.signShift !== 0) this.negInf = true;
      else this.posInf = true;
      return;
    }
    if ((e | f) === 0) return;
    const m = e !== 0 ? f | fmt.hidden : f;
    const c = (e !== 0 ? e - 1 : 0) - fmt.emin;
    this.B[c] = this.B[c]! + (a >>> fmt.signShift !== 0 ? -m : m);
    this.note(c, c);
  }

  /** The sum rounded once to the format; the accumulator is empty again afterwards. */
  finish(): number {
    const fmt = this.fmt;
    let word = 0;
    if (this.hi >= 0) {
      word = finishBuckets(fmt, this.B, this.lo, this.hi + 1 - this.lo, this.lo + (fmt.emin << 1));
    }
    if (this.nan || (this.posInf && this.negInf)) word = fmt.defaultNaN;
    else if (this.posInf) word = fmt.posInf;
    else if (this.negInf) word = fmt.negInf;
    this.lo = 0x7fffffff;
    this.hi = -1;
    this.sinceFlush = 0;
    this.nan = this.posInf = this.negInf = false;
    return word;
  }
}
