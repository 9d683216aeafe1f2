/**
 * Independent references for the soft engines, sharing no code with them: words are taken apart and rounded here
 * with BigInt arithmetic, and the step-by-step policies are computed in native doubles and rounded to the format
 * (for +, −, ×, ÷ of p-bit operands a double result rounded again to p bits is the correctly rounded p-bit result
 * when 53 ≥ 2p + 2, which holds for p = 24, 11 and 8).
 */

export type Fmt = 'f32' | 'f16' | 'bf16';

interface Layout {
  readonly p: number; // significand bits with the hidden one
  readonly ebits: number;
  readonly bias: number;
}

const LAYOUT: Record<Fmt, Layout> = {
  f32: { p: 24, ebits: 8, bias: 127 },
  f16: { p: 11, ebits: 5, bias: 15 },
  bf16: { p: 8, ebits: 8, bias: 127 },
};

export type Decoded =
  | { readonly kind: 'nan' }
  | { readonly kind: 'inf'; readonly negative: boolean }
  | { readonly kind: 'finite'; readonly negative: boolean; readonly m: bigint; readonly e: number };

export function decode(fmt: Fmt, w: number): Decoded {
  const { p, ebits, bias } = LAYOUT[fmt];
  const width = p + ebits;
  const negative = Math.floor(w / 2 ** (width - 1)) % 2 === 1;
  const field = Math.floor(w / 2 ** (p - 1)) % 2 ** ebits;
  const frac = w % 2 ** (p - 1);
  if (field === 2 ** ebits - 1) return frac !== 0 ? { kind: 'nan' } : { kind: 'inf', negative };
  const m = BigInt(field === 0 ? frac : frac + 2 ** (p - 1));
  const e = (field === 0 ? 1 : field) - bias - (p - 1);
  return { kind: 'finite', negative, m, e };
}

/** The word of a finite value, for (sign, m, e) already in range. */
function encode(fmt: Fmt, negative: boolean, biased: number, frac: number): number {
  const { p, ebits } = LAYOUT[fmt];
  return (negative ? 2 ** (p + ebits - 1) : 0) + biased * 2 ** (p - 1) + frac;
}

export function infWord(fmt: Fmt, negative: boolean): number {
  return encode(fmt, negative, 2 ** LAYOUT[fmt].ebits - 1, 0);
}

/** n·2^e (n a signed BigInt) rounded to nearest even; zero gives +0. */
export function roundExact(fmt: Fmt, n: bigint, e: number): number {
  const { p, ebits, bias } = LAYOUT[fmt];
  if (n === 0n) return 0;
  const negative = n < 0n;
  let mag = negative ? -n : n;
  const lead = mag.toString(2).length - 1 + e; // exponent of the leading bit
  const minNormal = 1 - bias;
  let q = (lead < minNormal ? minNormal : lead) - (p - 1); // exponent of the quantum
  if (e < q) {
    const shift = BigInt(q - e);
    const kept = mag >> shift;
    const rem = mag - (kept << shift);
    const half = 1n << (shift - 1n);
    mag = rem > half || (rem === half && (kept & 1n) === 1n) ? kept + 1n : kept;
  } else {
    mag <<= BigInt(e - q);
  }
  if (mag === 1n << BigInt(p)) {
    mag >>= 1n;
    q++;
  }
  if (mag < 1n << BigInt(p - 1)) return encode(fmt, negative, 0, Number(mag)); // subnormal (or zero)
  const biased = q + (p - 1) + bias;
  if (biased >= 2 ** ebits - 1) return infWord(fmt, negative);
  return encode(fmt, negative, biased, Number(mag - (1n << BigInt(p - 1))));
}

const scratch = new DataView(new ArrayBuffer(8));

/** A finite double as n·2^e exactly. */
function splitDouble(x: number): { n: bigint; e: number } {
  scratch.setFloat64(0, x);
  const hi = scratch.getUint32(0);
  const lo = scratch.getUint32(4);
  const field = (hi >>> 20) & 0x7ff;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (field !== 0) m |= 1n << 52n;
  const e = (field === 0 ? 1 : field) - 1075;
  return { n: hi >>> 31 ? -m : m, e };
}

/** A double rounded to the format (nearest even), NaN to the default NaN, ±0 kept. */
export function fromDouble(fmt: Fmt, x: number): number {
  if (Number.isNaN(x)) return nanWord(fmt);
  if (x === Infinity || x === -Infinity) return infWord(fmt, x < 0);
  if (x === 0) return Object.is(x, -0) ? encode(fmt, true, 0, 0) : 0;
  const { n, e } = splitDouble(x);
  return roundExact(fmt, n, e);
}

export function nanWord(fmt: Fmt): number {
  return fmt === 'f32' ? 0xffc00000 : fmt === 'f16' ? 0xfe00 : 0xffc0;
}

/** The exact value of a word as a double. */
export function toDouble(fmt: Fmt, w: number): number {
  const d = decode(fmt, w);
  if (d.kind === 'nan') return NaN;
  if (d.kind === 'inf') return d.negative ? -Infinity : Infinity;
  const v = Number(d.m) * 2 ** d.e;
  return d.negative ? -v : v;
}

/** Round a double to the format and back (the value a format operation computed in doubles yields). */
export function rnd(fmt: Fmt, x: number): number {
  return fmt === 'f32' ? Math.fround(x) : toDouble(fmt, fromDouble(fmt, x));
}

/** Σ x_i·w_i + b (b optional) exactly, rounded once; IEEE rules for Inf and NaN; values as doubles. */
export function exactDot(fmt: Fmt, xs: readonly number[], ws: readonly number[], b: number | null): number {
  let nan = false;
  let pos = false;
  let neg = false;
  const terms: { n: bigint; e: number }[] = [];
  const term = (a: number, c: number): void => {
    if (Number.isNaN(a) || Number.isNaN(c)) {
      nan = true;
    } else if (!Number.isFinite(a) || !Number.isFinite(c)) {
      if (a === 0 || c === 0) nan = true;
      else if (a < 0 !== c < 0) neg = true;
      else pos = true;
    } else if (a !== 0 && c !== 0) {
      const A = splitDouble(a);
      const C = splitDouble(c);
      terms.push({ n: A.n * C.n, e: A.e + C.e });
    }
  };
  for (let i = 0; i < xs.length; i++) term(xs[i]!, ws[i]!);
  if (b !== null) term(b, 1);
  if (nan || (pos && neg)) return NaN;
  if (pos) return Infinity;
  if (neg) return -Infinity;
  if (terms.length === 0) return 0;
  const e0 = Math.min(...terms.map((t) => t.e));
  let total = 0n;
  for (const t of terms) total += t.n << BigInt(t.e - e0);
  return toDouble(fmt, roundExact(fmt, total, e0));
}

/** acc = +0; acc = rnd(acc + rnd(x·w)) …; rnd(acc + b): every step rounded to the format. */
export function sequentialDot(fmt: Fmt, xs: readonly number[], ws: readonly number[], b: number | null): number {
  let acc = 0;
  for (let i = 0; i < xs.length; i++) acc = rnd(fmt, acc + rnd(fmt, xs[i]! * ws[i]!));
  return b === null ? acc : rnd(fmt, acc + b);
}

/** The same loop in binary32, one rounding to the format at the end. */
export function f32accDot(fmt: Fmt, xs: readonly number[], ws: readonly number[], b: number | null): number {
  let acc = 0;
  for (let i = 0; i < xs.length; i++) acc = Math.fround(acc + Math.fround(xs[i]! * ws[i]!));
  if (b !== null) acc = Math.fround(acc + b);
  return rnd(fmt, acc);
}

export type Policy = 'sequential' | 'f32acc' | 'exact';

export function dot(policy: Policy, fmt: Fmt, xs: readonly number[], ws: readonly number[], b: number | null): number {
  return policy === 'exact' ? exactDot(fmt, xs, ws, b) : policy === 'sequential' ? sequentialDot(fmt, xs, ws, b) : f32accDot(fmt, xs, ws, b);
}

/** Bit-level equality of doubles (NaN equals NaN, +0 differs from −0). */
export function sameBits(a: number, b: number): boolean {
  return Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));
}

/** Indices where two arrays differ bit for bit, with both values, for a readable failure. */
export function mismatches(actual: ArrayLike<number>, expected: ArrayLike<number>, limit = 5): string[] {
  const out: string[] = [];
  if (actual.length !== expected.length) return [`length ${actual.length} vs ${expected.length}`];
  for (let i = 0; i < actual.length && out.length < limit; i++) {
    if (!sameBits(actual[i]!, expected[i]!)) out.push(`[${i}] got ${Object.is(actual[i], -0) ? '-0' : actual[i]} expected ${Object.is(expected[i], -0) ? '-0' : expected[i]}`);
  }
  return out;
}

/** Deterministic generator of test values. */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0 || 1;
  }
  u32(): number {
    let s = this.s;
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    this.s = s;
    return s;
  }
  /** Uniform in [0, 1). */
  next(): number {
    return this.u32() / 2 ** 32;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)]!;
  }
  /**
   * A value with a random sign and significand and a binary exponent in [eLo, eHi]; a fraction `zeros` of ±0.
   */
  value(eLo: number, eHi: number, zeros = 0.1): number {
    const r = this.next();
    if (r < zeros / 2) return 0;
    if (r < zeros) return -0;
    const v = (1 + this.next()) * 2 ** this.int(eLo, eHi);
    return this.next() < 0.5 ? -v : v;
  }
}
