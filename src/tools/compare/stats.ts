/**
 * The numbers `fpuless compare` reports, computed in native doubles (this is tooling, not the integer-only library):
 * weight-distribution statistics, the per-tensor max-abs int8 grid, signal-to-quantization-noise ratios, argmax and
 * the log-scale |Δlogit| histogram. Definitions are in spec/compare.md.
 */

/** Number of int8 levels on each side of zero under symmetric max-abs quantization (q ∈ −127 … 127). */
export const INT8_MAX = 127;
/** Weights more than this many standard deviations from zero count as outliers. */
export const OUTLIER_SIGMAS = 4;
/** The "five central levels": |q| ≤ 2. */
export const CENTRAL_LEVEL = 2;
/** Outlier values kept per layer in the report (the count is always exact). */
export const MAX_OUTLIER_VALUES = 500;

/** Round to nearest, ties to even (numpy's `rint`). */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  // Math.round sends ties up; a tie that landed on an odd integer goes back down to the even one.
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

export interface WeightStats {
  readonly count: number;
  readonly maxAbs: number;
  readonly mean: number;
  /** Population standard deviation about the mean. */
  readonly std: number;
  /** maxAbs / std: how far the largest weight sits out in the tail (what sets the int8 step). */
  readonly maxOverStd: number;
  readonly skew: number;
  readonly excessKurtosis: number;
  /** Weights with |w| > 4σ. */
  readonly outliers: number;
  /** Up to MAX_OUTLIER_VALUES of them, largest |w| first. */
  readonly outlierValues: number[];
  /** Step of the per-tensor max-abs int8 grid: maxAbs / 127 (0 for an all-zero tensor). */
  readonly int8Scale: number;
  /** Fraction of weights quantized to |q| ≤ 2 on that grid. */
  readonly centralFraction: number;
  /** Distinct q values used (1 … 255). */
  readonly int8LevelsUsed: number;
  /** counts[q + 127]: weights per int8 level, q = −127 … 127. */
  readonly int8Histogram: number[];
}

/** Level of `w` on the symmetric max-abs int8 grid of step `scale`. */
export function int8Level(w: number, scale: number): number {
  if (scale === 0) return 0;
  const q = roundHalfEven(w / scale);
  return q > INT8_MAX ? INT8_MAX : q < -INT8_MAX ? -INT8_MAX : q;
}

export function weightStats(w: Float64Array): WeightStats {
  const n = w.length;
  let maxAbs = 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const v = w[i]!;
    sum += v;
    const a = Math.abs(v);
    if (a > maxAbs) maxAbs = a;
  }
  const mean = n === 0 ? 0 : sum / n;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    const d = w[i]! - mean;
    const d2 = d * d;
    m2 += d2;
    m3 += d2 * d;
    m4 += d2 * d2;
  }
  m2 = n === 0 ? 0 : m2 / n;
  m3 = n === 0 ? 0 : m3 / n;
  m4 = n === 0 ? 0 : m4 / n;
  const std = Math.sqrt(m2);
  const skew = m2 === 0 ? 0 : m3 / (m2 * std);
  const excessKurtosis = m2 === 0 ? 0 : m4 / (m2 * m2) - 3;
  const scale = maxAbs / INT8_MAX;
  const hist = new Array<number>(2 * INT8_MAX + 1).fill(0);
  let central = 0;
  const outlierList: number[] = [];
  let outliers = 0;
  const limit = OUTLIER_SIGMAS * std;
  for (let i = 0; i < n; i++) {
    const v = w[i]!;
    const q = int8Level(v, scale);
    hist[q + INT8_MAX]!++;
    if (Math.abs(q) <= CENTRAL_LEVEL) central++;
    if (std > 0 && Math.abs(v) > limit) {
      outliers++;
      outlierList.push(v);
    }
  }
  outlierList.sort((a, b) => Math.abs(b) - Math.abs(a));
  return {
    count: n,
    maxAbs,
    mean,
    std,
    maxOverStd: std === 0 ? 0 : maxAbs / std,
    skew,
    excessKurtosis,
    outliers,
    outlierValues: outlierList.slice(0, MAX_OUTLIER_VALUES),
    int8Scale: scale,
    centralFraction: n === 0 ? 0 : central / n,
    int8LevelsUsed: hist.reduce((k, c) => k + (c > 0 ? 1 : 0), 0),
    int8Histogram: hist,
  };
}

/** Running signal and noise energies for an SQNR. */
export class SqnrAccumulator {
  signal = 0;
  noise = 0;
  /** Elements where the approximation was NaN or infinite (their noise counts as infinite). */
  nonFinite = 0;

  add(reference: ArrayLike<number>, approx: ArrayLike<number>): void {
    const n = Math.min(reference.length, approx.length);
    for (let i = 0; i < n; i++) {
      const r = reference[i]!;
      const a = approx[i]!;
      if (!Number.isFinite(a)) {
        this.nonFinite++;
        continue;
      }
      const d = a - r;
      this.signal += r * r;
      this.noise += d * d;
    }
  }

  /** 10·log10(signal / noise) in dB; +∞ when identical, −∞ when anything was non-finite or there is no signal. */
  db(): number {
    if (this.nonFinite > 0) return -Infinity;
    if (this.noise === 0) return Infinity;
    if (this.signal === 0) return -Infinity;
    return 10 * Math.log10(this.signal / this.noise);
  }
}

export function sqnrDb(reference: ArrayLike<number>, approx: ArrayLike<number>): number {
  const acc = new SqnrAccumulator();
  acc.add(reference, approx);
  return acc.db();
}

/** Index of the largest element (the first on ties; NaN never wins); −1 when every element is NaN. */
export function argmax(v: ArrayLike<number>): number {
  let best = -1;
  let bestValue = -Infinity;
  for (let i = 0; i < v.length; i++) {
    const x = v[i]!;
    if (x > bestValue || (best < 0 && x === -Infinity)) {
      best = i;
      bestValue = x;
    }
  }
  return best;
}

/**
 * |Δlogit| histogram on a log scale: `zero` exact matches, then `counts[k]` values in
 * [10^(lo + k/perDecade), 10^(lo + (k+1)/perDecade)); values below the first edge go to the first bin, at or above
 * the last to the last bin; non-finite differences are counted in `nonFinite`.
 */
export interface LogHistogram {
  readonly zero: number;
  readonly counts: number[];
  readonly nonFinite: number;
}

export interface LogBins {
  /** log10 of the first edge. */
  readonly lo: number;
  /** log10 of the last edge. */
  readonly hi: number;
  readonly perDecade: number;
}

/** Whole decades covering every finite nonzero value in `values` (at least one decade; [−1, 0] if there are none). */
export function logBinsFor(values: Iterable<number>, perDecade: number): LogBins {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v > 0 && Number.isFinite(v)) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  if (min === Infinity) return { lo: -1, hi: 0, perDecade };
  const lo = Math.floor(Math.log10(min));
  let hi = Math.floor(Math.log10(max)) + 1;
  if (hi <= lo) hi = lo + 1;
  return { lo, hi, perDecade };
}

export function logHistogram(values: ArrayLike<number>, bins: LogBins): LogHistogram {
  const nb = (bins.hi - bins.lo) * bins.perDecade;
  const counts = new Array<number>(nb).fill(0);
  let zero = 0;
  let nonFinite = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) nonFinite++;
    else if (v === 0) zero++;
    else {
      let k = Math.floor((Math.log10(v) - bins.lo) * bins.perDecade);
      if (k < 0) k = 0;
      if (k >= nb) k = nb - 1;
      counts[k]!++;
    }
  }
  return { zero, counts, nonFinite };
}
