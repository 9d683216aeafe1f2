/**
 * An exact reference for binary32, binary16 and bfloat16, written from the IEEE 754 definitions (not from SoftFloat's
 * algorithms): every finite operand is decoded to sign · m · 2^e with m a BigInt, every operation is carried out in
 * exact rational (or exact integer square root) arithmetic, and the one rounding step rounds the exact value to the
 * format by the definition of each rounding mode. Flags follow SoftFloat 3e's definitions:
 *
 * - inexact: the delivered result differs from the exact value;
 * - overflow: the value rounded to the format's precision with an unbounded exponent range exceeds the largest
 *   finite number (always with inexact);
 * - underflow: tiny AND inexact, where tiny "after rounding" means the value rounded to the format's precision with
 *   an unbounded exponent range is below the smallest normal, and tiny "before rounding" means the exact value is;
 * - invalid, infinite (divide by zero) as IEEE 754 defines them.
 *
 * NaN results follow SoftFloat's 8086-SSE specialization (default NaN with the sign set, first NaN operand a before
 * b before c quieted, signaling NaN operands raise invalid). Default-NaN mode (every NaN result is the default NaN)
 * is applied by the test harness, see {@link nanDefaultOf}.
 *
 * Every float-valued operation returns `{ bits, flags }` where `flags[t]` are the flags raised with tininess
 * setting t (0 = before rounding, 1 = after rounding, SoftFloat's numbering).
 */

export const RNE = 0;
export const RMM_MIN_MAG = 1; // round toward zero
export const RDN = 2; // round toward −∞
export const RUP = 3; // round toward +∞
export const RNA = 4; // round to nearest, ties away
export const ODD = 6; // round to odd
export const MODES = [0, 1, 2, 3, 4, 6] as const;
export type Mode = (typeof MODES)[number];

export const INEXACT = 0x01;
export const UNDERFLOW = 0x02;
export const OVERFLOW = 0x04;
export const INFINITE = 0x08;
export const INVALID = 0x10;

export interface Format {
  readonly name: 'f32' | 'f16' | 'bf16';
  /** Width of a word in bits. */
  readonly width: number;
  /** Precision p (significand bits including the implicit one). */
  readonly p: number;
  /** Exponent field width. */
  readonly ebits: number;
  readonly bias: number;
  readonly emin: number;
  readonly emax: number;
  readonly signBit: number;
  readonly expMask: number;
  readonly fracMask: number;
  readonly quietBit: number;
  /** The 8086-SSE default NaN (sign set, quiet bit set, zero payload): what invalid operations return. */
  readonly defaultNaN: number;
  /**
   * The NaN every NaN result becomes in default-NaN mode (env.nanMode = nan_default): the positive canonical NaN of
   * RISC-V and ARM's default-NaN mode (sign clear, quiet bit set, zero payload), as src/formats/specialize.ts and
   * commit 3106e75 define it. (spec/nan.md still describes the signed 8086-SSE default NaN for this mode.)
   */
  readonly nanModeNaN: number;
  readonly posInf: number;
  readonly maxFinite: number;
}

function makeFormat(name: Format['name'], width: number, ebits: number): Format {
  const p = width - ebits;
  const bias = (1 << (ebits - 1)) - 1;
  const fbits = p - 1;
  const signBit = width === 32 ? 0x80000000 : 1 << (width - 1);
  const expMask = ((1 << ebits) - 1) * 2 ** fbits;
  const fracMask = 2 ** fbits - 1;
  const quietBit = 2 ** (fbits - 1);
  return {
    name,
    width,
    p,
    ebits,
    bias,
    emin: 1 - bias,
    emax: bias,
    signBit,
    expMask,
    fracMask,
    quietBit,
    defaultNaN: signBit + expMask + quietBit,
    nanModeNaN: expMask + quietBit,
    posInf: expMask,
    maxFinite: expMask - 1,
  };
}

export const F32 = makeFormat('f32', 32, 8);
export const F16 = makeFormat('f16', 16, 5);
export const BF16 = makeFormat('bf16', 16, 8);
export const FORMATS = [F32, F16, BF16] as const;

export interface FloatResult {
  /** The result word (8086-SSE NaN conventions). */
  bits: number;
  /** flags[0]: flags with tininess detected before rounding; flags[1]: after rounding. */
  flags: [number, number];
}

export interface ValueResult<T> {
  value: T;
  flags: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Words and exact values

export type Kind = 'zero' | 'finite' | 'inf' | 'nan';

export interface Decoded {
  kind: Kind;
  /** 1 if the sign bit is set. */
  sign: number;
  /** For finite nonzero values: |value| = m · 2^e with m a positive integer; otherwise m = 0n, e = 0. */
  m: bigint;
  e: number;
  /** A signaling NaN. */
  signaling: boolean;
  bits: number;
}

export function signOf(fmt: Format, bits: number): number {
  return bits >= fmt.signBit ? 1 : 0;
}

export function decode(fmt: Format, bits: number): Decoded {
  const sign = signOf(fmt, bits);
  const mag = bits - sign * fmt.signBit;
  const fbits = fmt.p - 1;
  const expField = Math.floor(mag / 2 ** fbits);
  const frac = mag % 2 ** fbits;
  const maxExp = (1 << fmt.ebits) - 1;
  if (expField === maxExp) {
    if (frac === 0) return { kind: 'inf', sign, m: 0n, e: 0, signaling: false, bits };
    return { kind: 'nan', sign, m: 0n, e: 0, signaling: frac < fmt.quietBit, bits };
  }
  if (expField === 0) {
    if (frac === 0) return { kind: 'zero', sign, m: 0n, e: 0, signaling: false, bits };
    return { kind: 'finite', sign, m: BigInt(frac), e: fmt.emin - fbits, signaling: false, bits };
  }
  return {
    kind: 'finite',
    sign,
    m: BigInt(frac + 2 ** fbits),
    e: expField - fmt.bias - fbits,
    signaling: false,
    bits,
  };
}

export function isNaNBits(fmt: Format, bits: number): boolean {
  const mag = bits % fmt.signBit;
  return mag > fmt.expMask;
}

export function isSignalingBits(fmt: Format, bits: number): boolean {
  const mag = bits % fmt.signBit;
  return mag > fmt.expMask && mag < fmt.expMask + fmt.quietBit;
}

/** The word of a signed zero / infinity. */
export function zeroBits(fmt: Format, sign: number): number {
  return sign ? fmt.signBit : 0;
}
export function infBits(fmt: Format, sign: number): number {
  return (sign ? fmt.signBit : 0) + fmt.posInf;
}

/** Number of bits of a positive BigInt (floor(log2 x) + 1). */
export function bitLength(x: bigint): number {
  if (x <= 0n) return 0;
  const hex = x.toString(16);
  const top = parseInt(hex[0]!, 16);
  return (hex.length - 1) * 4 + (32 - Math.clz32(top));
}

function pow2(n: number): bigint {
  return 1n << BigInt(n);
}

/** Exact value of a finite word as a signed rational num / 2^(-shift): returns [signed integer, exponent]. */
function signedMantissa(d: Decoded): bigint {
  return d.sign ? -d.m : d.m;
}

// ---------------------------------------------------------------------------------------------------------------
// Rounding by definition

/**
 * Round an integer magnitude given with a sticky indication: the exact value is q·2^E if !sticky, otherwise strictly
 * between q·2^E and (q+1)·2^E. Rounds to a multiple of 2^R (R > E when sticky). Returns the rounded multiple t of 2^R
 * and whether rounding was inexact.
 */
function roundAt(q: bigint, E: number, sticky: boolean, R: number, sign: number, mode: Mode): [bigint, boolean] {
  if (R <= E) {
    if (sticky) throw new Error('reference: not enough precision for rounding');
    return [q << BigInt(E - R), false];
  }
  const shift = BigInt(R - E);
  let t = q >> shift;
  const r = q - (t << shift);
  const half = 1n << (shift - 1n);
  const inexact = r !== 0n || sticky;
  if (!inexact) return [t, false];
  // cmp: position of the discarded part relative to one half of a unit in the last place
  const cmp = r > half ? 1 : r < half ? -1 : sticky ? 1 : 0;
  switch (mode) {
    case RNE:
      if (cmp > 0 || (cmp === 0 && (t & 1n) === 1n)) t += 1n;
      break;
    case RNA:
      if (cmp >= 0) t += 1n;
      break;
    case RMM_MIN_MAG:
      break;
    case RDN:
      if (sign) t += 1n;
      break;
    case RUP:
      if (!sign) t += 1n;
      break;
    case ODD:
      t |= 1n;
      break;
  }
  return [t, true];
}

/** Word of sign · t · 2^R, which must be representable (|value| <= largest finite, on the grid). */
export function encode(fmt: Format, sign: number, t: bigint, R: number): number {
  const signPart = sign ? fmt.signBit : 0;
  if (t === 0n) return signPart;
  const fbits = fmt.p - 1;
  const L = bitLength(t) - 1 + R;
  if (L > fmt.emax) throw new Error('reference: encode overflow');
  if (L >= fmt.emin) {
    const lsb = L - fbits;
    const sig = lsb >= R ? t >> BigInt(lsb - R) : t << BigInt(R - lsb);
    if (lsb > R && sig << BigInt(lsb - R) !== t) throw new Error('reference: encode not on grid');
    return signPart + (L + fmt.bias) * 2 ** fbits + Number(sig - pow2(fbits));
  }
  const lsb = fmt.emin - fbits;
  if (R < lsb) {
    const sh = BigInt(lsb - R);
    if ((t >> sh) << sh !== t) throw new Error('reference: encode not on subnormal grid');
    return signPart + Number(t >> sh);
  }
  return signPart + Number(t << BigInt(R - lsb));
}

function overflowResult(fmt: Format, sign: number, mode: Mode): number {
  let toInf: boolean;
  switch (mode) {
    case RNE:
    case RNA:
      toInf = true;
      break;
    case RDN:
      toInf = sign === 1;
      break;
    case RUP:
      toInf = sign === 0;
      break;
    default:
      toInf = false;
  }
  return (sign ? fmt.signBit : 0) + (toInf ? fmt.posInf : fmt.maxFinite);
}

/**
 * Round the nonzero value sign · (q [+ sticky]) · 2^E to the format. Requires q > 0 and, when sticky, q to have at
 * least p + 2 bits and E to be at least 2 below the subnormal lsb (callers use {@link fromRatio} and friends).
 */
export function roundToFormat(fmt: Format, sign: number, q: bigint, E: number, sticky: boolean, mode: Mode): FloatResult {
  if (q <= 0n) throw new Error('reference: roundToFormat needs q > 0');
  const L = bitLength(q) - 1 + E; // floor(log2 |value|)
  const Ru = L - fmt.p + 1; // lsb position with an unbounded exponent range
  const Rsub = fmt.emin - fmt.p + 1; // lsb of the subnormals
  const R = Math.max(Ru, Rsub);
  const [t, inexact] = roundAt(q, E, sticky, R, sign, mode);
  const [tu] = R === Ru ? [t] : roundAt(q, E, sticky, Ru, sign, mode);
  // Overflow: the unbounded-exponent rounding reaches 2^(emax+1).
  if (bitLength(tu) - 1 + Ru > fmt.emax) {
    const f = OVERFLOW | INEXACT;
    return { bits: overflowResult(fmt, sign, mode), flags: [f, f] };
  }
  const tinyBefore = L < fmt.emin;
  const tinyAfter = tu === 0n || bitLength(tu) - 1 + Ru < fmt.emin;
  const base = inexact ? INEXACT : 0;
  const flags: [number, number] = [
    base | (tinyBefore && inexact ? UNDERFLOW : 0),
    base | (tinyAfter && inexact ? UNDERFLOW : 0),
  ];
  return { bits: encode(fmt, sign, t, R), flags };
}

/** Round the exact value sign · m · 2^e (m >= 0; m = 0 gives a zero of the given sign). */
export function roundExact(fmt: Format, sign: number, m: bigint, e: number, mode: Mode): FloatResult {
  if (m === 0n) return { bits: zeroBits(fmt, sign), flags: [0, 0] };
  return roundToFormat(fmt, sign, m, e, false, mode);
}

/** Enough precision below the rounding point for a value of magnitude about 2^L. */
function workingExponent(fmt: Format, L: number): number {
  return Math.min(L - fmt.p - 3, fmt.emin - fmt.p - 2);
}

/** Round sign · num / den · 2^e (num, den > 0). */
export function roundRatio(fmt: Format, sign: number, num: bigint, den: bigint, e: number, mode: Mode): FloatResult {
  const Lest = bitLength(num) - bitLength(den) - 1 + e; // floor(log2) is Lest or Lest + 1
  const E = workingExponent(fmt, Lest);
  // q = floor(num · 2^(e - E) / den)
  const sh = e - E;
  let n = num;
  let d = den;
  if (sh >= 0) n <<= BigInt(sh);
  else d <<= BigInt(-sh);
  const q = n / d;
  const sticky = q * d !== n;
  return roundToFormat(fmt, sign, q, E, sticky, mode);
}

/** Integer square root: floor(sqrt(n)). */
export function isqrt(n: bigint): bigint {
  if (n < 0n) throw new Error('isqrt of negative');
  if (n < 2n) return n;
  let x = pow2(Math.ceil(bitLength(n) / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) break;
    x = y;
  }
  while (x * x > n) x -= 1n;
  while ((x + 1n) * (x + 1n) <= n) x += 1n;
  return x;
}

// ---------------------------------------------------------------------------------------------------------------
// NaN conventions (8086-SSE)

function quiet(fmt: Format, bits: number): number {
  return (bits | fmt.quietBit) >>> 0;
}

function nanResult(bits: number, flags: number): FloatResult {
  return { bits, flags: [flags, flags] };
}

/** First NaN among the operands, quieted; invalid if any operand is a signaling NaN. */
function propagate(fmt: Format, ...ops: Decoded[]): FloatResult {
  const flags = ops.some((o) => o.kind === 'nan' && o.signaling) ? INVALID : 0;
  const first = ops.find((o) => o.kind === 'nan')!;
  return nanResult(quiet(fmt, first.bits), flags);
}

function invalidResult(fmt: Format): FloatResult {
  return nanResult(fmt.defaultNaN, INVALID);
}

function exactResult(bits: number, flags = 0): FloatResult {
  return { bits, flags: [flags, flags] };
}

/** The result word in default-NaN mode: every NaN result becomes the format's default NaN. */
export function nanDefaultOf(fmt: Format, bits: number): number {
  return isNaNBits(fmt, bits) ? fmt.nanModeNaN : bits;
}

// ---------------------------------------------------------------------------------------------------------------
// Arithmetic

/** Exact sum of two finite or zero operands as a signed integer times 2^e. */
function exactSum(x: Decoded, y: Decoded): [bigint, number] {
  if (x.kind === 'zero') return [signedMantissa(y), y.e];
  if (y.kind === 'zero') return [signedMantissa(x), x.e];
  const e = Math.min(x.e, y.e);
  return [(signedMantissa(x) << BigInt(x.e - e)) + (signedMantissa(y) << BigInt(y.e - e)), e];
}

function roundSigned(fmt: Format, s: bigint, e: number, mode: Mode): FloatResult {
  return s < 0n ? roundExact(fmt, 1, -s, e, mode) : roundExact(fmt, 0, s, e, mode);
}

/** Zero produced by an exact sum of opposite operands (or of zeros of opposite signs). */
function cancelZero(fmt: Format, mode: Mode): number {
  return zeroBits(fmt, mode === RDN ? 1 : 0);
}

function addDecoded(fmt: Format, x: Decoded, y: Decoded, mode: Mode): FloatResult {
  if (x.kind === 'inf' || y.kind === 'inf') {
    if (x.kind === 'inf' && y.kind === 'inf' && x.sign !== y.sign) return invalidResult(fmt);
    return exactResult(infBits(fmt, x.kind === 'inf' ? x.sign : y.sign));
  }
  if (x.kind === 'zero' && y.kind === 'zero') {
    return exactResult(x.sign === y.sign ? zeroBits(fmt, x.sign) : cancelZero(fmt, mode));
  }
  const [s, e] = exactSum(x, y);
  if (s === 0n) return exactResult(cancelZero(fmt, mode));
  return roundSigned(fmt, s, e, mode);
}

function negated(d: Decoded): Decoded {
  return { ...d, sign: 1 - d.sign };
}

export function add(fmt: Format, a: number, b: number, mode: Mode): FloatResult {
  const x = decode(fmt, a);
  const y = decode(fmt, b);
  if (x.kind === 'nan' || y.kind === 'nan') return propagate(fmt, x, y);
  return addDecoded(fmt, x, y, mode);
}

export function sub(fmt: Format, a: number, b: number, mode: Mode): FloatResult {
  const x = decode(fmt, a);
  const y = decode(fmt, b);
  if (x.kind === 'nan' || y.kind === 'nan') return propagate(fmt, x, y);
  return addDecoded(fmt, x, negated(y), mode);
}

export function mul(fmt: Format, a: number, b: number, mode: Mode): FloatResult {
  const x = decode(fmt, a);
  const y = decode(fmt, b);
  if (x.kind === 'nan' || y.kind === 'nan') return propagate(fmt, x, y);
  const sign = x.sign ^ y.sign;
  if (x.kind === 'inf' || y.kind === 'inf') {
    if (x.kind === 'zero' || y.kind === 'zero') return invalidResult(fmt);
    return exactResult(infBits(fmt, sign));
  }
  if (x.kind === 'zero' || y.kind === 'zero') return exactResult(zeroBits(fmt, sign));
  return roundExact(fmt, sign, x.m * y.m, x.e + y.e, mode);
}

export function div(fmt: Format, a: number, b: number, mode: Mode): FloatResult {
  const x = decode(fmt, a);
  const y = decode(fmt, b);
  if (x.kind === 'nan' || y.kind === 'nan') return propagate(fmt, x, y);
  const sign = x.sign ^ y.sign;
  if (x.kind === 'inf') {
    if (y.kind === 'inf') return invalidResult(fmt);
    return exactResult(infBits(fmt, sign));
  }
  if (y.kind === 'inf') return exactResult(zeroBits(fmt, sign));
  if (y.kind === 'zero') {
    if (x.kind === 'zero') return invalidResult(fmt);
    return exactResult(infBits(fmt, sign), INFINITE);
  }
  if (x.kind === 'zero') return exactResult(zeroBits(fmt, sign));
  return roundRatio(fmt, sign, x.m, y.m, x.e - y.e, mode);
}

export function sqrt(fmt: Format, a: number, mode: Mode): FloatResult {
  const x = decode(fmt, a);
  if (x.kind === 'nan') return propagate(fmt, x);
  if (x.kind === 'zero') return exactResult(a);
  if (x.sign) return invalidResult(fmt);
  if (x.kind === 'inf') return exactResult(a);
  // sqrt(m · 2^e) = sqrt(m · 2^(e - 2E)) · 2^E for an integer E with e - 2E >= 0.
  const L = Math.floor((bitLength(x.m) - 1 + x.e) / 2);
  let E = workingExponent(fmt, L);
  if (x.e - 2 * E < 0) E = Math.floor(x.e / 2);
  const n = x.m << BigInt(x.e - 2 * E);
  const q = isqrt(n);
  return roundToFormat(fmt, 0, q, E, q * q !== n, mode);
}

export function mulAdd(fmt: Format, a: number, b: number, c: number, mode: Mode): FloatResult {
  const x = decode(fmt, a);
  const y = decode(fmt, b);
  const z = decode(fmt, c);
  const cSignaling = z.kind === 'nan' && z.signaling ? INVALID : 0;
  if (x.kind === 'nan' || y.kind === 'nan') {
    const r = propagate(fmt, x, y);
    const f = r.flags[0] | cSignaling;
    return nanResult(r.bits, f);
  }
  const signProd = x.sign ^ y.sign;
  if (x.kind === 'inf' || y.kind === 'inf') {
    // inf · 0 is invalid whatever c is (even a quiet NaN).
    if (x.kind === 'zero' || y.kind === 'zero') return nanResult(fmt.defaultNaN, INVALID | cSignaling);
    if (z.kind === 'nan') return propagate(fmt, z);
    if (z.kind === 'inf' && z.sign !== signProd) return invalidResult(fmt);
    return exactResult(infBits(fmt, signProd));
  }
  if (z.kind === 'nan') return propagate(fmt, z);
  if (z.kind === 'inf') return exactResult(c);
  if (x.kind === 'zero' || y.kind === 'zero') {
    if (z.kind === 'zero') {
      return exactResult(z.sign === signProd ? zeroBits(fmt, signProd) : cancelZero(fmt, mode));
    }
    return exactResult(c);
  }
  const prod: Decoded = { kind: 'finite', sign: signProd, m: x.m * y.m, e: x.e + y.e, signaling: false, bits: 0 };
  const [s, e] = exactSum(prod, z);
  if (s === 0n) return exactResult(cancelZero(fmt, mode));
  return roundSigned(fmt, s, e, mode);
}

/** IEEE remainder: a − n·b with n the integer nearest a/b (ties to even); always exact. */
export function rem(fmt: Format, a: number, b: number): FloatResult {
  const x = decode(fmt, a);
  const y = decode(fmt, b);
  if (x.kind === 'nan' || y.kind === 'nan') return propagate(fmt, x, y);
  if (x.kind === 'inf' || y.kind === 'zero') return invalidResult(fmt);
  if (y.kind === 'inf' || x.kind === 'zero') return exactResult(a);
  const e = Math.min(x.e, y.e);
  const X = x.m << BigInt(x.e - e); // |a| / 2^e
  const Y = y.m << BigInt(y.e - e); // |b| / 2^e
  let n = X / Y;
  const r0 = X - n * Y;
  // nearest integer to X / Y, ties to even
  if (2n * r0 > Y || (2n * r0 === Y && (n & 1n) === 1n)) n += 1n;
  const r = X - n * Y; // may be negative
  if (r === 0n) return exactResult(zeroBits(fmt, x.sign));
  const sign = r < 0n ? 1 - x.sign : x.sign;
  const res = roundExact(fmt, sign, r < 0n ? -r : r, e, RNE);
  if (res.flags[0] !== 0 || res.flags[1] !== 0) throw new Error('reference: remainder not exact');
  return res;
}

/** Round a finite value to an integer in the given mode: returns [signed integer, inexact]. */
function roundToInteger(x: Decoded, mode: Mode): [bigint, boolean] {
  if (x.kind === 'zero') return [0n, false];
  const [t, inexact] = roundAt(x.m, x.e, false, 0, x.sign, mode);
  return [x.sign ? -t : t, inexact];
}

export function roundToInt(fmt: Format, a: number, mode: Mode, exact: boolean): FloatResult {
  const x = decode(fmt, a);
  if (x.kind === 'nan') return propagate(fmt, x);
  if (x.kind === 'inf' || x.kind === 'zero') return exactResult(a);
  const [n, inexact] = roundToInteger(x, mode);
  const mag = n < 0n ? -n : n;
  // an integral result keeps the operand's sign, also when it is zero
  return exactResult(encode(fmt, x.sign, mag, 0), exact && inexact ? INEXACT : 0);
}

/** a · 2^n rounded once; n any integer. */
export function scaleB(fmt: Format, a: number, n: number, mode: Mode): FloatResult {
  const x = decode(fmt, a);
  if (x.kind === 'nan') return propagate(fmt, x);
  if (x.kind !== 'finite') return exactResult(a);
  // Beyond ±400 every finite nonzero operand overflows or lands far below half the smallest subnormal, so
  // clamping n changes nothing.
  const k = Math.max(-400, Math.min(400, n));
  return roundExact(fmt, x.sign, x.m, x.e + k, mode);
}

/** C's logb: floor(log2 |a|) as a value of the format. */
export function logB(fmt: Format, a: number): FloatResult {
  const x = decode(fmt, a);
  if (x.kind === 'nan') return propagate(fmt, x);
  if (x.kind === 'inf') return exactResult(fmt.posInf);
  if (x.kind === 'zero') return exactResult(infBits(fmt, 1), INFINITE);
  const L = bitLength(x.m) - 1 + x.e;
  return roundExact(fmt, L < 0 ? 1 : 0, BigInt(Math.abs(L)), 0, RNE);
}

/** The least number of the format above a (IEEE 754-2019 nextUp). */
export function nextUp(fmt: Format, a: number): FloatResult {
  const x = decode(fmt, a);
  if (x.kind === 'nan') return propagate(fmt, x);
  if (x.kind === 'inf') return exactResult(x.sign ? fmt.signBit + fmt.maxFinite : a);
  const Rsub = fmt.emin - fmt.p + 1;
  if (x.kind === 'zero') return exactResult(encode(fmt, 0, 1n, Rsub));
  const L = bitLength(x.m) - 1 + x.e;
  if (!x.sign) {
    // spacing of the numbers in [2^L, 2^(L+1))
    const R = Math.max(L - fmt.p + 1, Rsub);
    const t = (x.m << BigInt(x.e - R + 64)) >> 64n; // exact: R <= e
    const up = t + 1n;
    if (bitLength(up) - 1 + R > fmt.emax) return exactResult(fmt.posInf);
    return exactResult(encode(fmt, 0, up, R));
  }
  // negative: the magnitude steps down; below a power of two the spacing halves
  const isPow2 = (x.m & (x.m - 1n)) === 0n;
  const R = Math.max(isPow2 ? L - fmt.p : L - fmt.p + 1, Rsub);
  const t = (x.m << BigInt(x.e - R + 64)) >> 64n;
  return exactResult(encode(fmt, 1, t - 1n, R));
}

export function nextDown(fmt: Format, a: number): FloatResult {
  const x = decode(fmt, a);
  if (x.kind === 'nan') return propagate(fmt, x);
  const r = nextUp(fmt, (a ^ fmt.signBit) >>> 0);
  return exactResult((r.bits ^ fmt.signBit) >>> 0);
}

// ---------------------------------------------------------------------------------------------------------------
// Comparisons, min/max, total order, classification, sign operations

/** Exact value scaled to an integer (finite) or a huge sentinel (infinite), for comparisons. */
function scaled(x: Decoded): bigint {
  const INF = 1n << 1000n;
  if (x.kind === 'inf') return x.sign ? -INF : INF;
  if (x.kind === 'zero') return 0n;
  const v = x.m << BigInt(x.e + 200);
  return x.sign ? -v : v;
}

export type Relation = 'lt' | 'eq' | 'gt' | 'un';

export function relation(fmt: Format, a: number, b: number): Relation {
  const x = decode(fmt, a);
  const y = decode(fmt, b);
  if (x.kind === 'nan' || y.kind === 'nan') return 'un';
  const u = scaled(x);
  const v = scaled(y);
  return u < v ? 'lt' : u > v ? 'gt' : 'eq';
}

export type CompareName = 'eq' | 'le' | 'lt' | 'eq_signaling' | 'le_quiet' | 'lt_quiet';

export function compare(fmt: Format, name: CompareName, a: number, b: number): ValueResult<boolean> {
  const rel = relation(fmt, a, b);
  const anySignaling = isSignalingBits(fmt, a) || isSignalingBits(fmt, b);
  const signalsOnQuiet = name === 'le' || name === 'lt' || name === 'eq_signaling';
  if (rel === 'un') return { value: false, flags: signalsOnQuiet || anySignaling ? INVALID : 0 };
  let value: boolean;
  if (name === 'eq' || name === 'eq_signaling') value = rel === 'eq';
  else if (name === 'le' || name === 'le_quiet') value = rel !== 'gt';
  else value = rel === 'lt';
  return { value, flags: 0 };
}

export type MinMaxName = 'minimum' | 'maximum' | 'minimumNumber' | 'maximumNumber';

/** IEEE 754-2019 §9.6, with −0 below +0; NaN results per the 8086-SSE propagation rule. */
export function minMax(fmt: Format, name: MinMaxName, a: number, b: number): FloatResult {
  const x = decode(fmt, a);
  const y = decode(fmt, b);
  const isMin = name === 'minimum' || name === 'minimumNumber';
  const isNumber = name === 'minimumNumber' || name === 'maximumNumber';
  if (x.kind === 'nan' || y.kind === 'nan') {
    if (isNumber && !(x.kind === 'nan' && y.kind === 'nan')) {
      const flags = x.signaling || y.signaling ? INVALID : 0;
      return exactResult(x.kind === 'nan' ? b : a, flags);
    }
    return propagate(fmt, x, y);
  }
  const rel = relation(fmt, a, b);
  if (rel === 'eq') {
    // equal values: only ±0 differ in representation
    if (x.sign === y.sign) return exactResult(a);
    const negative = x.sign ? a : b;
    const positive = x.sign ? b : a;
    return exactResult(isMin ? negative : positive);
  }
  const aIsLess = rel === 'lt';
  return exactResult(isMin === aIsLess ? a : b);
}

/** IEEE 754-2019 §5.10 totalOrder(a, b): a ≤ b in −NaN < −∞ < … < −0 < +0 < … < +∞ < +NaN. */
export function totalOrder(fmt: Format, a: number, b: number): boolean {
  const x = decode(fmt, a);
  const y = decode(fmt, b);
  // Both operands are numbers: order by value, −0 before +0.
  if (x.kind !== 'nan' && y.kind !== 'nan') {
    const rel = relation(fmt, a, b);
    if (rel !== 'eq') return rel === 'lt';
    return x.sign >= y.sign; // equal values: true unless a = +0, b = −0
  }
  // A NaN is below everything if negative, above everything if positive.
  if (x.kind !== 'nan') return y.sign === 0;
  if (y.kind !== 'nan') return x.sign === 1;
  if (x.sign !== y.sign) return x.sign === 1;
  // Same sign: for positive NaNs signaling orders below quiet and a smaller payload below a larger one; negative
  // NaNs mirror that.
  const key = (d: Decoded): [number, number] => [d.signaling ? 0 : 1, d.bits % fmt.quietBit];
  const [qa, pa] = key(x);
  const [qb, pb] = key(y);
  const le = qa < qb || (qa === qb && pa <= pb);
  const ge = qa > qb || (qa === qb && pa >= pb);
  return x.sign === 0 ? le : ge;
}

export type ClassName =
  | 'isZero'
  | 'isSubnormal'
  | 'isNormal'
  | 'isInfinite'
  | 'isNaN'
  | 'isSignalingNaN'
  | 'isFinite'
  | 'isSignMinus';

export const CLASS_NAMES: readonly ClassName[] = [
  'isZero',
  'isSubnormal',
  'isNormal',
  'isInfinite',
  'isNaN',
  'isSignalingNaN',
  'isFinite',
  'isSignMinus',
];

export function classify(fmt: Format, name: ClassName, a: number): boolean {
  const x = decode(fmt, a);
  const minNormal = pow2(fmt.emin + 300);
  switch (name) {
    case 'isZero':
      return x.kind === 'zero';
    case 'isSubnormal':
      return x.kind === 'finite' && x.m << BigInt(x.e + 300) < minNormal;
    case 'isNormal':
      return x.kind === 'finite' && x.m << BigInt(x.e + 300) >= minNormal;
    case 'isInfinite':
      return x.kind === 'inf';
    case 'isNaN':
      return x.kind === 'nan';
    case 'isSignalingNaN':
      return x.kind === 'nan' && x.signaling;
    case 'isFinite':
      return x.kind === 'zero' || x.kind === 'finite';
    case 'isSignMinus':
      return x.sign === 1;
  }
}

export function negate(fmt: Format, a: number): number {
  return (a ^ fmt.signBit) >>> 0;
}
export function abs(fmt: Format, a: number): number {
  return a % fmt.signBit;
}
export function copySign(fmt: Format, a: number, b: number): number {
  return (a % fmt.signBit) + (signOf(fmt, b) ? fmt.signBit : 0);
}

// ---------------------------------------------------------------------------------------------------------------
// Conversions

/** A NaN carried to another format: sign kept, payload left-aligned (narrowing drops low bits), quiet bit set. */
function convertNaN(from: Format, to: Format, x: Decoded): number {
  const frac = x.bits % (from.quietBit * 2);
  const fromBits = from.p - 1;
  const toBits = to.p - 1;
  const f = toBits >= fromBits ? frac * 2 ** (toBits - fromBits) : Math.floor(frac / 2 ** (fromBits - toBits));
  return (x.sign ? to.signBit : 0) + to.expMask + to.quietBit + (f % to.quietBit);
}

export function convert(from: Format, to: Format, a: number, mode: Mode): FloatResult {
  const x = decode(from, a);
  if (x.kind === 'nan') return nanResult(convertNaN(from, to, x), x.signaling ? INVALID : 0);
  if (x.kind === 'inf') return exactResult(infBits(to, x.sign));
  if (x.kind === 'zero') return exactResult(zeroBits(to, x.sign));
  return roundExact(to, x.sign, x.m, x.e, mode);
}

export type IntKind = 'i32' | 'ui32' | 'i64' | 'ui64';

export const INT_RANGE: Record<IntKind, [bigint, bigint]> = {
  i32: [-(1n << 31n), (1n << 31n) - 1n],
  ui32: [0n, (1n << 32n) - 1n],
  i64: [-(1n << 63n), (1n << 63n) - 1n],
  ui64: [0n, (1n << 64n) - 1n],
};

/** The 8086-SSE result of an invalid conversion: most negative integer (signed), all ones (unsigned). */
export function invalidInt(kind: IntKind): bigint {
  return kind === 'i32' || kind === 'i64' ? INT_RANGE[kind][0] : INT_RANGE[kind][1];
}

/** Float to integer: round in `mode` (round to odd: truncate, make odd if inexact); invalid if NaN or out of range. */
export function toInt(fmt: Format, a: number, kind: IntKind, mode: Mode, exact: boolean): ValueResult<bigint> {
  const x = decode(fmt, a);
  if (x.kind === 'nan' || x.kind === 'inf') return { value: invalidInt(kind), flags: INVALID };
  const [n, inexact] = roundToInteger(x, mode);
  const [lo, hi] = INT_RANGE[kind];
  if (n < lo || n > hi) return { value: invalidInt(kind), flags: INVALID };
  return { value: n, flags: exact && inexact ? INEXACT : 0 };
}

/** Integer (any size) to float, rounded in `mode`; zero gives +0. */
export function fromInt(fmt: Format, n: bigint, mode: Mode): FloatResult {
  if (n === 0n) return exactResult(0);
  return n < 0n ? roundExact(fmt, 1, -n, 0, mode) : roundExact(fmt, 0, n, 0, mode);
}

// ---------------------------------------------------------------------------------------------------------------
// Conveniences for tests

/** The exact value of a finite word as a JS number when it fits (all three formats do). */
export function toNumber(fmt: Format, a: number): number {
  const x = decode(fmt, a);
  switch (x.kind) {
    case 'nan':
      return NaN;
    case 'inf':
      return x.sign ? -Infinity : Infinity;
    case 'zero':
      return x.sign ? -0 : 0;
    default: {
      const v = Number(x.m) * 2 ** x.e;
      return x.sign ? -v : v;
    }
  }
}

/** Round a JS double (exact value) to the format by definition. */
export function fromNumber(fmt: Format, v: number, mode: Mode): FloatResult {
  if (Number.isNaN(v)) return exactResult(fmt.defaultNaN);
  if (v === Infinity || v === -Infinity) return exactResult(infBits(fmt, v < 0 ? 1 : 0));
  if (v === 0) return exactResult(zeroBits(fmt, Object.is(v, -0) ? 1 : 0));
  const sign = v < 0 ? 1 : 0;
  let m = Math.abs(v);
  let e = 0;
  // scale to an integer (doubles have at most 1074 fraction bits)
  while (!Number.isInteger(m)) {
    m *= 2 ** 32;
    e -= 32;
  }
  return roundExact(fmt, sign, BigInt(m), e, mode);
}
