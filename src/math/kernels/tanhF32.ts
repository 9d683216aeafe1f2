/**
 * The binary32 fast path of tanh|x|: about 2^-38 relative with 32-bit words, in the float register (float.ts) with a
 * proven bound, for kernels/round.ts's tryFinishF32. Undecided results go on to the full-precision path of
 * src/math/tanh.ts.
 *
 * Domain: |x| = m·2^E, m a 24-bit significand, 2^-13 <= |x| < 9.5 (−36 <= E <= −20; f32_tanh's thresholds leave
 * exactly these words). Two methods, split at |x| = 1/16 (E <= −28 below).
 *
 * 1. |x| < 1/16 (tanhF32Poly): the odd series. tanh x = x·(1 − s·Q(s)), s = x² < 2^-8, with
 *      Q(s) = 1/3 − 2s/15 + 17s²/315 − 62s³/2835 + 1382s⁴/155925 − …,
 *    alternating with decreasing terms, so the four terms kept leave less than 0.00887·s⁴ < 2^-38.8. In fixed point,
 *    with S = floor(s·2^40) = floor(floor(m²/2^16)/2^(−56−2E)) (exact; S < 2^32) and Sh = floor(S/2^16):
 *      U3 = 56589 − floor(Sh·1433/2^20)            ≈ (17/315 − s·62/2835)·2^20: within 1.3 units (the constants'
 *                                                    roundings 0.26 and s·0.24·16, Sh's floor 0.0014, the floor 1);
 *      U2 = 0x88888889 − floor(Sh·U3/2^10)         ≈ (2/15 − s·U3)·2^34: 0.47 (constant) + s·1.3·2^14 (U3) + 55.3
 *                                                    (S's low half dropped, < 2^16·56590/2^26) + 1 < 140 units;
 *      Q  = 0xaaaaaaab − floor(mulhi3(S, U2)/2^9)  ≈ (1/3 − s·U2)·2^33: 1/3 (constant) + s·140/2 (U2) + 3/2^9 (the
 *                                                    three-product high word is low by < 3 units of 2^-42) + 1;
 *    so |Q − Q(s_c)·2^33| < 1.632 with the series' tail (0.018) and the step from s to s_c = S·2^-40 (0.001).
 *    F = floor(S·Q/2^32) (exact) is s·Q(s)·2^41 within (s − s_c)·Q·2^41 < 0.667, s_c·1.632·2^8 < 1.632 and the floor:
 *    3.3 units. Then, at scale 2^(E−40),
 *      sig = m·2^40 − floor(m·F/2)   (m·F exact in two words)
 *    is within m·3.3/2 + 1 < 1.65·2^24 + 1 units of tanh|x|·2^(40−E). sig >= m·2^40·(1 − 2^-9.58); when it is below
 *    2^63 it is normalized by one bit, which doubles the bound in units, but then m < 2^23·1.0014: 1.653·2^24 + 2.
 *    ERR_POLY = 0x1c00000 (1.75·2^24; 2^-38.2 relative).
 *
 * 2. |x| >= 1/16 (tanhF32Exp): tanh|x| = (1 − w)/(1 + w) = 2y − 1 with w = e^(−2|x|) from kernels/expF32.ts
 *    (expF32(1, m, E + 1): W·2^(n−63), within ERR = EXPF32_ERR = 0x2280000 units of W; −28 <= n <= −1 since 2|x| is in
 *    [1/8, 19)) and y = 1/d, d = 1 + w, from kernels/recipF32.ts (relative error ε_r < 2^-43.3). D = 2^63 +
 *    floor(W/2^-n) = d·2^63 within ERR·2^n + 1 units of 2^-63; Y ≈ y·2^63; Z = 2Y − 2^63 ≈ tanh|x|·2^63 exactly from
 *    Y. Error of Z, in units of 2^-63: 2^64·(ε_r/d_c + δd/(d_c·d)) with 2^64·δd <= 2·(ERR·2^n + 1) and d, d_c = D·2^-63
 *    >= 1.5 − 2^-38 when n = −1, >= 1.25 − 2^-38 when n = −2, >= 1 otherwise:
 *      max((ERR + 2)/2.25, (ERR/2 + 2)/1.5625, ERR/4 + 2)·(1 + 2^-36) + 2^64·2^-43.3 < 16078167 + 1703417
 *    < ERR_Z = 0x1180000 (2^24.13). The cancellation in 2y − 1 is carried exactly by the normalizing shift
 *    s = clz32(Z's high word), 0 <= s <= 5 (tanh(1/16) > 2^-4.002): sig = Z·2^s within ERR_Z·2^s units, at most
 *    2^29.13 (2^-33.9 relative) next to |x| = 1/16 and 2^25.13 (2^-37.9) once tanh|x| >= 1/2.
 *
 * Measured (test/math/kernels/tanhF32.test.ts, ~94k words biased to the domain's ends, both sides of 1/16, every
 * binade of the series, the steps of n, the reciprocal's table edges): the error reaches 0.47 of ERR_POLY and 0.42
 * of the exp path's bound; undecided: 137 of a million values uniform in [−4, 4], 172 of a million N(0, 2), 14 of
 * 63,059 random words of the domain.
 *
 * Registers: the float register only (R[FX], R[FX+1], fx), plus the reciprocal's scratch RCP. Constants are literals
 * and the normalizing count is Math.clz32 (V8 folds these; a module-level binding is a load on every call).
 */
import { R } from './fixed.js';
import { FX, fx } from './float.js';
import { expF32 } from './expF32.js';
import { RCP, recipF32 } from './recipF32.js';

/** The float register = tanh|x| for |x| = m·2^E, 2^-13 <= |x| < 1/16 (−36 <= E <= −28), within fx.err units. */
export function tanhF32Poly(m: number, E: number): void {
  // XX = floor(m²/2^16) from X = m·2^8 = X1·2^16 + X0.
  const x1 = m >>> 8;
  const x0 = (m & 0xff) << 8;
  const xx = Math.imul(x1, x1) + (((Math.imul(x0, x1) >>> 0) + (Math.imul(x0, x0) >>> 17)) >>> 15);
  const S = xx >>> (-56 - E - E);
  const sh = S >>> 16;
  const sl = S & 0xffff;
  const u3 = 56589 - (Math.imul(sh, 1433) >>> 20);
  const u2 = (0x88888889 - (Math.imul(sh, u3) >>> 10)) | 0;
  // mulhi3(S, U2): the high word of S·U2 without the low·low product.
  const u21 = u2 >>> 16;
  const u20 = u2 & 0xffff;
  const h3 = (Math.imul(sh, u21) + (Math.imul(sh, u20) >>> 16) + (Math.imul(sl, u21) >>> 16)) | 0;
  const q = (0xaaaaaaab - (h3 >>> 9)) | 0;
  // F = floor(S·Q/2^32), exactly.
  const q1 = q >>> 16;
  const q0 = q & 0xffff;
  const a = Math.imul(sl, q1);
  const b = Math.imul(sh, q0);
  const mid = (Math.imul(sl, q0) >>> 16) + (a & 0xffff) + (b & 0xffff);
  const f = (Math.imul(sh, q1) + (a >>> 16) + (b >>> 16) + (mid >>> 16)) | 0;
  // T = floor(m·F/2) from m·F = hi·2^32 + lo.
  const mh = m >>> 16;
  const ml = m & 0xffff;
  const f1 = f >>> 16;
  const f0 = f & 0xffff;
  const lo = Math.imul(m, f);
  const hi = Math.imul(mh, f1) + (((Math.imul(mh, f0) + (Math.imul(ml, f1) >>> 0) + (Math.imul(ml, f0) >>> 16)) >>> 16));
  const tl = (lo >>> 1) | (hi << 31);
  const th = hi >>> 1;
  // sig = m·2^40 − T.
  const gl = -tl | 0;
  const gh = ((m << 8) - th - (tl !== 0 ? 1 : 0)) | 0;
  if (gh < 0) {
    R[FX] = gh;
    R[FX + 1] = gl;
    fx.e = E + 23;
  } else {
    R[FX] = (gh << 1) | (gl >>> 31);
    R[FX + 1] = gl << 1;
    fx.e = E + 22;
  }
  fx.err = 0x1c00000;
}

/** The float register = tanh|x| for |x| = m·2^E, 1/16 <= |x| < 16 (−27 <= E <= −20), within fx.err units. */
export function tanhF32Exp(m: number, E: number): void {
  expF32(1, m, E + 1);
  const n = fx.e;
  const wh = R[FX]!;
  const wl = R[FX + 1]!;
  // D = 2^63 + floor(W/2^-n), 1 <= −n <= 28.
  RCP[0] = (wh >>> -n) | 0x80000000;
  RCP[1] = (wl >>> -n) | (wh << (32 + n));
  recipF32();
  const yh = RCP[2]!;
  const yl = RCP[3]!;
  // Z = 2Y − 2^63 (below 2^64), normalized.
  const zh = (((yh << 1) | (yl >>> 31)) - 0x80000000) | 0;
  const zl = yl << 1;
  const s = Math.clz32(zh);
  if (s === 0) {
    R[FX] = zh;
    R[FX + 1] = zl;
  } else {
    R[FX] = (zh << s) | (zl >>> (32 - s));
    R[FX + 1] = zl << s;
  }
  fx.e = 0 - s;
  fx.err = 0x1180000 << s;
}
