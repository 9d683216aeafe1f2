/**
 * Reference of hypot(x, y) = sqrt(x² + y²) for the tests: exact, by integer arithmetic on BigInts.
 *
 * x² + y² is formed exactly as S·4^E (E the smaller of the operands' lsb exponents), and its root as
 * q = floor(sqrt(S·4^T)) for a T that gives q at least 64 bits, with the exactness of the root decided by q² = S·4^T;
 * no approximation is involved. When one operand is below 2^-42 times the other, the result is strictly between the
 * larger magnitude and the next 64-bit number above it, which is all the rounding needs. The double sqrt(x·x + y·y) (x·x and y·y exact in a double for these formats, then two
 * roundings: within 2^-52) serves as the fast path away from rounding boundaries.
 *
 * Special cases (IEEE 754-2019 §9.2.1): hypot(±∞, y) = +∞ even for a quiet NaN y; a signaling NaN operand is invalid
 * and gives the quieted NaN even next to an infinity (as src/math/hypot.ts documents); other NaNs propagate; the
 * result of two zeros is +0.
 */
import { decode, type Format } from '../../reference/exact.js';
import { propagateFast, type FastResult } from '../../reference/fast.js';
import * as B from '../bigref.js';
import { res, type Precise } from '../reference.js';
import type { PairSpec } from './pow.js';

export function hypotSpecial(fmt: Format, a: number, b: number): FastResult | null {
  const x = decode(fmt, a);
  const y = decode(fmt, b);
  if (x.kind === 'inf' || y.kind === 'inf') {
    if (!(x.kind === 'nan' && x.signaling) && !(y.kind === 'nan' && y.signaling)) return res(fmt.posInf);
    return propagateFast(fmt, a, b);
  }
  if (x.kind === 'nan' || y.kind === 'nan') return propagateFast(fmt, a, b);
  if (x.kind === 'zero' && y.kind === 'zero') return res(0);
  return null;
}

/** sqrt(x² + y²) for finite x, y not both zero. */
export function hypotPrecise(fmt: Format, a: number, b: number): Precise {
  const x = decode(fmt, a);
  const y = decode(fmt, b);
  const terms = [x, y].filter((d) => d.kind === 'finite');
  if (terms.length === 2) {
    // |y| < 2^-42·|x|: sqrt(x² + y²) = |x|·(1 + δ), 0 < δ < 2^-85, strictly inside the unit above |x| scaled to 64
    // bits (a unit is 2^-63 of it): settled without the square root.
    const [big, small] = B.bitLength(x.m) + x.e >= B.bitLength(y.m) + y.e ? [x, y] : [y, x];
    if (B.bitLength(big.m) + big.e - (B.bitLength(small.m) + small.e) > 43) {
      const sh = 64 - B.bitLength(big.m);
      return { sign: 0, q: big.m << BigInt(sh), E: big.e - sh, exact: false };
    }
  }
  const E = Math.min(...terms.map((d) => d.e));
  let S = 0n;
  for (const d of terms) S += (d.m * d.m) << BigInt(2 * (d.e - E));
  // A root of at least 64 bits: far more than the p + 2 bits any rounding here needs.
  const T = Math.max(0, 66 - (B.bitLength(S) >> 1));
  const N = S << BigInt(2 * T);
  const q = B.isqrt(N);
  return { sign: 0, q, E: E - T, exact: q * q === N };
}

export const HYPOT: PairSpec = {
  dbl: (x, y) => Math.sqrt(x * x + y * y),
  // One operand below 2^-14 times the other: sqrt(x² + y²) = |x|·(1 + δ), 0 < δ < 2^-29.
  near: (x, y) => {
    const ax = Math.max(Math.abs(x), Math.abs(y));
    const ay = Math.min(Math.abs(x), Math.abs(y));
    if (ay === 0) return [ax, 0];
    return ay < ax * 2 ** -14 ? [ax, 1] : null;
  },
  special: hypotSpecial,
  precise: hypotPrecise,
};
