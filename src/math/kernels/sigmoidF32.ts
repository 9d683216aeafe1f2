/**
 * The binary32 fast path of the logistic function σ(x) = 1/(1 + e^-x): about 2^-38 relative with 32-bit words, in
 * the float register (float.ts) with a proven bound, for kernels/round.ts's tryFinishF32. Undecided results go on to
 * the full-precision path of src/math/sigmoid.ts.
 *
 * Domain: x = (−1)^sign·m·2^E, m a 24-bit significand, −48 <= E <= −17, with 2^-25 <= |x|, x < 18 and x > −128
 * (f32_sigmoid's thresholds leave exactly these words).
 *
 * Method: v = e^-x from kernels/expF32.ts (expF32(sign ^ 1, m, E)): V·2^(n−63), V in [2^63, 2^64), within
 * ERR = EXPF32_ERR = 0x2280000 units of V. Then d = 1 + v is formed as a 64-bit D = d·2^(63−q) in [2^63, 2^64) and
 * σ = 1/d by kernels/recipF32.ts (relative error ε_r < 2^-43.3). Nothing cancels.
 *   x > 0: v in (e^-18, 1) and −26 <= n <= −1 (t = −x·log2 e, reduced within 2^-40, is in (−25.97, −2^-25.5)).
 *     D = 2^63 + floor(V/2^-n), q = 0. Its error: ERR·2^n from v and 1 from the floor, in units of 2^-63.
 *   x < 0: v in (1, e^128) and 0 <= n <= 184. 1 is 2^(63−n) units of V: added to V (no unit of it below V's last bit
 *     once n >= 64, a loss of less than one unit of V); when the sum reaches 2^64 it is halved (one bit, also less
 *     than one unit of V, dropped). q = n or n + 1. Error: ERR + 1 units of 2^(n−63).
 * Relative to d (d > 1 + 2^n(1 − 2^-38), so for x > 0 d >= 1.5 − 2^-38 when n = −1 and d >= 1.25 when n = −2), the
 * error of D is at most
 *   x > 0:  max((ERR/2 + 1)/1.5, (ERR/4 + 1)/1.25, ERR/8 + 1)·2^-63 (1 + 2^-37) = (ERR + 2)/1.5 · 2^-64 (1 + 2^-37),
 *   x < 0:  (ERR + 1)·2^-63·(1 + 2^-37).
 * σ = 1/d then carries that relative error (times 1 + 2^-38) plus ε_r, and the result significand sig = Y·2^s
 * (s = clz32 of Y's high word: Y is between 2^62·(1 − 2^-43.3) and 2^63·(1 + 2^-43.3)) is below 2^64·(1 + 2^-43.3).
 * In units of sig:
 *   x > 0:  2^64·ε_r + (ERR + 2)/1.5·(1 + 2^-36) < 1703417 + 24117250 = 25820667 < ERR_POS = 0x1900000,
 *   x < 0:  2^64·ε_r + (2·ERR + 2)·(1 + 2^-36) < 1703417 + 72351747 = 74055164 < ERR_NEG = 0x4800000
 * (2^64·2^-43.3 < 1703417; relative to sig >= 2^63, 2^-38.4 and 2^-36.8). So the finisher cannot decide about one
 * result in 10,000 (x > 0) or 3,600 (x < 0).
 *
 * Measured (test/math/kernels/sigmoidF32.test.ts, ~100k words biased to the domain's ends, the steps of n, the carry
 * of 1 + v, the reciprocal's table edges): the error reaches 0.27 of ERR_POS and 0.42 of ERR_NEG; undecided: 211 of
 * a million values uniform in [−15, 15], 19 of 119,035 random words of the domain.
 *
 * Registers: the float register only (R[FX], R[FX+1], fx), plus the reciprocal's scratch RCP. Constants are literals
 * and the normalizing count is Math.clz32 (V8 folds these; a module-level binding is a load on every call).
 */
import { R } from './fixed.js';
import { FX, fx } from './float.js';
import { expF32 } from './expF32.js';
import { RCP, recipF32 } from './recipF32.js';

/** The float register = σ(x) for x = (−1)^sign·m·2^E in the domain of the header, within fx.err units. */
export function sigmoidF32(sign: number, m: number, E: number): void {
  expF32(sign ^ 1, m, E);
  const n = fx.e;
  const vh = R[FX]!;
  const vl = R[FX + 1]!;
  let q = 0;
  if (sign === 0) {
    // 1 <= −n <= 26.
    RCP[0] = (vh >>> -n) | 0x80000000;
    RCP[1] = (vl >>> -n) | (vh << (32 + n));
  } else {
    // 1 is 2^(63−n) units of V: bit 31 − n of the high word, bit 63 − n of the low word, or below V's last bit.
    let h = vh;
    let l = vl;
    if (n < 32) {
      h = vh + (0x80000000 >>> n);
    } else if (n < 64) {
      l = vl + ((1 << (63 - n)) >>> 0);
      if (l >= 0x100000000) h = vh + 1;
    }
    if (h >= 0x100000000) {
      RCP[0] = (h >>> 1) | 0x80000000;
      RCP[1] = (l >>> 1) | (h << 31);
      q = n + 1;
    } else {
      RCP[0] = h;
      RCP[1] = l;
      q = n;
    }
  }
  recipF32();
  const yh = RCP[2]!;
  const yl = RCP[3]!;
  const s = Math.clz32(yh);
  if (s === 0) {
    R[FX] = yh;
    R[FX + 1] = yl;
  } else {
    R[FX] = (yh << s) | (yl >>> (32 - s));
    R[FX + 1] = yl << s;
  }
  // σ = Y·2^(−63−q) = sig·2^(−63−q−s); 0 − q, not −q, which would be −0 (not a small integer) for q = 0.
  fx.e = 0 - q - s;
  fx.err = sign === 0 ? 0x1900000 : 0x4800000;
}
