/**
 * Host-side quantization arithmetic (native doubles and BigInt): scales and zero points, weight quantization with
 * optional MSE clipping, bias quantization, real multipliers turned into (mult, shift), and the magic numbers of the
 * integer divisions (spec/quantization.md §3–§4).
 */
import type { QuantBits } from './options.js';

/** real = scale·(q − zeroPoint). */
export interface QParams {
  readonly scale: number;
  readonly zeroPoint: number;
}

export function typeMin(bits: QuantBits): number {
  return bits === 8 ? -128 : -32768;
}

export function typeMax(bits: QuantBits): number {
  return bits === 8 ? 127 : 32767;
}

/** Largest weight code: weights are symmetric in [−qmax, qmax] (so −2^(b−1) never occurs). */
export function weightMax(bits: QuantBits): number {
  return typeMax(bits);
}

/** 2^⌈log2 s⌉: the power of two at or above s > 0. */
export function powerOfTwoAtLeast(s: number): number {
  let p = 2 ** Math.ceil(Math.log2(s));
  // log2 of a value just above a power of two may round down to it.
  while (p < s) p *= 2;
  while (p / 2 >= s) p /= 2;
  return p;
}

/** Symmetric activation parameters for the threshold T > 0: scale T / (2^(b−1) − 1), zero point 0. */
export function symmetricParams(T: number, bits: QuantBits, pot: boolean): QParams {
  const s = T / typeMax(bits);
  return { scale: pot ? powerOfTwoAtLeast(s) : s, zeroPoint: 0 };
}

/** Asymmetric parameters for [lo, hi] (lo <= 0 <= hi, hi > lo): the 2^b codes span the range, zero exact. */
export function asymmetricParams(lo: number, hi: number, bits: QuantBits, pot: boolean): QParams {
  const qmin = typeMin(bits);
  const qmax = typeMax(bits);
  let s = (hi - lo) / (qmax - qmin);
  if (pot) s = powerOfTwoAtLeast(s);
  let z = Math.round(qmin - lo / s);
  if (z < qmin) z = qmin;
  if (z > qmax) z = qmax;
  return { scale: s, zeroPoint: z };
}

/** The code of `v`, rounded to nearest (ties away from zero) and saturated to the type; ±∞ saturate. */
export function quantizeValue(v: number, p: QParams, bits: QuantBits): number {
  const lo = typeMin(bits);
  const hi = typeMax(bits);
  if (v === -Infinity) return lo;
  if (v === Infinity) return hi;
  const r = v / p.scale;
  const q = (r < 0 ? -Math.round(-r) : Math.round(r)) + p.zeroPoint;
  return q < lo ? lo : q > hi ? hi : q;
}

// ---------------------------------------------------------------------------------------------------------------
// Multipliers

export interface Multiplier {
  /** Q31 mantissa (|mult| in [2^30, 2^31)), or 0 for a power of two applied as a shift alone. */
  readonly mult: number;
  /** Right shift (negative: left shift). */
  readonly shift: number;
}

/**
 * The fixed-point form of a real multiplier m: m = mult·2^-31·2^-shift with mult rounded to nearest, or, when |m| is
 * an exact power of two and m > 0, mult = 0 and m = 2^-shift (the shift-only path). m = 0 is (0, 64), which
 * shifts everything out. Multipliers of 2^31 or more saturate every nonzero input, and are held as
 * (2^31 − 1, −31); right shifts past 94 shift everything out anyway.
 */
export function quantizeMultiplier(m: number): Multiplier {
  if (!Number.isFinite(m)) throw new RangeError(`quantizeMultiplier: ${m} is not finite`);
  if (m === 0) return { mult: 0, shift: 64 };
  const a = Math.abs(m);
  let e = Math.floor(Math.log2(a)) + 1;
  let f = a / 2 ** e;
  while (f >= 1) {
    e++;
    f /= 2;
  }
  while (f < 0.5) {
    e--;
    f *= 2;
  }
  if (f === 0.5 && m > 0) {
    const shift = 1 - e;
    if (shift < -31) return { mult: 0x7fffffff, shift: -31 };
    return { mult: 0, shift: shift > 64 ? 64 : shift };
  }
  let M = Math.round(f * 2 ** 31);
  if (M === 2 ** 31) {
    M = 2 ** 30;
    e++;
  }
  let shift = -e;
  if (shift < -31) {
    M = 0x7fffffff;
    shift = -31;
  }
  if (shift > 94) shift = 94;
  return { mult: m < 0 ? -M : M, shift };
}

/** The real value a (mult, shift) pair stands for. */
export function multiplierValue(q: Multiplier): number {
  return q.mult === 0 ? 2 ** -q.shift : q.mult * 2 ** (-31 - q.shift);
}

// ---------------------------------------------------------------------------------------------------------------
// Weights

export interface QuantizedWeights {
  readonly codes: Int8Array | Int16Array;
  /** One scale per channel (length `channels`), or one for the tensor. */
  readonly scales: Float64Array;
}

function maxAbs(w: Float64Array, from: number, to: number): number {
  let m = 0;
  for (let i = from; i < to; i++) {
    const a = Math.abs(w[i]!);
    if (a > m) m = a;
  }
  return m;
}

/** Σ (w − s·clamp(round(w/s), ±qmax))² over w[from, to). */
function weightError(w: Float64Array, from: number, to: number, s: number, qmax: number): number {
  let e = 0;
  const inv = 1 / s;
  for (let i = from; i < to; i++) {
    const v = w[i]!;
    let q = Math.round(v * inv);
    if (q > qmax) q = qmax;
    if (q < -qmax) q = -qmax;
    const d = v - q * s;
    e += d * d;
  }
  return e;
}

/**
 * The scale of w[from, to): max-abs (max|w| / qmax), or with 'mse' clipping the scale minimizing the squared
 * error over thresholds max|w|·2^(−j/4), j = 0 … 48, refined at 15 points between the best one's neighbours. With
 * power-of-two scales the candidates are the powers of two at or below the max-abs one (12 of them).
 */
function chooseWeightScale(w: Float64Array, from: number, to: number, qmax: number, mse: boolean, pot: boolean): number {
  const m = maxAbs(w, from, to);
  if (m === 0) return 0;
  const base = m / qmax;
  if (!mse) return pot ? powerOfTwoAtLeast(base) : base;
  if (pot) {
    let s = powerOfTwoAtLeast(base);
    let best = s;
    let bestErr = Infinity;
    for (let j = 0; j < 12; j++, s /= 2) {
      const e = weightError(w, from, to, s, qmax);
      if (e < bestErr) {
        bestErr = e;
        best = s;
      }
    }
    return best;
  }
  let bestJ = 0;
  let bestErr = Infinity;
  for (let j = 0; j <= 48; j++) {
    const e = weightError(w, from, to, base * 2 ** (-j / 4), qmax);
    if (e < bestErr) {
      bestErr = e;
      bestJ = j;
    }
  }
  let best = base * 2 ** (-bestJ / 4);
  const hi = Math.min(base, base * 2 ** (-(bestJ - 1) / 4));
  const lo = base * 2 ** (-(bestJ + 1) / 4);
  for (let k = 1; k < 16; k++) {
    const s = lo + ((hi - lo) * k) / 16;
    const e = weightError(w, from, to, s, qmax);
    if (e < bestErr) {
      bestErr = e;
      best = s;
    }
  }
  return best;
}

/**
 * Quantize a weight tensor of `channels` equal rows (output channels first) symmetrically to ±(2^(b−1) − 1). An
 * all-zero channel takes the tensor's largest channel scale (its codes are 0 whatever the scale); an all-zero
 * tensor takes scale 1.
 */
export function quantizeWeights(
  w: Float64Array,
  channels: number,
  perChannel: boolean,
  bits: QuantBits,
  mseClipping: boolean,
  pot: boolean,
): QuantizedWeights {
  const qmax = weightMax(bits);
  const groups = perChannel ? channels : 1;
  const per = w.length / groups;
  const scales = new Float64Array(groups);
  let fallback = 0;
  for (let g = 0; g < groups; g++) {
    scales[g] = chooseWeightScale(w, g * per, (g + 1) * per, qmax, mseClipping, pot);
    if (scales[g]! > fallback) fallback = scales[g]!;
  }
  if (fallback === 0) fallback = 1;
  for (let g = 0; g < groups; g++) if (scales[g] === 0) scales[g] = fallback;
  const codes = bits === 8 ? new Int8Array(w.length) : new Int16Array(w.length);
  for (let g = 0; g < groups; g++) {
    const inv = 1 / scales[g]!;
    for (let i = g * per; i < (g + 1) * per; i++) {
      const r = w[i]! * inv;
      let q = r < 0 ? -Math.round(-r) : Math.round(r);
      if (q > qmax) q = qmax;
      if (q < -qmax) q = -qmax;
      codes[i] = q;
    }
  }
  return { codes, scales };
}

// ---------------------------------------------------------------------------------------------------------------
// Biases

const INT64_LIMIT = 2n ** 62n;

/** round(v) as a BigInt (ties away from zero), saturated to ±2^62 (far beyond any output that does not saturate). */
export function roundToBigInt(v: number): bigint {
  if (!Number.isFinite(v)) return v > 0 ? INT64_LIMIT : -INT64_LIMIT;
  const r = v < 0 ? -Math.round(-v) : Math.round(v);
  if (Math.abs(r) >= 2 ** 62) return r > 0 ? INT64_LIMIT : -INT64_LIMIT;
  return BigInt(r);
}

/** The 64-bit two's complement words of v: [hi as int32, lo as int32 bits]. */
export function splitInt64(v: bigint): [number, number] {
  return [Number(BigInt.asIntN(32, v >> 32n)), Number(BigInt.asIntN(32, v))];
}

// ---------------------------------------------------------------------------------------------------------------
// Divisions

/** Magic pair (m as int32 bits, l) with ⌊t/d⌋ = ⌊t·m / 2^(31+l)⌋ for 0 <= t < 2^31; d >= 2. */
export function divisionMagic(d: number): [number, number] {
  if (!Number.isInteger(d) || d < 2 || d > 2 ** 31) throw new RangeError(`divisionMagic: bad divisor ${d}`);
  let l = 0;
  while (2 ** l < d) l++;
  const D = BigInt(d);
  const m = ((1n << BigInt(31 + l)) + D - 1n) / D;
  return [Number(BigInt.asIntN(32, m)), l];
}
