/**
 * sin, cos and tan for the BigInt references, independent of src/.
 *
 * The argument x (a float, so exactly m·2^e with e >= -149) is taken exactly as a fixed value X·2^-FB (FB = 1800
 * fraction bits) and reduced as X − k·(π/2), k = round(x/(π/2)), with π/2 from Machin's formula at FB + 32 bits
 * (error below 2^-1790; it agrees with pi.ts to that file's 2^-620). |x| < 2^129, so k·(π/2) is within 2^-1660 and
 * the reduced r (never below 2^-36 for a float x unless r = x) keeps more than 1600 correct bits. sin r / r and
 * cos r are their Taylor series in u = r² at FB bits (each term truncated: under 2^-1790 in all); sin r = r·(sin r/r)
 * is formed exactly as a BF product, so tiny arguments keep their relative precision. The results are within 2^-1500
 * relative, far below the 2^-560 that bigref.settle needs.
 */
import { bf, type BF } from '../bigref.js';
import { PI_FIXED } from './pi.js';

const FB = 1800n;
const GUARD = 32n;

function atanInv(k: bigint, one: bigint): bigint {
  const kk = k * k;
  let term = one / k;
  let sum = 0n;
  for (let i = 1n; term !== 0n; i += 2n) {
    sum += (i & 2n) === 0n ? term / i : -(term / i);
    term /= kk;
  }
  return sum;
}

/** π/2 at FB fraction bits. */
export const HALF_PI_FIXED = (2n * (4n * atanInv(5n, 1n << (FB + GUARD)) - atanInv(239n, 1n << (FB + GUARD)))) >> GUARD;

{
  // pi.ts promises 2^-620 at 2^-640.
  const d = (HALF_PI_FIXED >> (FB - 641n)) - PI_FIXED;
  if (d < -(1n << 20n) || d > 1n << 20n) throw new Error('bigref/trig: π disagrees with pi.ts');
}

const ONE = 1n << FB;

/** The reduction of x: quadrant k mod 4 and r·2^FB (signed), x ≡ k·π/2 + r. */
function reduce(x: BF): { q: number; r: bigint } {
  const neg = x.m < 0n;
  const m = neg ? -x.m : x.m;
  const sh = BigInt(x.e) + FB;
  if (sh < 0n) throw new RangeError('bigref/trig: argument below 2^-1800');
  let X = m << sh;
  if (neg) X = -X;
  // k = floor(X/H + 1/2), floored for negative X too.
  const num = 2n * X + HALF_PI_FIXED;
  const den = 2n * HALF_PI_FIXED;
  let k = num / den;
  if (k * den > num) k -= 1n;
  const r = X - k * HALF_PI_FIXED;
  const q = Number(((k % 4n) + 4n) % 4n);
  return { q, r };
}

/** Σ (−u)^i / (2i + first)! for first = 1 (sin r / r) or 0 (cos r), at FB bits. */
function series(u: bigint, first: bigint): bigint {
  let term = ONE;
  let sum = ONE;
  for (let i = 1n; term !== 0n; i++) {
    term = -((term * u) >> FB) / ((2n * i - 1n + first) * (2n * i + first));
    sum += term;
  }
  return sum;
}

function sinR(r: bigint): BF {
  const u = (r * r) >> FB;
  return bf(r * series(u, 1n), -2 * Number(FB));
}

function cosR(r: bigint): BF {
  const u = (r * r) >> FB;
  return bf(series(u, 0n), -Number(FB));
}

function negate(a: BF): BF {
  return { m: -a.m, e: a.e };
}

export function sin(x: BF): BF {
  const { q, r } = reduce(x);
  const v = (q & 1) === 0 ? sinR(r) : cosR(r);
  return q >= 2 ? negate(v) : v;
}

export function cos(x: BF): BF {
  const { q, r } = reduce(x);
  const v = (q & 1) === 0 ? cosR(r) : sinR(r);
  return q === 1 || q === 2 ? negate(v) : v;
}

/** sin x and cos x together (for tan), from one reduction. */
export function sinCos(x: BF): [BF, BF] {
  const { q, r } = reduce(x);
  const s = sinR(r);
  const c = cosR(r);
  switch (q) {
    case 0:
      return [s, c];
    case 1:
      return [c, negate(s)];
    case 2:
      return [negate(s), negate(c)];
    default:
      return [negate(c), s];
  }
}
