/**
 * High-precision reference values of the elementary functions for the tests, in BigInt arithmetic.
 *
 * Fixed-point kernels (a value v held as about v·2^640) do the series: exp by Taylor after halving 20 times and
 * squaring back, logarithms by the atanh series. `BF` is a minimal binary floating point (m·2^e, m a BigInt kept to
 * about 720 bits) that carries their results across magnitudes so that tiny and huge values keep their relative
 * precision. Errors are below 2^-560 relative, below the 2^-540 that `settle` demands before it hands a
 * value to the exact rounding of test/reference/exact.ts.
 */
export const PREC = 640n;
export const ONE = 1n << PREC;

function fmul(a: bigint, b: bigint): bigint {
  return (a * b) >> PREC;
}

function atanhInv(k: bigint): bigint {
  const kk = k * k;
  let term = ONE / k;
  let sum = 0n;
  for (let i = 1n; term !== 0n; i += 2n) {
    sum += term / i;
    term /= kk;
  }
  return sum;
}

export const LN2_FIXED = 2n * atanhInv(3n);
export const LN10_FIXED = 3n * LN2_FIXED + 2n * atanhInv(9n);

export function bitLength(x: bigint): number {
  if (x < 0n) x = -x;
  if (x === 0n) return 0;
  const hex = x.toString(16);
  return (hex.length - 1) * 4 + (32 - Math.clz32(parseInt(hex[0]!, 16)));
}

/** floor(a / b), b > 0. */
function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return q * b > a ? q - 1n : q;
}

/** A binary floating-point value m·2^e (m signed). */
export interface BF {
  m: bigint;
  e: number;
}

const WORK = 720;

export function bf(m: bigint, e: number): BF {
  const L = bitLength(m);
  if (L > WORK + 20) {
    const sh = L - WORK;
    return { m: m >> BigInt(sh), e: e + sh };
  }
  return { m, e };
}

export const BF_ONE: BF = { m: 1n, e: 0 };
export const LN2: BF = bf(LN2_FIXED, -640);
export const LN10: BF = bf(LN10_FIXED, -640);

export function mul(a: BF, b: BF): BF {
  return bf(a.m * b.m, a.e + b.e);
}

export function div(a: BF, b: BF): BF {
  const sh = WORK + bitLength(b.m) - bitLength(a.m) + 8;
  return bf((a.m << BigInt(Math.max(0, sh))) / b.m, a.e - Math.max(0, sh) - b.e);
}

export function add(a: BF, b: BF): BF {
  if (a.m === 0n) return b;
  if (b.m === 0n) return a;
  // A term more than 1200 bits below the other cannot matter at this precision.
  const ta = bitLength(a.m) + a.e;
  const tb = bitLength(b.m) + b.e;
  if (ta - tb > 1200) return a;
  if (tb - ta > 1200) return b;
  const e = Math.min(a.e, b.e);
  return bf((a.m << BigInt(a.e - e)) + (b.m << BigInt(b.e - e)), e);
}

export function neg(a: BF): BF {
  return { m: -a.m, e: a.e };
}

export function sub(a: BF, b: BF): BF {
  return add(a, neg(b));
}

/** The fixed value a·2^640, truncated toward −∞. */
function toFixed(a: BF): bigint {
  const sh = a.e + 640;
  return sh >= 0 ? a.m << BigInt(sh) : a.m >> BigInt(-sh);
}

/** e^a for |a| < 2^14. */
export function exp(a: BF): BF {
  const x = toFixed(a);
  const k = floorDiv(x + LN2_FIXED / 2n, LN2_FIXED);
  let r = x - k * LN2_FIXED;
  r >>= 20n;
  let term = ONE;
  let sum = ONE;
  for (let i = 1n; term !== 0n && term !== -1n; i++) {
    term = fmul(term, r) / i;
    sum += term;
  }
  for (let i = 0; i < 20; i++) sum = fmul(sum, sum);
  return bf(sum, Number(k) - 640);
}

/** ln a for a > 0 (absolute error about 2^-500: use series near 1 where relative precision matters). */
export function log(a: BF): BF {
  if (a.m <= 0n) throw new RangeError('log of a non-positive value');
  // a = x·2^k with x in [1, 2) as a fixed value.
  const L = bitLength(a.m);
  const k = L - 1 + a.e;
  const sh = 640 - (L - 1);
  const x = sh >= 0 ? a.m << BigInt(sh) : a.m >> BigInt(-sh);
  const s = ((x - ONE) << PREC) / (x + ONE);
  const s2 = fmul(s, s);
  let term = s;
  let sum = 0n;
  for (let i = 1n; term !== 0n; i += 2n) {
    sum += term / i;
    term = fmul(term, s2);
  }
  return bf(2n * sum + BigInt(k) * LN2_FIXED, -640);
}

/** ln(1 + y) for y > -1, by its series when |y| < 2^-64 and ln otherwise. */
export function log1p(y: BF): BF {
  if (y.m === 0n) return y;
  if (bitLength(y.m) + y.e < -64) {
    // y − y²/2 + y³/3 − y⁴/4 + y⁵/5 … (y^9 is below 2^-576 relative).
    let sum: BF = { m: 0n, e: 0 };
    let pw: BF = y;
    for (let i = 1; i <= 9; i++) {
      const term = div(pw, { m: BigInt(i), e: 0 });
      sum = add(sum, i % 2 === 1 ? term : neg(term));
      pw = mul(pw, y);
    }
    return sum;
  }
  return log(add(BF_ONE, y));
}

/** e^y − 1, by its series when |y| < 2^-64. */
export function expm1(y: BF): BF {
  if (y.m === 0n) return y;
  if (bitLength(y.m) + y.e < -64) {
    let sum: BF = { m: 0n, e: 0 };
    let term: BF = y;
    for (let i = 2; i <= 11; i++) {
      sum = add(sum, term);
      term = div(mul(term, y), { m: BigInt(i), e: 0 });
    }
    return sum;
  }
  return sub(exp(y), BF_ONE);
}

/** floor(sqrt(n)). */
export function isqrt(n: bigint): bigint {
  if (n < 0n) throw new RangeError('isqrt of a negative value');
  if (n < 2n) return n;
  let x = 1n << BigInt((bitLength(n) >> 1) + 1);
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) break;
    x = y;
  }
  while (x * x > n) x--;
  while ((x + 1n) * (x + 1n) <= n) x++;
  return x;
}

export class Undecided extends Error {}

/**
 * An approximation a (relative error below 2^-560) as q·2^E with the exact value strictly between q·2^E and
 * (q+1)·2^E, q of 240 bits; throws Undecided if the cut falls within 2^-540 (relative) of the value.
 */
export function settle(a: BF): { sign: number; q: bigint; E: number } {
  const sign = a.m < 0n ? 1 : 0;
  const m = a.m < 0n ? -a.m : a.m;
  const L = bitLength(m);
  if (L < 560) throw new Undecided(`settle: only ${L} bits`);
  const G = L - 240;
  const q = m >> BigInt(G);
  const low = m - (q << BigInt(G));
  const margin = 1n << BigInt(L - 540);
  if (low < margin || (1n << BigInt(G)) - low < margin) {
    throw new Undecided('settle: the value is too close to a cut (an exact result?)');
  }
  return { sign, q, E: a.e + G };
}
