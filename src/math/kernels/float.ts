/**
 * The working register of the elementary-function kernels: an approximation held as a normalized 64-bit significand
 * with an error bound.
 *
 * Registers R[FX], R[FX+1] (fixed.ts) hold sig in [2^63, 2^64); `fx.e` its exponent, the value being
 * sig·2^(e-63); `fx.err` a bound on the distance from sig to the exact value scaled the same way (units of the
 * significand's last bit). The sign of the mathematical result is kept by the caller. Kernels write this register;
 * the format finishers in round.ts read it.
 */
import { clz32 } from '../../primitives/integer.js';
import { R } from './fixed.js';

export const FX = 0;
export const fx = { e: 0, err: 0 };

/** Error bounds saturate here: anything this large sends every result to the slow path. */
export const ERR_HUGE = 0x3fffffff;

/** err·2^d for an error bound and a left shift, saturating. */
export function scaleErr(err: number, d: number): number {
  if (d <= 0) return err;
  if (d >= 30 || err >= ERR_HUGE >>> d) return ERR_HUGE;
  return err << d;
}

/**
 * Load the register with the value (top:R[r]:R[r+1])·2^q, top < 2^16, given with an error bound of `err` units of
 * 2^q. Normalizing shifts left (multiplying the error bound) or right (halving it and adding one unit for the bits
 * dropped). The value must be nonzero.
 */
export function setFloat(top: number, r: number, q: number, err: number): void {
  const hi = R[r]!;
  const lo = R[r + 1]!;
  if (top !== 0) {
    const sh = 32 - clz32(top);
    R[FX + 1] = (lo >>> sh) | (hi << (32 - sh));
    R[FX] = (hi >>> sh) | (top << (32 - sh));
    fx.e = q + sh + 63;
    // err/2^sh rounded up (truncating it could understate the bound by up to a unit), plus the dropped bits.
    fx.err = ((err + (1 << sh) - 1) >>> sh) + 1;
    return;
  }
  let d: number;
  if (hi === 0) {
    d = 32 + clz32(lo);
    R[FX] = d === 32 ? lo : lo << (d - 32);
    R[FX + 1] = 0;
  } else {
    d = clz32(hi);
    R[FX] = d === 0 ? hi : (hi << d) | (lo >>> (32 - d));
    R[FX + 1] = lo << d;
  }
  fx.e = q - d + 63;
  fx.err = scaleErr(err, d);
}
