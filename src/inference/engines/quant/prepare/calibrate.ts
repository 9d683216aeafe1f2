/**
 * Activation calibration (host side, native doubles): statistics of every value of the plan over the calibration
 * samples, computed by the float64 reference engine, and the clipping ranges the four methods choose from them
 * (spec/quantization.md §3).
 *
 * Statistics per value: count, exact zeros, min, max, and three 2048-bin histograms of magnitudes over
 * [0, max of the side]: values >= 0, values < 0 (as |v|), and all values (|v|). The histograms take a second pass
 * over the samples once the ranges are known (only when a method needs them).
 */
import type { F64Engine } from '../../f64/engine.js';
import { ModelError } from '../../../model/errors.js';
import type { Plan } from '../../../model/plan.js';
import type { CalibrationMethod } from './options.js';

export const HISTOGRAM_BINS = 2048;
/** The percentile method keeps this fraction of the values inside the range (per side for asymmetric ranges). */
export const PERCENTILE = 0.9999;

export interface Histogram {
  /** Bin width: the side's maximum over HISTOGRAM_BINS (0 when the side is empty or all zero). */
  readonly width: number;
  readonly counts: Float64Array;
  /** Values on this side (including exact zeros on the positive and absolute sides). */
  readonly total: number;
  readonly zeros: number;
}

export interface ValueStats {
  count: number;
  zeros: number;
  min: number;
  max: number;
  pos: Histogram | null;
  neg: Histogram | null;
  abs: Histogram | null;
}

function emptyStats(): ValueStats {
  return { count: 0, zeros: 0, min: Infinity, max: -Infinity, pos: null, neg: null, abs: null };
}

function newHistogram(max: number, total: number, zeros: number): Histogram {
  return { width: max > 0 ? max / HISTOGRAM_BINS : 0, counts: new Float64Array(HISTOGRAM_BINS), total, zeros };
}

function binOf(h: Histogram, magnitude: number): number {
  if (h.width === 0) return 0;
  const b = Math.floor(magnitude / h.width);
  return b >= HISTOGRAM_BINS ? HISTOGRAM_BINS - 1 : b;
}

/** The node that produces value v (or the graph input), for error messages. */
export function producerOf(plan: Plan, v: number): { name: string; op: string } | undefined {
  const p = plan.values[v]!.producer;
  if (p < 0) return undefined;
  const node = plan.steps[p]!.node;
  return { name: node.name, op: node.op };
}

/**
 * Statistics of every plan value over `samples`, run through the reference engine `ref` (whose plan is `plan`).
 * `histograms` adds the second pass. Non-finite reference outputs are a ModelError naming the node.
 */
export function collectStats(ref: F64Engine, plan: Plan, samples: readonly Float64Array[], histograms: boolean): ValueStats[] {
  const stats = plan.values.map(emptyStats);
  const forEachValue = (sample: Float64Array, visit: (v: number, data: Float64Array) => void): void => {
    const trace = ref.trace(sample);
    visit(plan.input, sample);
    plan.steps.forEach((step) => visit(step.output, trace.get(step.node.name)!));
  };
  for (const sample of samples) {
    forEachValue(sample, (v, data) => {
      const s = stats[v]!;
      for (let i = 0; i < data.length; i++) {
        const x = data[i]!;
        if (!Number.isFinite(x)) {
          const where = producerOf(plan, v);
          throw new ModelError(
            `the float64 reference produced ${x} in "${plan.values[v]!.name}" on a calibration sample; cannot calibrate`,
            where,
          );
        }
        if (x < s.min) s.min = x;
        if (x > s.max) s.max = x;
        if (x === 0) s.zeros++;
      }
      s.count += data.length;
    });
  }
  if (!histograms) return stats;
  for (const s of stats) {
    s.pos = newHistogram(Math.max(s.max, 0), 0, s.zeros);
    s.neg = newHistogram(Math.max(-s.min, 0), 0, 0);
    s.abs = newHistogram(Math.max(s.max, -s.min, 0), s.count, s.zeros);
  }
  for (const sample of samples) {
    forEachValue(sample, (v, data) => {
      const s = stats[v]!;
      const pos = s.pos!;
      const neg = s.neg!;
      const abs = s.abs!;
      for (let i = 0; i < data.length; i++) {
        const x = data[i]!;
        const m = x < 0 ? -x : x;
        if (x < 0) neg.counts[binOf(neg, m)]!++;
        else pos.counts[binOf(pos, m)]!++;
        abs.counts[binOf(abs, m)]!++;
      }
    });
  }
  // How the values split between the sides is only known after the pass.
  for (const s of stats) {
    s.neg = { ...s.neg!, total: sum(s.neg!.counts) };
    s.pos = { ...s.pos!, total: sum(s.pos!.counts) };
  }
  return stats;
}

function sum(a: Float64Array): number {
  let t = 0;
  for (let i = 0; i < a.length; i++) t += a[i]!;
  return t;
}

// ---------------------------------------------------------------------------------------------------------------
// Threshold selection on one magnitude histogram

/** The magnitude below which `fraction` of the histogram's values lie (linear within the bin). */
function percentileThreshold(h: Histogram, fraction: number): number {
  if (h.total === 0 || h.width === 0) return 0;
  const target = fraction * h.total;
  let cum = 0;
  for (let i = 0; i < HISTOGRAM_BINS; i++) {
    const c = h.counts[i]!;
    if (cum + c >= target) return (i + (c > 0 ? (target - cum) / c : 1)) * h.width;
    cum += c;
  }
  return HISTOGRAM_BINS * h.width;
}

/**
 * Suffix sums over bins i >= j of count, count·center and count·center², so that the squared clipping error of a
 * threshold T at bin edge j, Σ_{i>=j} n_i (c_i − T)², is s2 − 2T·s1 + T²·s0.
 */
interface Suffix {
  readonly s0: Float64Array;
  readonly s1: Float64Array;
  readonly s2: Float64Array;
}

function suffixSums(h: Histogram): Suffix {
  const n = HISTOGRAM_BINS;
  const s0 = new Float64Array(n + 1);
  const s1 = new Float64Array(n + 1);
  const s2 = new Float64Array(n + 1);
  for (let i = n - 1; i >= 0; i--) {
    const c = h.counts[i]!;
    const x = (i + 0.5) * h.width;
    s0[i] = s0[i + 1]! + c;
    s1[i] = s1[i + 1]! + c * x;
    s2[i] = s2[i + 1]! + c * x * x;
  }
  return { s0, s1, s2 };
}

/** Squared clipping error and clipped count for the threshold at the upper edge of bin j − 1 (T = j·width). */
function clipError(S: Suffix, j: number, T: number): number {
  const e = S.s2[j]! - 2 * T * S.s1[j]! + T * T * S.s0[j]!;
  return e > 0 ? e : 0;
}

/**
 * The symmetric threshold minimizing clipping error plus rounding noise: values beyond T cost (|v| − T)², values
 * inside cost step²/12 with step = T / qmax (exact zeros cost nothing). Candidates are the bin edges.
 */
function mseThreshold(h: Histogram, qmax: number): number {
  if (h.width === 0) return 0;
  const S = suffixSums(h);
  let best = Infinity;
  let bestT = HISTOGRAM_BINS * h.width;
  for (let j = 1; j <= HISTOGRAM_BINS; j++) {
    const T = j * h.width;
    const inside = h.total - S.s0[j]! - h.zeros;
    const step = T / qmax;
    const err = clipError(S, j, T) + (inside > 0 ? inside : 0) * step * step / 12;
    if (err < best) {
      best = err;
      bestT = T;
    }
  }
  return bestT;
}

/**
 * TensorRT's entropy calibration (as NVIDIA's pytorch-quantization implements it): for each candidate i (bins kept,
 * `levels` … 2048), P is the first i bins with everything beyond folded into bin i − 1, Q the same bins (without
 * the outliers) merged into `levels` groups and spread back evenly over each group's nonempty bins; the threshold is
 * the upper edge of bin i − 1 for the i minimizing KL(P‖Q) (infinite where Q misses mass P has). The first bin's
 * count is replaced by the second's, so the exact zeros of a Relu output do not swamp the distributions. With
 * `levels` >= the bin count Q cannot be coarser than P, and this is max calibration.
 */
function klThreshold(h: Histogram, levels: number): number {
  if (h.width === 0) return 0;
  if (levels >= HISTOGRAM_BINS) return HISTOGRAM_BINS * h.width;
  const counts = Float64Array.from(h.counts);
  counts[0] = counts[1]!;
  const S = new Float64Array(HISTOGRAM_BINS + 1);
  for (let i = HISTOGRAM_BINS - 1; i >= 0; i--) S[i] = S[i + 1]! + counts[i]!;
  const q = new Float64Array(HISTOGRAM_BINS);
  let best = Infinity;
  let bestI = HISTOGRAM_BINS;
  for (let i = levels; i <= HISTOGRAM_BINS; i++) {
    let qt = 0;
    for (let g = 0; g < levels; g++) {
      const from = Math.ceil((g * i) / levels);
      const to = Math.ceil(((g + 1) * i) / levels);
      let total = 0;
      let nonzero = 0;
      for (let j = from; j < to; j++) {
        total += counts[j]!;
        if (counts[j] !== 0) nonzero++;
      }
      for (let j = from; j < to; j++) q[j] = counts[j] !== 0 ? total / nonzero : 0;
      qt += total;
    }
    const pt = S[0]!;
    if (pt === 0 || qt === 0) continue;
    let kl = 0;
    for (let j = 0; j < i && kl !== Infinity; j++) {
      const pj = (j === i - 1 ? counts[j]! + S[i]! : counts[j]!) / pt;
      if (pj === 0) continue;
      const qj = q[j]! / qt;
      kl = qj === 0 ? Infinity : kl + pj * Math.log(pj / qj);
    }
    if (kl < best) {
      best = kl;
      bestI = i;
    }
  }
  return bestI * h.width;
}

// ---------------------------------------------------------------------------------------------------------------
// Ranges

/** Symmetric range: the threshold T (the range is [−T, T]); `qmax` = 2^(b−1) − 1. */
export function symmetricThreshold(s: ValueStats, method: CalibrationMethod, qmax: number): number {
  const absMax = Math.max(s.max, -s.min, 0);
  switch (method) {
    case 'max':
      return absMax;
    case 'percentile':
      return Math.min(absMax, percentileThreshold(s.abs!, PERCENTILE));
    case 'mse':
      return mseThreshold(s.abs!, qmax);
    case 'kl':
      return klThreshold(s.abs!, qmax + 1);
  }
}

/**
 * Asymmetric range [lo, hi] with lo <= 0 <= hi. 'max' takes [min, max]; 'percentile' and 'kl' clip each side on its
 * own histogram ('kl' with half the levels per side when both sides are present, all of them otherwise); 'mse'
 * searches both thresholds jointly, the rounding step being (T− + T+) / levels.
 */
export function asymmetricRange(s: ValueStats, method: CalibrationMethod, levels: number): [number, number] {
  const lo = Math.min(s.min, 0);
  const hi = Math.max(s.max, 0);
  switch (method) {
    case 'max':
      return [lo, hi];
    case 'percentile':
      return [-Math.min(-lo, percentileThreshold(s.neg!, PERCENTILE)), Math.min(hi, percentileThreshold(s.pos!, PERCENTILE))];
    case 'kl': {
      const both = lo < 0 && hi > 0;
      const perSide = both ? Math.ceil(levels / 2) : levels + 1;
      return [-klThreshold(s.neg!, perSide), klThreshold(s.pos!, perSide)];
    }
    case 'mse':
      return jointMse(s.neg!, s.pos!, s.count - s.zeros, levels);
  }
}

function jointMse(neg: Histogram, pos: Histogram, nonzero: number, levels: number): [number, number] {
  const N = neg.width === 0 ? null : suffixSums(neg);
  const P = pos.width === 0 ? null : suffixSums(pos);
  const nCands = N === null ? 1 : HISTOGRAM_BINS;
  const pCands = P === null ? 1 : HISTOGRAM_BINS;
  let best = Infinity;
  let bestLo = 0;
  let bestHi = 0;
  for (let a = 1; a <= nCands; a++) {
    const Tn = N === null ? 0 : a * neg.width;
    const clipN = N === null ? 0 : clipError(N, a, Tn);
    const outN = N === null ? 0 : N.s0[a]!;
    for (let b = 1; b <= pCands; b++) {
      const Tp = P === null ? 0 : b * pos.width;
      const clipP = P === null ? 0 : clipError(P, b, Tp);
      const outP = P === null ? 0 : P.s0[b]!;
      const step = (Tn + Tp) / levels;
      const inside = nonzero - outN - outP;
      const err = clipN + clipP + (inside > 0 ? inside : 0) * step * step / 12;
      if (err < best) {
        best = err;
        bestLo = -Tn;
        bestHi = Tp;
      }
    }
  }
  return [bestLo, bestHi];
}
