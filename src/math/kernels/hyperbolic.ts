/**
 * The cores of the hyperbolic functions sinh, cosh, asinh, acosh and atanh, and the pieces they share: e^t ± e^-t
 * from the exponential core, a 64-bit square root, x² ± 1 formed exactly, ln y and ln(1 + r) of a value held in the
 * float register with its error bound, and the 160-bit e^t ± e^-t of the slow path. Each core leaves |f(x)| in the
 * float register (float.ts) with a proven error bound; the function files round it (round.ts) and decide the rare
 * undecided cases with the slow path.
 *
 * Square root (sqrtFloat): v = V·2^q with V a normalized 64-bit integer, M = V·2^-c in [1, 4) (c = 63 for odd q, 62
 * for even q). y0 = approxRecipSqrt32's Y0·2^-31 is within 2^-28 of 1/√M (2^-27.9 counting the 32-bit cut of M), so
 * e = 1 − M·y0² is below 2^-26.9 in size, and the second-order Newton step y1 = y0·(1 + e/2 + 3e²/8) leaves
 * y0·(5/16)|e|³/(1 − |e|) < 2^-81 relative. Arithmetic: y0² is exact; M·y0² is one 64x64 product at scale 2^-F,
 * F >= 62 (y0² normalized first), below the exact product by less than 3 units, so e is known to 3·2^-62 and
 * e/2 to 1.5·2^-62; |e| is then held exactly at scale 2^-89 and the e² term (from |e| cut to 32 bits) and y0·q
 * (a 32x64 product) are each within 2^-83; y1 cut to 2^-63 adds one unit, at most 2^-62 relative since y1 > 1/2.
 * So |y1·√M − 1| < 2.51·2^-62. The root is S = V·Y1/2^64 (one more 64x64 product, less than 3 units low), with
 * S < 2^62.5: |S − √M·2^(c−1)| < 2^62.5·2.51·2^-62 + 3 < 6.6 units, bounded by 8 (plus the input's own error bound,
 * which the root at most keeps in these units), before normalization.
 *
 * The other error bounds are derived where they are computed, in units of the 64-bit significand of the value
 * concerned (float.ts).
 */
import { approxRecipSqrt32, clz32, umulHi } from '../../primitives/integer.js';
import { BY_LOG2E, exp2Value, exp2m1Value, expReduce } from './exp2.js';
import { R, mul32x64Hi, mulHi64 } from './fixed.js';
import { FX, fx, scaleErr, setFloat } from './float.js';
import { LOG_Y, lnValue, logReduce, logSmall } from './log.js';
import { recip64 } from './recip.js';
import { MP_A, MP_B, MP_F, mpAdd, mpCopy, mpExp2, mpExpN, mpShr, mpSub } from './slow.js';
import { MP_LOG2E } from './tables.js';

/*
 * Registers (fixed.ts). The float register is 0–1, exp2.ts uses 2–25, log.ts 26–27 and 36–50; these are 28–35 and
 * 51–63 (single words: Y0W, MW).
 */
const XR = 28;
const SQ = 30;
const ZR = 32;
const QR = 34;
const Y0W = 51;
const Y1 = 52;
const CR = 54;
const SR = 56;
const DR = 58;
const YR = 60;
const MW = 62;

/** Scalars passed between the pieces (small integers). */
const hs = {
  /** The exponent of the value built by squarePlusMinusOne: V·2^q. */
  q: 0,
  /** Its error bound in units of V (0 when exact). */
  err: 0,
};

/** (R[d]:R[d+1]) = (R[s]:R[s+1]) >> sh for sh >= 0 (d may be s); returns 1 if nonzero bits were dropped. */
function shr64Reg(d: number, s: number, sh: number): number {
  const hi = R[s]!;
  const lo = R[s + 1]!;
  if (sh === 0) {
    R[d] = hi;
    R[d + 1] = lo;
    return 0;
  }
  if (sh < 32) {
    R[d + 1] = (lo >>> sh) | (hi << (32 - sh));
    R[d] = hi >>> sh;
    return lo << (32 - sh) !== 0 ? 1 : 0;
  }
  if (sh < 64) {
    R[d + 1] = hi >>> (sh - 32);
    R[d] = 0;
    return lo !== 0 || (sh > 32 && hi << (64 - sh) !== 0) ? 1 : 0;
  }
  R[d] = 0;
  R[d + 1] = 0;
  return (hi | lo) !== 0 ? 1 : 0;
}

/**
 * The float register = √(V·2^q) for V = R[r]:R[r+1] with its top bit set and within errIn units of the exact
 * radicand (the method and bound are in the header).
 */
export function sqrtFloat(r: number, q: number, errIn: number): void {
  const odd = q & 1;
  const c = odd !== 0 ? 63 : 62;
  const y0 = approxRecipSqrt32(odd !== 0 ? R[r]! >>> 1 : R[r]!);
  // y0² normalized (Y0 <= 2^31, so it has at least one leading zero): SQ = y0²·2^(62+g).
  let hi = umulHi(y0, y0);
  let lo = Math.imul(y0, y0) >>> 0;
  const g = clz32(hi);
  hi = ((hi << g) | (lo >>> (32 - g))) >>> 0;
  lo = (lo << g) >>> 0;
  R[SQ] = hi;
  R[SQ + 1] = lo;
  // Z = M·y0²·2^F, F = c + g − 2: 62, 63 or 64, as M·y0² is 1 to 2^-26.9 and Z lies in [2^62, 2^64).
  mulHi64(ZR, r, SQ);
  const F = c + g - 2;
  const zHi = R[ZR]!;
  const zLo = R[ZR + 1]!;
  // D = e·2^F = 2^F − Z modulo 2^64 (2^64 wraps to 0), |D| < 2^37.1, as a sign and a magnitude.
  let dLo = -zLo >>> 0;
  let dHi = ((F === 64 ? 0 : F === 63 ? 0x80000000 : 0x40000000) - zHi - (zLo !== 0 ? 1 : 0)) | 0;
  const eNeg = dHi < 0 ? 1 : 0;
  if (eNeg !== 0) {
    dLo = -dLo >>> 0;
    dHi = -dHi - (dLo !== 0 ? 1 : 0);
  }
  // |e|·2^89 (below 2^62.1), exact: a shift by 25, 26 or 27.
  const sh = 89 - F;
  const eHi = ((dHi << sh) | (dLo >>> (32 - sh))) >>> 0;
  const eLo = (dLo << sh) >>> 0;
  // 3e²/8 at 2^-89 from e32 = |e|·2^57 (the high word): e32²·2^-25, times 3, over 8.
  const pHi = umulHi(eHi, eHi);
  const pLo = Math.imul(eHi, eHi) >>> 0;
  const tHi0 = pHi >>> 25;
  const tLo0 = ((pHi << 7) | (pLo >>> 25)) >>> 0;
  const l3 = tLo0 + ((tLo0 << 1) >>> 0);
  const h3 = tHi0 + ((tHi0 << 1) | (tLo0 >>> 31)) + (l3 >= 0x100000000 ? 1 : 0);
  const tLo = (((l3 >>> 0) >>> 3) | (h3 << 29)) >>> 0;
  const tHi = h3 >>> 3;
  // |q|·2^89 = |e|/2 ± 3e²/8 (q = e/2 + 3e²/8 has e's sign, |e|/2 being far larger than 3e²/8).
  const halfLo = ((eLo >>> 1) | (eHi << 31)) >>> 0;
  const halfHi = eHi >>> 1;
  let qLo: number;
  let qHi: number;
  if (eNeg === 0) {
    qLo = halfLo + tLo;
    qHi = halfHi + tHi + (qLo >= 0x100000000 ? 1 : 0);
  } else {
    qLo = halfLo - tLo;
    qHi = halfHi - tHi - (qLo < 0 ? 1 : 0);
  }
  R[QR] = qHi;
  R[QR + 1] = qLo;
  R[Y0W] = y0;
  // y0·|q|·2^88, then cut to 2^-63.
  mul32x64Hi(CR, Y0W, QR);
  const cHi0 = R[CR]!;
  const cLo = ((R[CR + 1]! >>> 25) | (cHi0 << 7)) >>> 0;
  const cHi = cHi0 >>> 25;
  // Y1 = y1·2^63 = y0·2^63 ± y0·|q|·2^63.
  if (eNeg === 0) {
    R[Y1] = y0 + cHi;
    R[Y1 + 1] = cLo;
  } else {
    R[Y1] = y0 - cHi - (cLo !== 0 ? 1 : 0);
    R[Y1 + 1] = -cLo;
  }
  // S = V·Y1/2^64 = √M·2^(c−1), and √v = √M·2^((q+c)/2).
  mulHi64(SR, r, Y1);
  setFloat(0, SR, ((q - c) >> 1) + 1, 8 + errIn);
}

/**
 * R[XR] = x² + 1 (or x² − 1 with `minus`, for x > 1) for x = m·2^E (m < 2^24, x < 2^32), normalized, as V·2^hs.q
 * with an error bound of hs.err units: exact unless x² is below 2^-63, when its bits below 2^-63 are cut.
 */
export function squarePlusMinusOne(m: number, E: number, minus: boolean): void {
  let hi = umulHi(m, m);
  let lo = Math.imul(m, m) >>> 0;
  let q = E << 1;
  let err = 0;
  if (q >= 0) {
    // (m² << 2E) ± 1 at scale 1 (x² < 2^64).
    if (q >= 32) {
      hi = (lo << (q - 32)) >>> 0;
      lo = 0;
    } else if (q > 0) {
      hi = ((hi << q) | (lo >>> (32 - q))) >>> 0;
      lo = (lo << q) >>> 0;
    }
    if (minus) {
      hi -= lo === 0 ? 1 : 0;
      lo = (lo - 1) >>> 0;
    } else {
      lo = (lo + 1) >>> 0;
      hi += lo === 0 ? 1 : 0;
    }
    q = 0;
  } else if (q >= -63) {
    // m² ± 2^-2E at scale 2^2E (the sum stays below 2^64, the difference positive for x > 1).
    const b = -q;
    if (b >= 32) {
      hi = minus ? hi - ((1 << (b - 32)) >>> 0) : hi + ((1 << (b - 32)) >>> 0);
    } else {
      const one = (1 << b) >>> 0;
      if (minus) {
        const l = lo - one;
        hi -= l < 0 ? 1 : 0;
        lo = l >>> 0;
      } else {
        const l = lo + one;
        hi += l >= 0x100000000 ? 1 : 0;
        lo = l >>> 0;
      }
    }
  } else {
    // 1 + x² at scale 2^-63, x² cut (x² < 2^-63·2^48 leaves bit 63 to the 1).
    R[XR] = hi;
    R[XR + 1] = lo;
    const dropped = shr64Reg(XR, XR, -q - 63);
    hi = R[XR]! | 0x80000000;
    lo = R[XR + 1]!;
    q = -63;
    err = dropped;
  }
  hi >>>= 0;
  const lz = hi !== 0 ? clz32(hi) : 32 + clz32(lo);
  if (lz >= 32) {
    R[XR] = lo << (lz - 32);
    R[XR + 1] = 0;
  } else if (lz > 0) {
    R[XR] = (hi << lz) | (lo >>> (32 - lz));
    R[XR + 1] = lo << lz;
  } else {
    R[XR] = hi;
    R[XR + 1] = lo;
  }
  hs.q = q - lz;
  hs.err = err;
}

/**
 * The float register += m·2^E for m = R[MW], 0 < m < 2^32, both terms positive. The smaller term is cut to the
 * larger one's scale (one unit); the sum's bound is the larger term's plus the smaller one's scaled down, plus that
 * unit.
 */
export function addToFloat(E: number): void {
  const fE = fx.e;
  const fErr = fx.err;
  const c = clz32(R[MW]!);
  // m·2^E = (m << c : 0)·2^(xE − 63), xE = E − c + 31.
  const xE = E - c + 31;
  const xHi = R[MW]! << c;
  let top: number;
  let err: number;
  let scale: number;
  if (xE > fE) {
    const d = xE - fE;
    const cut = shr64Reg(SR, FX, d);
    const l = R[SR + 1]!;
    const h = (xHi >>> 0) + R[SR]!;
    R[SR] = h;
    R[SR + 1] = l;
    top = h >= 0x100000000 ? 1 : 0;
    err = (fErr >>> d) + 1 + cut;
    scale = xE - 63;
  } else {
    const d = fE - xE;
    R[SR] = xHi;
    R[SR + 1] = 0;
    const cut = shr64Reg(SR, SR, d);
    const l = R[FX + 1]! + R[SR + 1]!;
    const h = R[FX]! + R[SR]! + (l >= 0x100000000 ? 1 : 0);
    R[SR] = h;
    R[SR + 1] = l;
    top = h >= 0x100000000 ? 1 : 0;
    err = fErr + cut;
    scale = fE - 63;
  }
  setFloat(top, SR, scale, err);
}

/**
 * The float register = ln y for y = the float register's value, y >= 1 + 2^-9, with y's error bound carried: a
 * relative error ε of y moves ln y by at most ε(1 + ε), so y's err units (relative err·2^-63 at most) add
 * err·2^-e + 1 units of the logarithm, whose exponent e is at least −10 here.
 */
export function lnOfFloat(): void {
  const yErr = fx.err;
  R[LOG_Y] = R[FX]!;
  R[LOG_Y + 1] = R[FX + 1]!;
  logReduce(fx.e);
  lnValue();
  const le = fx.e;
  fx.err += (le >= 0 ? yErr >>> le : scaleErr(yErr, -le)) + 1;
}

/**
 * The float register = ln(1 + r) for r = the float register's value, 2^-31 <= r, with r's error bound carried. For
 * r < 2^-9 the series kernel takes r directly (its result within 8 units; r's relative error ε moves ln(1 + r) by
 * at most ε·ln(1 + r), at most twice r's err in units of the result); otherwise y = 1 + r is formed at the scale of
 * the larger term (one more unit) and taken to lnOfFloat.
 */
export function log1pOfFloat(): void {
  const rE = fx.e;
  const rErr = fx.err;
  const hi = R[FX]!;
  const lo = R[FX + 1]!;
  if (rE <= -10) {
    R[DR] = hi;
    R[DR + 1] = lo;
    logSmall(DR, -(rE + 10), 0);
    lnValue();
    fx.err += scaleErr(rErr, 1);
    return;
  }
  if (rE < 0) {
    // y = 2^63 + r's significand >> −rE at scale 2^-63.
    const sh = -rE;
    R[DR + 1] = (lo >>> sh) | (hi << (32 - sh));
    R[DR] = (hi >>> sh) | 0x80000000;
    setFloat(0, DR, -63, (rErr >>> sh) + 2);
  } else if (rE <= 63) {
    // 1 = 2^(63 − rE) units of r's significand.
    const bit = 63 - rE;
    let h: number;
    let l = lo;
    if (bit >= 32) {
      h = hi + ((1 << (bit - 32)) >>> 0);
    } else {
      l = lo + ((1 << bit) >>> 0);
      h = hi + (l >= 0x100000000 ? 1 : 0);
    }
    R[DR] = h;
    R[DR + 1] = l;
    setFloat(h >= 0x100000000 ? 1 : 0, DR, rE - 63, rErr);
  } else {
    // The 1 is below r's last unit.
    fx.err = rErr + 1;
  }
  lnOfFloat();
}

/**
 * cosh t or, with `minus`, sinh t into the float register, for t = m·2^E (m < 2^25), t at least 2^-12 (cosh) or 1
 * (sinh) and below 128: (v ± 1/v)/2 with v = e^t.
 *
 * v is within errV = 2 units of its significand (exp2.ts); 1/v = Y·2^(−e−64) from recip64, Y within 5 units of
 * 2^127/sig and so within 5 + 2·errV (plus 2^-60) of 2^127/v's exact significand. At v's scale 1/v is Y >> (2e + 1),
 * within (2·errV + 6)/2^(2e+1) + 1 units. The sum (cosh) is at least v, the difference (sinh, e >= 1) at least
 * v(1 − 1/e²) > 0.86·v, so the bound errV + ((2·errV + 6) >> (2e + 1)) + 2 (9 units) of the unnormalized result
 * becomes at most 18 units (relative 2^-59) once normalized.
 */
export function coshSinhCore(m: number, E: number, minus: boolean): void {
  expReduce(0, m, E, BY_LOG2E, false);
  exp2Value();
  const vE = fx.e;
  const errV = fx.err;
  const vHi = R[FX]!;
  const vLo = R[FX + 1]!;
  recip64(YR, FX);
  const sh = (vE << 1) + 1;
  shr64Reg(CR, YR, sh);
  const wHi = R[CR]!;
  const wLo = R[CR + 1]!;
  let top = 0;
  if (!minus) {
    const l = vLo + wLo;
    const h = vHi + wHi + (l >= 0x100000000 ? 1 : 0);
    R[SR] = h;
    R[SR + 1] = l;
    top = h >= 0x100000000 ? 1 : 0;
  } else {
    const l = vLo - wLo;
    R[SR] = vHi - wHi - (l < 0 ? 1 : 0);
    R[SR + 1] = l;
  }
  setFloat(top, SR, vE - 64, errV + (((errV << 1) + 6) >>> (sh < 31 ? sh : 31)) + 2);
}

/**
 * sinh t into the float register for t = m·2^E, 2^-12 <= t < 1: with u = e^t − 1 from the exponential core (errU
 * units, relative accuracy for small t), sinh t = (u + u/(1 + u))/2, both terms positive.
 *
 * D = 1 + u at scale 2^-63 is within errU·2^-k + 2 units (k = −(u's exponent) >= 0; exact but for the carry when
 * k = 0); its relative error is at most (errU + 2)·2^-63. The quotient Q = u·(1/D) (recip64: 5 units; the 64x64
 * product: 3 units of a product of at least 2^62) has a relative error of at most (2·errU + 13)·2^-63 plus second
 * order terms, bounded by 4·errU + 28 units of its unnormalized 64-bit product (below 2^64). Q <= u, so the sum at
 * u's scale is within errU + errQ·2^-j + 2 units (j the exponent difference, Q cut to u's scale), a relative error
 * below (5·errU + 30)·2^-63 after normalization; errU is 6 units when t·log2 e < 2^-9 and reflects the cancellation
 * in e^t − 1 otherwise (at worst about 2^11 units near t = 2^-9.5, a relative error of 2^-50 for the result).
 */
export function sinhSmallCore(m: number, E: number): void {
  expReduce(0, m, E, BY_LOG2E, true);
  exp2m1Value();
  const uE = fx.e;
  const uErr = fx.err;
  const uHi = R[FX]!;
  const uLo = R[FX + 1]!;
  R[QR] = uHi;
  R[QR + 1] = uLo;
  // D = 1 + u at 2^-63 (u < 2, uE <= 0; u >= t >= 2^-12 keeps the shift below 32).
  const k = -uE;
  if (k === 0) {
    R[DR] = uHi + 0x80000000;
    R[DR + 1] = uLo;
    setFloat(1, DR, -63, uErr);
  } else {
    R[DR + 1] = (uLo >>> k) | (uHi << (32 - k));
    R[DR] = (uHi >>> k) | 0x80000000;
    setFloat(0, DR, -63, (uErr >>> k) + 2);
  }
  const dE = fx.e;
  recip64(YR, FX);
  mulHi64(ZR, QR, YR);
  setFloat(0, ZR, uE - 63 - dE, scaleErr(uErr, 2) + 28);
  // u + Q at u's scale, halved.
  const j = uE - fx.e;
  const qErr = fx.err;
  const cut = shr64Reg(CR, FX, j);
  const l = uLo + R[CR + 1]!;
  const h = uHi + R[CR]! + (l >= 0x100000000 ? 1 : 0);
  R[SR] = h;
  R[SR + 1] = l;
  setFloat(h >= 0x100000000 ? 1 : 0, SR, uE - 64, uErr + (j === 0 ? qErr : (qErr >>> j) + 1) + cut);
}

/**
 * ln(2x) into the float register for x = m·2^E >= 2^32, m with its top bit at 2^(bits−1): asinh x and acosh x
 * differ from it by less than 1/(4x²) <= 2^-66, below a unit of a result of at least 22, so one unit is added.
 */
export function lnTwiceCore(m: number, E: number, bits: number): void {
  R[LOG_Y] = m << (32 - bits);
  R[LOG_Y + 1] = 0;
  logReduce(E + bits);
  lnValue();
  fx.err += 1;
}

/**
 * asinh x into the float register for x = m·2^E (m with its top bit at 2^(bits−1)), 2^-12 <= x < 2^32. With
 * s = √(x² + 1) (x² + 1 exact, or cut by one unit when x² < 2^-63):
 * - x >= 1: ln(x + s), x + s >= 1 + √2 (cut to s's scale);
 * - x < 1: ln(1 + r) with r = x + x²/(1 + s), no cancellation: 1 + s in [2, 1 + √2) carries s's relative error
 *   halved, its reciprocal 5 units, x² is exact and the 64x64 product 3 units, so the quotient is within
 *   errS + 28 units; it is below x/2, so r keeps at most half that relative error plus the cut unit.
 */
export function asinhCore(m: number, E: number, bits: number): void {
  squarePlusMinusOne(m, E, false);
  sqrtFloat(XR, hs.q, hs.err);
  if (E + bits > 0) {
    R[MW] = m;
    addToFloat(E);
    lnOfFloat();
    return;
  }
  // D = 1 + s: s in [1, √2), so D = 2^63 + sig carries into a third word.
  const sErr = fx.err;
  R[DR] = R[FX]! + 0x80000000;
  R[DR + 1] = R[FX + 1]!;
  setFloat(1, DR, -63, sErr);
  const dE = fx.e;
  recip64(YR, FX);
  // x² = m²·2^2E normalized into ZR.
  const hi = umulHi(m, m);
  const lo = Math.imul(m, m) >>> 0;
  const lz = hi !== 0 ? clz32(hi) : 32 + clz32(lo);
  if (lz >= 32) {
    R[ZR] = lo << (lz - 32);
    R[ZR + 1] = 0;
  } else {
    R[ZR] = (hi << lz) | (lo >>> (32 - lz));
    R[ZR + 1] = lo << lz;
  }
  // x²/D = (X2·Y/2^64)·2^(x2q − dE), x² = X2·2^x2q, x2q = 2E − lz.
  mulHi64(QR, ZR, YR);
  setFloat(0, QR, (E << 1) - lz - dE, sErr + 28);
  R[MW] = m;
  addToFloat(E);
  log1pOfFloat();
}

/**
 * acosh x into the float register for x = m·2^E > 1 (m < 2^24), x < 2^32: ln(1 + r) with r = d + √(x² − 1),
 * d = x − 1 exact and x² − 1 = (x − 1)(x + 1) exact in 64 bits, both terms positive (d <= √(x² − 1)).
 */
export function acoshCore(m: number, E: number): void {
  squarePlusMinusOne(m, E, true);
  sqrtFloat(XR, hs.q, hs.err);
  // d = (m − 2^-E)·2^E, or m·2^E − 1 (below 2^32) at scale 1.
  R[MW] = E < 0 ? m - (1 << -E) : (m << E) - 1;
  addToFloat(E < 0 ? E : 0);
  log1pOfFloat();
}

/**
 * atanh x into the float register for x = m·2^E (m with its top bit at 2^(bits−1)), 2^-12 <= x < 1: ln(1 + r)/2
 * with r = 2x/(1 − x), 1 − x exact, its reciprocal within 5 units and the 32x64 product within 2 units of a
 * product of at least 2^62: r is within 20 units.
 */
export function atanhCore(m: number, E: number, bits: number): void {
  // 1 − x = (2^-E − m)·2^E, −E <= 36.
  const ne = -E;
  let hi = ne >= 32 ? 1 << (ne - 32) : 0;
  let lo = ne >= 32 ? 0 : (1 << ne) >>> 0;
  const l = lo - m;
  hi -= l < 0 ? 1 : 0;
  lo = l >>> 0;
  R[DR] = hi;
  R[DR + 1] = lo;
  setFloat(0, DR, E, 0);
  const dE = fx.e;
  recip64(YR, FX);
  R[MW] = m << (32 - bits);
  mul32x64Hi(QR, MW, YR);
  setFloat(0, QR, bits + E + 1 - dE - 64, 20);
  log1pOfFloat();
  fx.e -= 1;
}

const E1 = [0, 0, 0, 0, 0, 0];

/**
 * The slow path's e^t ± e^-t: MP_A = (e^t + e^-t)·2^-n, or (e^t − e^-t)·2^-n with `minus`, for t = m·2^E > 0
 * (m < 2^25, t < 700), where e^t = F·2^n with F in [1, 2); returns n. Both exponentials are within 2^-140
 * relative (slow.ts), so the difference is within about 2^-138 absolute of a value of at least 2t·2^-n.
 */
export function mpExpPair(m: number, E: number, minus: boolean): number {
  mpExp2(0, m, E, MP_LOG2E);
  const n = mpExpN;
  mpCopy(E1, MP_F);
  mpExp2(1, m, E, MP_LOG2E);
  mpShr(MP_B, MP_F, n - mpExpN);
  if (minus) mpSub(MP_A, E1, MP_B);
  else mpAdd(MP_A, E1, MP_B);
  return n;
}
