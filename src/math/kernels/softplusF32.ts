/**
 * The binary32 fast path of softplus(x) = ln(1 + e^x): about 2^-37 relative or better with 32-bit words, in the float
 * register (float.ts) with a proven bound, for kernels/round.ts's tryFinishF32. Undecided results go on to the
 * full-precision path of src/math/softplus.ts.
 *
 * Domain: x = (−1)^sign·m·2^E, m a 24-bit significand, −54 <= E <= −17: 2^-31 <= |x|, x < 16 and x > −128
 * (f32_softplus's thresholds leave the last two; smaller |x| take the full path).
 *
 * Method: softplus(x) = max(x, 0) + ln(1 + w), w = e^-|x| in (e^-128, 1), nothing cancelling.
 * w from kernels/expF32.ts (expF32(1, m, E)): V·2^(n−63), V in [2^63, 2^64), within ERRX = EXPF32_ERR = 0x2280000
 * units of V; −185 <= n <= −1 (t = −|x|·log2 e, reduced within 2^-40, lies in (−184.7, −2^-30.4)).
 *
 * A. Table branch, n >= −10 (w >= 2^-10). Y = 2^63 + floor(V·2^n), y = Y·2^-63 in [1, 2), within
 *    (ERRX·2^n + 1)·2^-63 of 1 + w, so ln y is within that of ln(1 + w) (y >= 1). ln y as in kernels/logF32.ts, but
 *    for a 64-bit argument: j = y's top 9 fraction bits, c_j = C_j/2^17 (C_j <= 2^17) from logF32's TAB, and
 *    r = y·c_j − 1 = (m24·C_j − 2^40)·2^-40 + Ylow·C_j·2^-80, m24 = Y's top 24 bits, Ylow its low 40 bits. The first
 *    part is ρ40 = Math.imul(m24, C_j) exactly (logF32); the second, below 2^-23, is Q = t·C_j·2^14 (64 bits exact,
 *    t = floor(Ylow/2^8)) plus (Ylow mod 2^8)·C_j·2^6, which is Ylow·C_j·2^6 exactly. Hence, at 2^-56,
 *      r·2^56 = ρ40·2^16 + Q'/2^30, formed with the floor of Q'/2^30: below by less than 1 unit.
 *    r·2^40 lies in [−2^30, 2^31) (the extremes of y over each interval, test/math/kernels/softplusF32.test.ts);
 *    ρ'' = ρ40 + round(Q'h/2^14) (Q'h = floor(Q'/2^32)) is within 1/2 + 2^-14 of r·2^40, an integer in
 *    [−2^30, 2^31], kept as sign and magnitude u. logF32's D ≈ (1 − ln(1 + r)/r)·2^41 is computed from ρ'' exactly as
 *    there (sq, A, T; within 0.53 of its value D*(ρ''·2^-40) at ρ''), and D*(s) changes by at most (1 + 2^-8)
 *    per unit of s·2^40, so |D − D*(r)| < 0.53 + 0.5001·1.004 < 1.033; |D| < 2^31 + 2^22, ρ''·D >= 0. Then
 *      Z = −ln c_j·2^56 + r·2^56 − floor(ρ''·D/2^25),   ln y = r·2^56 − r·2^40·D*(r)·2^-25 (at 2^-56),
 *    with errors, in units of 2^-56: the table (T'_j of logF32 within 0.502 plus ln 2·2^56 = 0xb17217:f7d1cf7a
 *    within 0.34 for j >= 256) 0.85; r's floor 1; the product: 1 for its floor, |ρ'' − r·2^40|·|D|·2^-25 <
 *    0.5001·64.125 = 32.07, |r·2^40|·|D − D*|·2^-25 < 64·1.033 = 66.1. Total < 101 <= ERR_LN = 102, and
 *      errZ = ERRX·2^(n−7) + 2^-7 + ERR_LN <= (0x2280000 >> (7 − n)) + 103 (exact shift: 0x2280000 = 0x45·2^19).
 *    Z >= ln(1 + 2^-10)·2^56 − errZ > 2^45.99, so the high word is nonzero and normalizing shifts by s <= 18;
 *    errZ·2^s < 2^26.6 throughout (n = −1: errZ < 2^17.11, Z >= ln 1.5·2^56, s <= 9; each step down in n halves
 *    the first term and at most doubles 2^s; n = −10: 379·2^18).
 * B. Series branch, n <= −11 (w < 2^-10). ln(1 + w) = w·q, 1 − q = w·h, h = 1/2 − w/3 + w²/4 − w³/5 + …;
 *    with w_V = V·2^(n−63) and Vh = V's high word, in units of V's last bit (2^(n−63)):
 *      H = 2^31 − A3 + A4 ≈ h·2^32: A3 = floor(mulhi(Vh, 0x55555556)·2^(n+1)) (0 once the shift reaches 32) is within
 *        1.001 of w_V·2^32/3; A4 = floor(floor(Vh/2^16)²·2^(2n)) (0 for n <= −16) below w_V²·2^30 by less than 1.04;
 *        the tail w³/5·2^32 < 0.8: |H − h(w_V)·2^32| < 2.85 < 3.
 *      VD = floor(Vh·G·2^(n+1)), G = mulhi(Vh, H): against V·w_V·h(w_V) = V²·h·2^(n−63) it loses < 2^(33+n) to the
 *        low word of V (V² − Vh²·2^64 < 2^97, h < 1/2), (1 + 3)·2^(33+n) to G and H, and 1 to the floor.
 *      S = V − VD: within ERRX + 5·2^(33+n) + 1 of ln(1 + w)·2^(63−n) (ln(1 + w) has slope below 1).
 *    S > V·(1 − 2^-11): one normalizing bit at most; the bound 0x2280004 + 5·2^(33+n) (n >= −33) is below 2^25.8,
 *    2^26.8 after the shift.
 * x > 0: x + ln(1 + w) at 2^-56 (x·2^56 = m·2^(E+56) exact, 2 <= E + 56 <= 36), the branch-A value added as it is
 *   (errZ), the branch-B value as floor(S·2^(n−7)) (shift >= 18; error < 0x3680004·2^-18 + 1 < 220 units). The sum is
 *   at least ln 2·2^56 (branch B: x > 6.9, 2^58.7), a shift s <= 8 (5) normalizes it; errors times 2^s < 2^27.
 * So every bound stays below 2^26.8 units of a significand >= 2^63 (2^-36.2 relative) in the worst binades of w
 * (n = −10, −11), near 2^-38 elsewhere: the finisher cannot decide roughly one result in 10,000.
 *
 * Measured (test/math/kernels/softplusF32.test.ts, ~92k words biased to the domain's ends, the steps of n, the
 * branch switch and the log table's interval edges): the error reaches 0.61 of the bound for x > 0 and 0.76 for
 * x < 0 (0.77 on a further 1.06M random words of the domain); undecided: 16 of 142,341 random words of the domain,
 * 88 of a million values uniform in [−15, 15].
 *
 * Registers: the float register only (R[FX], R[FX+1], fx); words stay in locals and the private table TZ.
 */
import { R, mulhi } from './fixed.js';
import { FX, fx } from './float.js';
import { expF32 } from './expF32.js';
import { TAB } from './logF32.js';

/** −ln c_j·2^56 for j = 0 … 511 as (high word, low word): logF32's T'_j plus ln 2 for j >= 256. */
const TZ = new Int32Array(1024);
for (let j = 0; j < 512; j++) {
  let hi = TAB[(j << 1) + j + 1]!;
  let lo = TAB[(j << 1) + j + 2]! >>> 0;
  if (j >= 256) {
    // + ln 2·2^56 = 0xb17217:0xf7d1cf7a (rounded).
    const s = (lo + 0xf7d1cf7a) >>> 0;
    hi = hi + 0xb17217 + (s < lo ? 1 : 0);
    lo = s;
  }
  TZ[j << 1] = hi;
  TZ[(j << 1) | 1] = lo;
}

/** The float register = softplus(x) for x = (−1)^sign·m·2^E in the domain of the header, within fx.err units. */
export function softplusF32(sign: number, m: number, E: number): void {
  expF32(1, m, E);
  const n = fx.e;
  const vh = R[FX]!;
  const vl = R[FX + 1]!;
  let zHi: number;
  let zLo: number;
  let err: number;
  if (n >= -10) {
    // A. Y = 2^63 + floor(V·2^n).
    const yh = (vh >>> -n) | 0x80000000;
    const yl = (vl >>> -n) | (vh << (32 + n));
    const j = (yh >>> 22) & 0x1ff;
    const c = TAB[(j << 1) + j]!;
    const rho40 = Math.imul(yh >>> 8, c);
    // Q' = t·C·2^14 + (Ylow mod 2^8)·C·2^6 = Ylow·C·2^6.
    const t = (yh << 24) | (yl >>> 8);
    const c14 = c << 14;
    let qh = mulhi(t, c14);
    const ql0 = Math.imul(t, c14);
    const add = Math.imul(yl & 0xff, c) << 6;
    const ql = (ql0 + add) | 0;
    qh = qh + ((ql >>> 0) < (add >>> 0) ? 1 : 0);
    // ρ'' = round(r·2^40) as sign and magnitude (it may be 2^31).
    const rp = rho40 + ((qh + 0x2000) >>> 14);
    const neg = rp < 0;
    const u = (neg ? -rp : rp) >>> 0;
    // logF32's D from ρ''.
    const uh = u >>> 16;
    const ul = u & 0xffff;
    const sq = Math.imul(uh, uh) + (((Math.imul(uh << 1, ul) >>> 0) + (Math.imul(ul, ul) >>> 16)) >>> 16);
    const r9 = neg ? -(((u - 1) >>> 9) + 1) : u >>> 9;
    const A = (0xaaaaaaab - r9 + (Math.imul(sq >>> 16, 13107) >>> 15)) >>> 0;
    const sh = sq >>> 16;
    const sl = sq & 0xffff;
    const Ah = A >>> 16;
    const T = Math.imul(sh, Ah) + (Math.imul(sh, A & 0xffff) >>> 16) + (Math.imul(sl, Ah) >>> 16);
    const t8 = (T + 128) >>> 8;
    const d = (neg ? u + t8 : u - t8) >>> 0;
    const ph = mulhi(u, d);
    const pl = Math.imul(u, d);
    // Z = −ln c_j·2^56 + ρ40·2^16 + floor(Q'/2^30) − floor(P/2^25).
    zHi = TZ[j << 1]!;
    zLo = TZ[(j << 1) | 1]! >>> 0;
    let a = (rho40 << 16) >>> 0;
    let s = (zLo + a) >>> 0;
    zHi = zHi + (rho40 >> 16) + (s < a ? 1 : 0);
    zLo = s;
    a = ((qh << 2) | (ql >>> 30)) >>> 0;
    s = (zLo + a) >>> 0;
    zHi = zHi + (qh >>> 30) + (s < a ? 1 : 0);
    zLo = s;
    a = ((ph << 7) | (pl >>> 25)) >>> 0;
    s = (zLo - a) >>> 0;
    zHi = zHi - (ph >>> 25) - (zLo < a ? 1 : 0);
    zLo = s;
    err = (0x2280000 >>> (7 - n)) + 103;
    if (sign !== 0) {
      const k = Math.clz32(zHi);
      R[FX] = (zHi << k) | ((zLo >>> 1) >>> (31 - k));
      R[FX + 1] = zLo << k;
      fx.e = 7 - k;
      fx.err = err << k;
      return;
    }
  } else {
    // B. H ≈ h·2^32, G = mulhi(Vh, H), VD = floor(Vh·G·2^(n+1)), S = V − VD.
    const sh3 = -n - 1;
    const a3 = sh3 < 32 ? mulhi(vh, 0x55555556) >>> sh3 : 0;
    const v16 = vh >>> 16;
    const a4 = n >= -15 ? Math.imul(v16, v16) >>> (0 - n - n) : 0;
    const H = (0x80000000 - a3 + a4) | 0;
    const g = mulhi(vh, H);
    const fh = mulhi(vh, g) >>> 0;
    const fl = Math.imul(vh, g) >>> 0;
    let dh = 0;
    let dl = 0;
    if (sh3 < 32) {
      dh = fh >>> sh3;
      dl = ((fl >>> sh3) | (fh << (32 - sh3))) >>> 0;
    } else if (sh3 < 64) {
      dl = fh >>> (sh3 - 32);
    }
    let lo = (vl - dl) >>> 0;
    let hi = (vh - dh - (vl >>> 0 < dl ? 1 : 0)) >>> 0;
    err = 0x2280004 + (n >= -33 ? 5 << (33 + n) : 0);
    let e = n;
    if (hi < 0x80000000) {
      hi = ((hi << 1) | (lo >>> 31)) >>> 0;
      lo = (lo << 1) >>> 0;
      err <<= 1;
      e = n - 1;
    }
    if (sign !== 0) {
      R[FX] = hi;
      R[FX + 1] = lo;
      fx.e = e;
      fx.err = err;
      return;
    }
    // x > 0: floor(S·2^(n−7)) at 2^-56 (shift 7 − n >= 18; e = n or n − 1 with the significand doubled).
    const k = 7 - e;
    if (k < 32) {
      zHi = hi >>> k;
      zLo = ((lo >>> k) | (hi << (32 - k))) >>> 0;
    } else if (k < 64) {
      zHi = 0;
      zLo = hi >>> (k - 32);
    } else {
      zHi = 0;
      zLo = 0;
    }
    err = 220;
  }
  // x > 0: + x·2^56 = m·2^(E+56), 2 <= E + 56 <= 36.
  const xs = E + 56;
  let xHi: number;
  let xLo: number;
  if (xs >= 32) {
    xHi = m << (xs - 32);
    xLo = 0;
  } else {
    xHi = m >>> (32 - xs);
    xLo = (m << xs) >>> 0;
  }
  const s = (zLo + xLo) >>> 0;
  zHi = zHi + xHi + (s < xLo ? 1 : 0);
  zLo = s;
  const k = Math.clz32(zHi);
  R[FX] = (zHi << k) | ((zLo >>> 1) >>> (31 - k));
  R[FX + 1] = zLo << k;
  fx.e = 7 - k;
  fx.err = err << k;
}
