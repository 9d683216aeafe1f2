/**
 * Reference of erf, and the double approximations of erf, erfc and Φ that the three specs (erf, erfc, gelu) share.
 *
 * Doubles: erf(x) for |x| < 2 by the series of positive terms (2/√π)·x·e^(−x²)·Σ (2x²)^n/(2n+1)!! (relative error
 * about 2^-50); erfc(t) for t >= 1 as e^(−t²)/√π times the continued fraction 1/(t + (1/2)/(t + 1/(t + (3/2)/(t + …))))
 * evaluated from the bottom (stable), with t² passed exactly (x² of a binary32 x is a double; for Φ, x²/2), so
 * that e^(−t²) carries only Math.exp's own error (about 2^-46 in all, measured against the BigInt reference by
 * erf.test.ts). Values within 2^-40 of a rounding boundary go to the BigInt reference (bigref/erf.ts) anyway.
 */
import { propagateFast } from '../../reference/fast.js';
import * as E from '../bigref/erf.js';
import { defineSpec, mag, oneMinusTiny, res, settled, signBitOf, one } from '../reference.js';

const SQRT_PI = 1.7724538509055160273;
export const TWO_OVER_SQRT_PI = 1.1283791670955125739;
export const INV_SQRT_2PI = 0.3989422804014327;

/** erf(x) by the series of positive terms, for |x| < 2.5. */
export function erfSeries(x: number): number {
  const x2 = x * x;
  const z = 2 * x2;
  let term = 1;
  let sum = 1;
  for (let n = 1; n < 200; n++) {
    term *= z / (2 * n + 1);
    sum += term;
    if (term < sum * 1e-18) break;
  }
  return TWO_OVER_SQRT_PI * x * Math.exp(-x2) * sum;
}

/** erfc(t) for t >= 1, given t2 = t² exactly. */
export function erfcLarge(t: number, t2: number): number {
  // e^(−t²) is 0 in doubles past here, and so is the result: skip the fraction (half of all binary32 words get here).
  if (t2 > 750) return 0;
  const n = t < 2 ? 400 : t < 4 ? 150 : 60;
  let f = t;
  for (let k = n; k >= 1; k--) f = t + k / 2 / f;
  return Math.exp(-t2) / (SQRT_PI * f);
}

export function erfD(x: number): number {
  const a = Math.abs(x);
  if (a < 2) return erfSeries(x);
  return Math.sign(x) * (1 - erfcLarge(a, a * a));
}

export function erfcD(x: number): number {
  if (x < 0) return 2 - erfcD(-x);
  if (x < 1) return 1 - erfSeries(x);
  return erfcLarge(x, x * x);
}

/** Q(u) = 1 − Φ(u) = erfc(u/√2)/2 for u >= 0, with the exponential's argument u²/2 exact. */
export function normalTail(u: number): number {
  const t = u / Math.SQRT2;
  if (t < 1) return (1 - erfSeries(t)) / 2;
  return erfcLarge(t, (u * u) / 2) / 2;
}

defineSpec('erf', {
  dbl: erfD,
  // Far out, ±(1 − erfc|x|): the sliver decides the roundings next to ±1.
  pair: (x) => (Math.abs(x) > 3 ? [Math.sign(x), -Math.sign(x) * erfcD(Math.abs(x)), -Math.sign(x)] : null),
  precise: (d, x) => (mag(d) >= 5 ? oneMinusTiny(d.sign) : settled(E.erf(x))),
  special: (fmt, d) => {
    if (d.kind === 'nan') return propagateFast(fmt, d.bits, 0);
    if (d.kind === 'inf') return res(signBitOf(fmt, d.sign) + one(fmt));
    if (d.kind === 'zero') return res(d.bits);
    return null;
  },
});
