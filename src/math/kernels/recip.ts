/**
 * Reciprocal of a 64-bit significand to about 2^-61: for sig = (R[s]:R[s+1]) in [2^63, 2^64), standing for
 * D = sig/2^64 in [1/2, 1), sets R[d], R[d+1] = Y with Y·2^-63 ≈ 1/D in (1, 2], Y below 2^64
 * (1/D = 2 exactly, at sig = 2^63, gives 2^64 − 1).
 *
 * Method: y0 = X·2^-31 from approxRecip32 (src/primitives: within 2^-29 of 2^32/hi, which is within 2^-31 of
 * 1/D), so e = 1 − D·y0 is below 2^-28.4 in size. One second-order Newton step y1 = y0·(1 + e + e²) leaves
 * y0·e³/(1 − e) < 2^-84. The arithmetic: D·y0 is truncated to 2^-63 (1 unit), so e is within 1 unit of 2^-63 and
 * y0·e within 2 units; e² (formed from e cut to 32 bits) within 1 unit; y0·(e + e²) cut to 2^-63 loses 1 more.
 * So |Y − 2^63/D| < 5 units, Y >= 2^63.
 */
import { approxRecip32, umulHi } from '../../primitives/integer.js';
import { R } from './fixed.js';

export function recip64(d: number, s: number): void {
  const hi = R[s]!;
  const lo = R[s + 1]!;
  const x = approxRecip32(hi);
  // Z = D·y0·2^63 = sig·X/2^32.
  const zMid = (Math.imul(x, hi) >>> 0) + umulHi(x, lo);
  const zLo = zMid >>> 0;
  const zHi = (umulHi(x, hi) + (zMid >= 0x100000000 ? 1 : 0)) >>> 0;
  // e·2^63 = 2^63 − Z, |e|·2^63 < 2^35.
  let eHi = (0x80000000 - zHi - (zLo !== 0 ? 1 : 0)) | 0;
  let eLo = -zLo >>> 0;
  const eNeg = eHi < 0 ? 1 : 0;
  if (eNeg !== 0) {
    eLo = -eLo >>> 0;
    eHi = (~eHi + (eLo === 0 ? 1 : 0)) | 0;
  }
  // e²·2^63 = (|e|·2^63)^2 / 2^63, from |e| cut to 32 bits at scale 2^-59.
  const e32 = ((eLo >>> 4) | (eHi << 28)) >>> 0;
  const e2 = umulHi(e32, e32) >>> 23;
  // q = e + e² in sign-magnitude (for e < 0, |e| >= e² since |e| < 2^-28).
  let qLo: number;
  let qHi: number;
  if (eNeg === 0) {
    qLo = eLo + e2;
    qHi = eHi + (qLo >= 0x100000000 ? 1 : 0);
    qLo >>>= 0;
  } else {
    qLo = eLo - e2;
    qHi = eHi - (qLo < 0 ? 1 : 0);
    qLo >>>= 0;
  }
  // y0·q·2^63 = X·q/2^31, with q < 2^36.
  const aLo = Math.imul(x, qLo) >>> 0;
  const aHi = umulHi(x, qLo);
  const bLo = Math.imul(x, qHi) >>> 0;
  const bHi = umulHi(x, qHi);
  const midSum = aHi + bLo;
  const w1 = midSum >>> 0;
  const w2 = bHi + (midSum >= 0x100000000 ? 1 : 0);
  const cLo = ((aLo >>> 31) | (w1 << 1)) >>> 0;
  const cHi = ((w1 >>> 31) | (w2 << 1)) >>> 0;
  // Y = X·2^32 ± c.
  if (eNeg === 0) {
    const sumHi = x + cHi;
    if (sumHi >= 0x100000000) {
      R[d] = 0xffffffff;
      R[d + 1] = 0xffffffff;
      return;
    }
    R[d] = sumHi;
    R[d + 1] = cLo;
    return;
  }
  R[d] = x - cHi - (cLo !== 0 ? 1 : 0);
  R[d + 1] = -cLo;
}
