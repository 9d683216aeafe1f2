/**
 * Deterministic replacements for the few transcendental functions the trainer needs.
 *
 * IEEE 754 makes +, -, *, / (and Math.round, Math.abs, Math.max, Math.fround) exact or correctly rounded, so a fixed
 * sequence of them gives the same bits on every machine. Math.exp, Math.log and friends are only "approximations"
 * in the ECMAScript specification and have changed in the last bit between V8 versions; a training run that used
 * them could drift to different weights on another Node release. So the trainer computes exp (softmax) and sqrt
 * (initialisation scale) here from basic arithmetic only.
 */

const LN2_HI = 6.93147180369123816490e-1; // ln 2 with its low 21 significand bits cleared: k * LN2_HI is exact
const LN2_LO = 1.90821492927058770002e-10; // ln 2 - LN2_HI
const INV_LN2 = 1.44269504088896338700;

/** 2^k for k = -1022 … 1023, built by exact doubling and halving. */
const POW2 = (() => {
  const t = new Float64Array(2046);
  t[1022] = 1;
  for (let k = 1; k <= 1023; k++) t[1022 + k] = t[1021 + k]! * 2;
  for (let k = 1; k <= 1022; k++) t[1022 - k] = t[1023 - k]! / 2;
  return t;
})();

/** 1/n! for n = 0 … 13, each a correctly rounded quotient of exact integers. */
const INV_FACT = (() => {
  const t: number[] = [];
  let f = 1;
  for (let n = 0; n <= 13; n++) {
    if (n > 0) f *= n; // 13! < 2^53: exact
    t.push(1 / f);
  }
  return t;
})();

/**
 * e^x from basic arithmetic: x = k·ln2 + r with |r| <= ln2/2 (Cody–Waite split of ln 2), a degree-13 Taylor
 * polynomial for e^r in Horner form (truncation error below 2^-60 relative), then an exact scaling by 2^k. Accurate to
 * a few units in the last place; results below the smallest normal double (x < -708) are flushed to 0, which is
 * harmless for softmax probabilities.
 */
export function detExp(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x > 709) return Infinity;
  if (x < -708) return 0;
  const k = Math.round(x * INV_LN2);
  const r = x - k * LN2_HI - k * LN2_LO;
  let p = INV_FACT[13]!;
  for (let n = 12; n >= 0; n--) p = p * r + INV_FACT[n]!;
  // With -708 <= x <= 709, k lies in [-1021, 1023] and p in [0.7, 1.42]: the product is finite and normal.
  return p * POW2[1022 + k]!;
}

/**
 * Square root of a positive finite `x` by Newton's iteration from a power-of-two estimate, with a fixed number of
 * steps, using only + * /. Within an ulp of the true root (Newton may settle one ulp off the correctly rounded value).
 * Used for initialisation scales, where one ulp does not matter but being the same everywhere does.
 */
export function detSqrt(x: number): number {
  if (!(x > 0) || x === Infinity) {
    if (x === 0) return 0;
    throw new RangeError(`detSqrt: expected a positive finite number, got ${x}`);
  }
  // Estimate within a factor of two: halve the binary exponent.
  let e = 0;
  let m = x;
  while (m >= 4) {
    m /= 4;
    e++;
  }
  while (m < 1) {
    m *= 4;
    e--;
  }
  let y = POW2[1022 + e]! * (m < 2 ? 1 : 1.5);
  // Quadratic convergence from within a factor of 2: 8 steps are far more than the 6 needed for 53 bits.
  for (let i = 0; i < 8; i++) y = 0.5 * (y + x / y);
  return y;
}
