/**
 * A fast reciprocal for the binary32 fast paths (sigmoidF32.ts, tanhF32.ts): y = 1/d for d in [1, 2) given to 64
 * bits, within 2^-43.3 relative, with 32-bit words and 9 Math.imul.
 *
 * Input: D = Dh·2^32 + Dl = d·2^63 in RCP[0], RCP[1] (Dh >= 2^31). Output: Y = Yh·2^32 + Yl ≈ y·2^63 = 2^126/D in
 * RCP[2], RCP[3].
 *
 * First approximation: d's top word holds the leading 1, then j (10 bits), then g (16 bits): d = d_j + g·2^-26 + r,
 * d_j = 1 + j/1024, 0 <= r < 2^-26. Y0 = A_j − floor(B_j·g/2^11) with A_j = floor(2^41/(1024 + j)) (1/d_j at 2^-31,
 * A_0 = 2^31, A_1024 = 2^30) and B_j = round((A_j − A_(j+1))/32) < 2^16, the chord of 1/d over the interval at
 * 2^-31. So y0 = Y0·2^-31 lies above 1/d by at most the chord's height above 1/d, (d_j^(-1/2) − d_(j+1)^(-1/2))²
 * <= 2^-22/d_j³, plus the chord's drop over the r truncated from d (slope < 1: below 2^-26), plus B_j's rounding
 * (|32·B_j − (A_j − A_(j+1))| <= 16 moves the drop by at most 16·g/2^16 < 16 units of 2^-31: 2^-27), plus the floor
 * of the product (2^-31); and below it by at most the floors of the A's (2^-31). With d < 2 and d <= d_j + 2^-10,
 * e = 1 − d·y0 satisfies |e| < (1 + 2^-10)·2^-22 + 2·(2^-26 + 2^-27 + 2^-30), that is |e| < 1.196·2^-22 < 2^-21.7;
 * test/math/kernels/recipF32.test.ts evaluates e at both ends of every one of the 2^26 (j, g) cells: it lies in
 * [−1.0751, 0.0637]·2^-22.
 *
 * Newton step: 1/d = y0/(1 − e) = y0·(1 + e + e²/(1 − e)), and y = y0·(1 + e) is formed.
 *   E = e·2^52: D·Y0 = d·y0·2^94 = 2^94 − E·2^42, so E ≡ −floor(D·Y0/2^42) modulo 2^32, and |E| < 2^30.3 makes it
 *     the int32 of the low 32 bits. With Dh = a1·2^16 + a0, Y0 = b1·2^16 + b0 and Dl's high half c1:
 *       D·Y0/2^42 = a1b1·2^22 + (a1b0 + a0b1)·2^6 + a0b0/2^10 + Dl·Y0/2^42,
 *     of which the computed sum keeps the first three terms exactly (modulo 2^32), floors a0b0/2^10 and replaces the
 *     last by floor(c1·b1/2^10), dropping Dl's low half (Dl0·Y0/2^42 < 2^16·2^31/2^42 = 32) and c1·b0·2^16/2^42
 *     < 64: the computed E exceeds e·2^52 by δ, 0 <= δ < 98.
 *   Q = b1·E1 + floor(b1·E0/2^16) + floor(b0·E1/2^16) with E = E1·2^16 + E0 (E1 signed) is Y0·E/2^32 less τ,
 *     0 <= τ < 3 (two floors and the dropped b0·E0/2^32 < 1); Y = Y0·2^32 + Q·2^12 = y0·2^63·(1 + e + δ·2^-52)
 *     − τ·2^12.
 * Relative to 1/d (y0 = (1 − e)/d): Y·2^-63·d = (1 − e)(1 + e + δ·2^-52) − τ·2^-51·d
 *   = 1 − e² + δ·2^-52·(1 − e) − τ·2^-51·d,
 * so the relative error lies in (−e² − 6·2^-51, 98·2^-52·(1 + 2^-21.7)), within ±(2^-43.48 + 2^-48.4) < 2^-43.3
 * (measured on 200,000 inputs biased to the cell edges: −2^-43.86 … 2^-45.47). Y <= 2^63·(1 + 2^-43.3) and
 * Y > 2^62·(1 − 2^-43.3): the callers normalize with clz32(Yh), a shift of 0, 1 or 2.
 *
 * Speed notes: words stay in locals and the private scratch RCP (V8 would box a word >= 2^30 crossing a call); the
 * table is one Uint32Array of (A_j, B_j) pairs.
 */
import { umDivMod } from '../../primitives/integer.js';

/** Scratch words: [0] = Dh, [1] = Dl in; [2] = Yh, [3] = Yl out. */
export const RCP = new Uint32Array(4);

/** A_j at 2j, B_j at 2j + 1, for j = 0 … 1023 (see the header). */
export const RECIP_TAB = new Uint32Array(2048);
{
  let a = 0x80000000;
  for (let j = 0; j < 1024; j++) {
    // floor(2^41/(1025 + j)); 2^41 = 0x200·2^32 and 0x200 < 1025 + j.
    const next = j === 1023 ? 0x40000000 : umDivMod(0x200, 0, 1025 + j);
    RECIP_TAB[j << 1] = a;
    RECIP_TAB[(j << 1) | 1] = (a - next + 16) >>> 5;
    a = next;
  }
}

/** RCP[2], RCP[3] = Y ≈ 2^126/D for D = RCP[0]:RCP[1] in [2^63, 2^64), within 2^-43.3 relative. */
export function recipF32(): void {
  const dh = RCP[0]!;
  const i = (dh >>> 20) & 0x7fe;
  const y0 = (RECIP_TAB[i]! - (Math.imul(RECIP_TAB[i | 1]!, (dh >>> 5) & 0xffff) >>> 11)) | 0;
  const a1 = dh >>> 16;
  const a0 = dh & 0xffff;
  const b1 = y0 >>> 16;
  const b0 = y0 & 0xffff;
  // E = e·2^52 = −floor(D·Y0/2^42) modulo 2^32.
  const mid = (Math.imul(a1, b0) + Math.imul(a0, b1)) | 0;
  const ep =
    ((Math.imul(a1, b1) << 22) + (mid << 6) + (Math.imul(a0, b0) >>> 10) + (Math.imul(RCP[1]! >>> 16, b1) >>> 10)) | 0;
  const e = -ep | 0;
  const e1 = e >> 16;
  const e0 = e & 0xffff;
  // Q ≈ Y0·E/2^32; Y = Y0·2^32 + Q·2^12.
  const q = Math.imul(b1, e1) + (Math.imul(b1, e0) >>> 16) + (Math.imul(b0, e1) >> 16);
  RCP[2] = y0 + (q >> 20);
  RCP[3] = q << 12;
}
