/**
 * fast-check generators of words, biased toward the inputs where floating-point implementations break: zeros,
 * subnormals (the smallest and largest), the smallest and largest normals, infinities, quiet and signaling NaNs with
 * payloads, values next to powers of two; and, per operation, operand pairs whose exact result is a rounding tie or
 * a near-tie, lands next to the underflow or overflow threshold, cancels (b close to −a), or has a huge exponent
 * difference. Plus uniformly random bit patterns.
 */
import fc from 'fast-check';
import { INT_RANGE, decode, mul as refMul, roundExact, type Format, type IntKind } from '../reference/exact.js';

type Arb<T> = fc.Arbitrary<T>;

export function maxExpField(fmt: Format): number {
  return (1 << fmt.ebits) - 1;
}

export function fracBits(fmt: Format): number {
  return fmt.p - 1;
}

/** The word with the given sign (0/1), biased exponent field and fraction field (fields are clamped). */
export function pack(fmt: Format, sign: number, expField: number, frac: number): number {
  const e = Math.max(0, Math.min(maxExpField(fmt), expField));
  const f = Math.max(0, Math.min(fmt.fracMask, frac));
  return (sign ? fmt.signBit : 0) + e * 2 ** fracBits(fmt) + f;
}

function expFieldOf(fmt: Format, w: number): number {
  return Math.floor((w % fmt.signBit) / 2 ** fracBits(fmt));
}

function fracOf(fmt: Format, w: number): number {
  return w % 2 ** fracBits(fmt);
}

/** A list of special words, both signs of each. */
export function specialWords(fmt: Format): number[] {
  const fb = fracBits(fmt);
  const M = maxExpField(fmt);
  const q = fmt.quietBit;
  const mags = [
    0, // zero
    1, // smallest subnormal
    2,
    3,
    q, // a subnormal with only the top fraction bit
    fmt.fracMask, // largest subnormal
    fmt.fracMask - 1,
    2 ** fb, // smallest normal
    2 ** fb + 1,
    2 ** (fb + 1), // 2 · smallest normal
    2 ** (fb + 1) - 1,
    fmt.bias * 2 ** fb, // 1
    fmt.bias * 2 ** fb + 1,
    fmt.bias * 2 ** fb - 1, // just below 1
    (fmt.bias - 1) * 2 ** fb, // 1/2
    (fmt.bias + 1) * 2 ** fb, // 2
    (fmt.bias + 1) * 2 ** fb + q, // 3
    fmt.maxFinite, // largest finite
    fmt.maxFinite - 1,
    (M - 1) * 2 ** fb, // largest power of two
    fmt.posInf, // infinity
    fmt.posInf + q, // quiet NaN, zero payload
    fmt.posInf + q + 1, // quiet NaN, payload 1
    fmt.posInf + fmt.fracMask, // quiet NaN, full payload
    fmt.posInf + 1, // signaling NaN, payload 1
    fmt.posInf + q - 1, // signaling NaN, full payload
    fmt.posInf + (q >> 1), // signaling NaN, top payload bit
  ];
  return mags.flatMap((m) => [m, m + fmt.signBit]);
}

export function nanWords(fmt: Format): number[] {
  return specialWords(fmt).filter((w) => decode(fmt, w).kind === 'nan');
}

/** Exponent fields, biased toward the ends and the middle of the range. */
export function expFieldArb(fmt: Format, finiteOnly = false): Arb<number> {
  const M = maxExpField(fmt) - (finiteOnly ? 1 : 0);
  const p = fmt.p;
  const b = fmt.bias;
  return fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: 0, max: M }) },
    { weight: 2, arbitrary: fc.constantFrom(...[0, 1, 2, b - 1, b, b + 1, M - 2, M - 1, M].filter((e) => e <= M)) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: Math.min(M, p + 2) }) },
    { weight: 1, arbitrary: fc.integer({ min: Math.max(0, M - p - 2), max: M }) },
  );
}

/** Fraction fields: random, edge values, and random values with long runs of trailing zeros or ones. */
export function fracArb(fmt: Format): Arb<number> {
  const fb = fracBits(fmt);
  const q = fmt.quietBit;
  const f = fmt.fracMask;
  return fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: 0, max: f }) },
    { weight: 2, arbitrary: fc.constantFrom(0, 1, 2, 3, f, f - 1, q, q - 1, q + 1, q + 2) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.integer({ min: 0, max: f }), fc.integer({ min: 0, max: fb }))
        .map(([x, k]) => Math.floor(x / 2 ** k) * 2 ** k),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.integer({ min: 0, max: f }), fc.integer({ min: 0, max: fb }))
        .map(([x, k]) => Math.floor(x / 2 ** k) * 2 ** k + 2 ** k - 1),
    },
  );
}

/** Uniformly random bit patterns. */
export function uniformArb(fmt: Format): Arb<number> {
  return fmt.width === 32 ? fc.integer({ min: 0, max: 0xffffffff }) : fc.integer({ min: 0, max: 0xffff });
}

/** Words near powers of two: 2^k, the next word up, the word below. */
export function nearPow2Arb(fmt: Format): Arb<number> {
  const M = maxExpField(fmt);
  return fc
    .tuple(fc.integer({ min: 0, max: 1 }), fc.integer({ min: 1, max: M - 1 }), fc.integer({ min: -2, max: 2 }))
    .map(([s, e, d]) => {
      const w = pack(fmt, 0, e, 0) + d;
      return (s ? fmt.signBit : 0) + Math.max(0, Math.min(fmt.maxFinite, w));
    });
}

/** The main word generator: structured fields, uniform bits, special words and words near powers of two. */
export function floatArb(fmt: Format): Arb<number> {
  return fc.oneof(
    {
      weight: 5,
      arbitrary: fc
        .tuple(fc.integer({ min: 0, max: 1 }), expFieldArb(fmt), fracArb(fmt))
        .map(([s, e, f]) => pack(fmt, s, e, f)),
    },
    { weight: 3, arbitrary: uniformArb(fmt) },
    { weight: 2, arbitrary: fc.constantFrom(...specialWords(fmt)) },
    { weight: 1, arbitrary: nearPow2Arb(fmt) },
  );
}

/** Finite words only (zeros and subnormals included). */
export function finiteArb(fmt: Format): Arb<number> {
  return fc.oneof(
    {
      weight: 5,
      arbitrary: fc
        .tuple(fc.integer({ min: 0, max: 1 }), expFieldArb(fmt, true), fracArb(fmt))
        .map(([s, e, f]) => pack(fmt, s, e, f)),
    },
    { weight: 2, arbitrary: uniformArb(fmt).filter((w) => expFieldOf(fmt, w) !== maxExpField(fmt)) },
    { weight: 1, arbitrary: nearPow2Arb(fmt) },
  );
}

function maybeSwap<T>(arb: Arb<[T, T]>): Arb<[T, T]> {
  return fc.tuple(arb, fc.boolean()).map(([[a, b], s]) => (s ? [b, a] : [a, b]));
}

const bit = fc.integer({ min: 0, max: 1 });

/**
 * Pairs for add and sub: a normal, b a few exponents below a's last place with a structured fraction, so that a + b
 * and a − b fall on or right next to rounding midpoints (b = ±half an ulp of a with a zero fraction is an exact
 * tie); b close to −a (cancellation); exponents far apart; and plain random pairs.
 */
export function addPairArb(fmt: Format): Arb<[number, number]> {
  const M = maxExpField(fmt);
  const p = fmt.p;
  const ties = fc
    .tuple(bit, fc.integer({ min: 1, max: M - 1 }), fracArb(fmt), bit, fc.integer({ min: -2, max: p + 3 }), fracArb(fmt))
    .map(([sa, ea, fa, sb, d, fb]): [number, number] => [pack(fmt, sa, ea, fa), pack(fmt, sb, ea - d, fb)]);
  const exactHalf = fc
    .tuple(bit, fc.integer({ min: 1, max: M - 1 }), fracArb(fmt), bit, fc.integer({ min: p - 1, max: p + 1 }))
    .map(([sa, ea, fa, sb, d]): [number, number] => [pack(fmt, sa, ea, fa), pack(fmt, sb, ea - d, 0)]);
  const cancel = fc
    .tuple(bit, fc.integer({ min: 0, max: M - 1 }), fracArb(fmt), fc.integer({ min: -1, max: 1 }), fc.integer({ min: -4, max: 4 }))
    .map(([s, e, f, de, df]): [number, number] => [pack(fmt, s, e, f), pack(fmt, 1 - s, e + de, f + df)]);
  const far = fc
    .tuple(bit, fc.integer({ min: 1, max: M - 1 }), fracArb(fmt), bit, fc.integer({ min: 0, max: M - 1 }), fracArb(fmt))
    .map(([sa, ea, fa, sb, eb, fb]): [number, number] => [pack(fmt, sa, ea, fa), pack(fmt, sb, eb, fb)]);
  // sums next to the overflow threshold
  const big = fc
    .tuple(bit, fc.integer({ min: M - 3, max: M - 1 }), fracArb(fmt), fc.integer({ min: M - p - 3, max: M - 1 }), fracArb(fmt))
    .map(([s, ea, fa, eb, fb]): [number, number] => [pack(fmt, s, ea, fa), pack(fmt, s, eb, fb)]);
  return fc.oneof(
    { weight: 3, arbitrary: maybeSwap(ties) },
    { weight: 3, arbitrary: maybeSwap(exactHalf) },
    { weight: 2, arbitrary: maybeSwap(cancel) },
    { weight: 1, arbitrary: maybeSwap(far) },
    { weight: 1, arbitrary: maybeSwap(big) },
    { weight: 3, arbitrary: fc.tuple(floatArb(fmt), floatArb(fmt)) },
  );
}

/** A normal significand m in [2^(p-1), 2^p) as a fraction field: m - 2^(p-1). */
function sigToFrac(fmt: Format, m: number): number {
  return m - 2 ** fracBits(fmt);
}

/**
 * Pairs for mul: b = 1 + 2^-k and a whose low k fraction bits are 10…0 (exact tie), 10…01 / 01…1 (near ties);
 * products whose significand is next to a power of two with exponents that put that power of two at the smallest
 * normal (tininess before/after rounding differ) or just past the largest finite (overflow); products deep in the
 * subnormal range; and random pairs.
 */
export function mulPairArb(fmt: Format): Arb<[number, number]> {
  const M = maxExpField(fmt);
  const fb = fracBits(fmt);
  const b = fmt.bias;
  const expPair = fc.oneof(
    fc.tuple(fc.integer({ min: 1, max: M - 1 }), fc.integer({ min: 1, max: M - 1 })),
    // product near the smallest normal: ea + eb ≈ bias
    fc.tuple(fc.integer({ min: 1, max: M - 1 }), fc.integer({ min: -fmt.p - 2, max: 2 })).map(([ea, d]) => [ea, b - ea + d]),
    // product near the overflow threshold: ea + eb ≈ 3·bias ... 3·bias - 1
    fc.tuple(fc.integer({ min: 1, max: M - 1 }), fc.integer({ min: -2, max: 1 })).map(([ea, d]) => [ea, 3 * b - ea + d]),
  );
  const ties = fc
    .tuple(bit, bit, expPair, fc.integer({ min: 0, max: fmt.fracMask }), fc.integer({ min: 1, max: fb }), fc.integer({ min: -1, max: 1 }))
    .map(([sa, sb, [ea, eb], fa0, k, d]): [number, number] => {
      const low = 2 ** (k - 1) + (k >= 2 ? d : 0);
      const fa = Math.floor(fa0 / 2 ** k) * 2 ** k + low;
      return [pack(fmt, sa, ea, fa), pack(fmt, sb, eb, 2 ** (fb - k))];
    });
  const nearPow2 = fc
    .tuple(bit, bit, expPair, fc.integer({ min: 2 ** fb, max: 2 ** fmt.p - 1 }), fc.integer({ min: -1, max: 1 }))
    .map(([sa, sb, [ea, eb], ma, d]): [number, number] => {
      const mb = Math.max(2 ** fb, Math.min(2 ** fmt.p - 1, Math.floor(2 ** (2 * fmt.p - 1) / ma) + d));
      return [pack(fmt, sa, ea, sigToFrac(fmt, ma)), pack(fmt, sb, eb, sigToFrac(fmt, mb))];
    });
  const structured = fc
    .tuple(bit, bit, expPair, fracArb(fmt), fracArb(fmt))
    .map(([sa, sb, [ea, eb], fa, fb2]): [number, number] => [pack(fmt, sa, ea, fa), pack(fmt, sb, eb, fb2)]);
  // ma·mb just below 2^(2p-1), by 0 … 2 units of the last place of a p-bit result, with exponents that put
  // 2^(2p-1) at the smallest normal (ea + eb = bias: tininess before and after rounding differ when the product
  // rounds up to it) or at 2^(emax+1) (ea + eb = 3·bias: overflow after rounding or not)
  const threshold = fc
    .tuple(bit, bit, fc.integer({ min: 1, max: M - 1 }), fc.boolean(), fc.integer({ min: 2 ** fb, max: 2 ** fmt.p - 1 }), fc.integer({ min: 0, max: 2 ** fmt.p }))
    .map(([sa, sb, ea, high, ma, j]): [number, number] => {
      const mb = Math.max(2 ** fb, Math.min(2 ** fmt.p - 1, Math.floor((2 ** (2 * fmt.p - 1) - j) / ma)));
      const eb = (high ? 3 * b : b) - ea;
      return [pack(fmt, sa, ea, sigToFrac(fmt, ma)), pack(fmt, sb, eb, sigToFrac(fmt, mb))];
    })
    .filter(([x, y]) => expFieldOf(fmt, y) >= 1 && expFieldOf(fmt, y) < M && expFieldOf(fmt, x) >= 1);
  const subnormalOperand = fc
    .tuple(bit, fracArb(fmt), floatArb(fmt))
    .map(([s, f, w]): [number, number] => [pack(fmt, s, 0, f), w]);
  return fc.oneof(
    { weight: 3, arbitrary: maybeSwap(ties) },
    { weight: 2, arbitrary: maybeSwap(nearPow2) },
    { weight: 2, arbitrary: maybeSwap(threshold) },
    { weight: 2, arbitrary: maybeSwap(structured) },
    { weight: 1, arbitrary: maybeSwap(subnormalOperand) },
    { weight: 2, arbitrary: fc.tuple(floatArb(fmt), floatArb(fmt)) },
  );
}

/**
 * Pairs for div: exact quotients (a = b·c with few-bit c) and their neighbours one or two ulps away (quotients just
 * off a representable value), quotients next to 1 scaled to the underflow and overflow thresholds, and random pairs.
 * (A quotient of two binary numbers is never exactly a midpoint.)
 */
export function divPairArb(fmt: Format): Arb<[number, number]> {
  const M = maxExpField(fmt);
  const fb = fracBits(fmt);
  const p = fmt.p;
  const expPair = fc.oneof(
    fc.tuple(fc.integer({ min: 1, max: M - 1 }), fc.integer({ min: 1, max: M - 1 })),
    // quotient near the smallest normal: ea - eb ≈ 1 - bias
    fc.tuple(fc.integer({ min: 1, max: M - 1 }), fc.integer({ min: -2, max: p + 2 })).map(([eb, d]) => [eb - fmt.bias + 1 - d, eb]),
    // quotient near the overflow threshold
    fc.tuple(fc.integer({ min: 1, max: M - 1 }), fc.integer({ min: -1, max: 1 })).map(([eb, d]) => [eb + fmt.bias + d, eb]),
  );
  const exactish = fc
    .tuple(bit, bit, expPair, fc.integer({ min: 1, max: p - 1 }), fc.integer({ min: 0, max: 2 ** 30 }), fc.integer({ min: 0, max: 2 ** 30 }), fc.integer({ min: -2, max: 2 }))
    .map(([sa, sb, [ea, eb], k, r1, r2, d]): [number, number] => {
      // mc has k bits, mb has p - k bits, so ma = mb·mc has at most p bits
      const mc = 2 ** (k - 1) + (r1 % 2 ** (k - 1));
      const mbBits = p - k;
      const mb = 2 ** (mbBits - 1) + (r2 % 2 ** (mbBits - 1));
      let ma = mb * mc;
      while (ma < 2 ** fb) ma *= 2;
      const nb = mb * 2 ** (fb - (mbBits - 1));
      return [pack(fmt, sa, ea, sigToFrac(fmt, ma) + d), pack(fmt, sb, eb, sigToFrac(fmt, nb))];
    });
  const nearOne = fc
    .tuple(bit, bit, expPair, fracArb(fmt), fc.integer({ min: -3, max: 3 }))
    .map(([sa, sb, [ea, eb], f, d]): [number, number] => [pack(fmt, sa, ea, f + d), pack(fmt, sb, eb, f)]);
  return fc.oneof(
    { weight: 3, arbitrary: exactish },
    { weight: 2, arbitrary: nearOne },
    { weight: 1, arbitrary: maybeSwap(mulPairArb(fmt)) },
    { weight: 3, arbitrary: fc.tuple(floatArb(fmt), floatArb(fmt)) },
  );
}

/** Operands for sqrt: exact squares and their neighbours, subnormals, and the general generator. */
export function sqrtArb(fmt: Format): Arb<number> {
  const fb = fracBits(fmt);
  const h = Math.floor(fmt.p / 2);
  const squares = fc
    .tuple(fc.integer({ min: 1, max: 2 ** h - 1 }), fc.integer({ min: 1, max: maxExpField(fmt) - 1 }), fc.integer({ min: -2, max: 2 }), bit)
    .map(([x, e, d, negative]) => {
      let m = x * x;
      let s = 0;
      while (m < 2 ** fb) {
        m *= 2;
        s++;
      }
      // value = m·2^(e - bias - fb); m = x²·2^s: make (s + e - bias - fb) even so that the value is a square
      const ee = (s + e - fmt.bias - fb) % 2 === 0 ? e : e > 1 ? e - 1 : e + 1;
      return pack(fmt, negative && d === 2 ? 1 : 0, ee, sigToFrac(fmt, m) + (d === 2 ? 0 : d));
    });
  return fc.oneof(
    { weight: 3, arbitrary: squares },
    { weight: 3, arbitrary: floatArb(fmt) },
    { weight: 1, arbitrary: fc.tuple(fracArb(fmt)).map(([f]) => pack(fmt, 0, 0, f)) },
  );
}

/**
 * Triples for mulAdd: c = −(a·b rounded) plus a few ulps (the exact product's low part decides), c a fixed distance
 * below or above the product's exponent with a structured fraction (ties and near ties of the sum), zero products
 * with signed zero addends, and random triples.
 */
export function mulAddTripleArb(fmt: Format): Arb<[number, number, number]> {
  const p = fmt.p;
  const cancel = fc
    .tuple(mulPairArb(fmt), fc.integer({ min: -3, max: 3 }), fc.integer({ min: 0, max: 3 }))
    .map(([[a, b], d, mode]): [number, number, number] => {
      const prod = refMul(fmt, a, b, [0, 1, 2, 3][mode] as 0 | 1 | 2 | 3).bits;
      const x = decode(fmt, prod);
      if (x.kind !== 'finite') return [a, b, prod];
      const neg = (prod ^ fmt.signBit) >>> 0;
      const mag = neg % fmt.signBit;
      const adj = Math.max(0, Math.min(fmt.maxFinite, mag + d));
      return [a, b, neg - mag + adj];
    });
  const relative = fc
    .tuple(mulPairArb(fmt), bit, fc.integer({ min: -2 * p - 4, max: p + 4 }), fracArb(fmt))
    .map(([[a, b], s, d, f]): [number, number, number] => {
      const ea = expFieldOf(fmt, a) || 1;
      const eb = expFieldOf(fmt, b) || 1;
      return [a, b, pack(fmt, s, ea + eb - fmt.bias + d, f)];
    });
  const productTies = fc
    .tuple(mulPairArb(fmt), bit, fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 4 }))
    .map(([[a, b], s, kind, k]): [number, number, number] => {
      if (kind === 0) return [a, b, s ? fmt.signBit : 0];
      // a few smallest subnormals: moves a product near the underflow threshold by a unit of the subnormal grid
      if (kind === 1) return [a, b, (s ? fmt.signBit : 0) + k + 1];
      const ea = expFieldOf(fmt, a) || 1;
      const eb = expFieldOf(fmt, b) || 1;
      return [a, b, pack(fmt, s, ea + eb - fmt.bias - 2 * fmt.p - k, 0)];
    });
  const zeros = fc
    .tuple(bit, bit, floatArb(fmt), bit, fc.boolean())
    .map(([sz, sc, w, cz, first]): [number, number, number] => {
      const z = sz ? fmt.signBit : 0;
      const c = cz ? (sc ? fmt.signBit : 0) : w;
      return first ? [z, w, c] : [w, z, c];
    });
  return fc.oneof(
    { weight: 3, arbitrary: cancel },
    { weight: 3, arbitrary: relative },
    { weight: 3, arbitrary: productTies },
    { weight: 1, arbitrary: zeros },
    { weight: 3, arbitrary: fc.tuple(floatArb(fmt), floatArb(fmt), floatArb(fmt)) },
  );
}

/** Pairs for rem: quotients next to n + 1/2 (ties of the quotient rounding), huge quotients, random pairs. */
export function remPairArb(fmt: Format): Arb<[number, number]> {
  const M = maxExpField(fmt);
  const half = fc
    .tuple(bit, bit, fc.integer({ min: 1, max: M - 1 }), fracArb(fmt), fc.integer({ min: 0, max: 2 ** 12 }), fc.integer({ min: -2, max: 2 }))
    .map(([sa, sb, eb, fb, n, d]): [number, number] => {
      const b = pack(fmt, sb, eb, fb);
      // a ≈ (n + 1/2)·|b|
      const x = decode(fmt, b);
      const a = roundExact(fmt, sa, x.m * BigInt(2 * n + 1), x.e - 1, 0).bits;
      const mag = a % fmt.signBit;
      if (mag >= fmt.posInf) return [a, b];
      return [a - mag + Math.max(0, Math.min(fmt.maxFinite, mag + d)), b];
    });
  const farApart = fc
    .tuple(bit, bit, fc.integer({ min: 0, max: M - 1 }), fracArb(fmt), fc.integer({ min: 0, max: M - 1 }), fracArb(fmt))
    .map(([sa, sb, ea, fa, eb, fb]): [number, number] => [pack(fmt, sa, Math.max(ea, eb), fa), pack(fmt, sb, Math.min(ea, eb), fb)]);
  return fc.oneof(
    { weight: 3, arbitrary: half },
    { weight: 2, arbitrary: farApart },
    { weight: 2, arbitrary: fc.tuple(floatArb(fmt), floatArb(fmt)) },
  );
}

/**
 * Words next to integer-conversion boundaries: around 0, ±1/2, small integers and halves, ±2^31, ±2^32, ±2^63,
 * ±2^64 (as far as the format can come close), and the words next to those.
 */
export function intBoundaryArb(fmt: Format): Arb<number> {
  const bases = [0n, 1n, 2n, 3n, (1n << 31n) - 1n, 1n << 31n, (1n << 32n) - 1n, 1n << 32n, (1n << 63n) - 1n, 1n << 63n, (1n << 64n) - 1n, 1n << 64n];
  const near = fc
    .tuple(bit, fc.constantFrom(...bases), fc.integer({ min: -16, max: 16 }), fc.integer({ min: -2, max: 2 }))
    .map(([s, base, off, step]) => {
      // value ≈ base + off/8, rounded to the format
      let v = base * 8n + BigInt(off);
      if (v < 0n) v = -v;
      let w = roundExact(fmt, s, v, -3, 0).bits;
      const mag = w % fmt.signBit;
      if (mag + step >= 0 && mag + step <= fmt.maxFinite) w += step;
      return w;
    });
  const halves = fc
    .tuple(bit, fc.integer({ min: 0, max: 2 ** Math.min(fmt.p, 24) }), fc.integer({ min: 0, max: 3 }))
    .map(([s, n, q]) => roundExact(fmt, s, BigInt(4 * n + q), -2, 0).bits);
  return fc.oneof(
    { weight: 3, arbitrary: near },
    { weight: 2, arbitrary: halves },
    { weight: 2, arbitrary: floatArb(fmt) },
  );
}

/** Integers of the given kind, biased toward the ends of the range, powers of two and rounding ties for `p` bits. */
export function intArb(kind: IntKind, p: number): Arb<bigint> {
  const [lo, hi] = INT_RANGE[kind];
  const width = kind === 'i32' || kind === 'ui32' ? 32 : 64;
  const signed = kind === 'i32' || kind === 'i64';
  const clamp = (x: bigint): bigint => (x < lo ? lo : x > hi ? hi : x);
  // odd (p+1)-bit numbers shifted left are exact ties when rounded to p bits; ±1 of those are near ties
  const ties = fc
    .tuple(fc.bigInt({ min: 0n, max: (1n << BigInt(p)) - 1n }), fc.integer({ min: 0, max: width - p - 1 }), fc.integer({ min: -1, max: 1 }), fc.boolean())
    .map(([r, k, d, neg]) => {
      const odd = (1n << BigInt(p)) | (r << 1n) | 1n;
      const v = (odd << BigInt(k)) + BigInt(d);
      return clamp(neg && signed ? -v : v);
    });
  const pow2 = fc
    .tuple(fc.integer({ min: 0, max: width - 1 }), fc.integer({ min: -2, max: 2 }), fc.boolean())
    .map(([k, d, neg]) => {
      const v = (1n << BigInt(k)) + BigInt(d);
      return clamp(neg && signed ? -v : v);
    });
  return fc.oneof(
    { weight: 3, arbitrary: fc.bigInt({ min: lo, max: hi }) },
    { weight: 3, arbitrary: ties },
    { weight: 2, arbitrary: pow2 },
    { weight: 1, arbitrary: fc.constantFrom(lo, hi, 0n, 1n, lo + 1n, hi - 1n, signed ? -1n : 2n) },
    { weight: 1, arbitrary: fc.bigInt({ min: signed ? -4096n : 0n, max: 4096n }) },
  );
}

/** int32 exponents for scaleB: small, near the ranges that matter, and the extremes of int32. */
export function scaleArb(): Arb<number> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: -64, max: 64 }) },
    { weight: 3, arbitrary: fc.integer({ min: -400, max: 400 }) },
    { weight: 1, arbitrary: fc.integer({ min: -0x80000000, max: 0x7fffffff }) },
    { weight: 1, arbitrary: fc.constantFrom(-0x80000000, 0x7fffffff, -0x7fffffff, 0x7ffffffe, 0, 1, -1) },
  );
}

export { expFieldOf, fracOf };
