/**
 * The comparison report: everything `fpuless compare` measured, as written to report.json (schema in
 * spec/compare.md §4) and rendered into the text tables and report.html.
 *
 * JSON has no infinities: a number that is +∞, −∞ or NaN in memory (the SQNR of identical outputs is +∞, the
 * Δlogit of an engine whose output overflowed is ∞) is written as the string "inf", "-inf" or "nan".
 */

export const REPORT_FORMAT = 'fpuless-compare';
export const REPORT_VERSION = 1;

export type EngineFamily = 'f64' | 'soft' | 'quant';

export interface LogHistogramJson {
  /** Exact matches (|Δ| = 0). */
  readonly zero: number;
  /** counts[k]: |Δ| in [10^(lo + k/perDecade), 10^(lo + (k+1)/perDecade)), with lo/perDecade from `deltaBins`. */
  readonly counts: number[];
  /** NaN or infinite differences. */
  readonly nonFinite: number;
}

export interface EngineReport {
  readonly name: string;
  readonly family: EngineFamily;
  readonly description: string;
  /** Fraction of samples whose argmax equals the label; null without labels. */
  readonly accuracy: number | null;
  /** Fraction of samples whose argmax equals the f64 engine's. */
  readonly agreement: number;
  /** Largest and mean |output − f64 output| over every output of every sample (∞ when some output was not finite). */
  readonly maxAbsDelta: number;
  readonly meanAbsDelta: number;
  /** Outputs (of all samples) that were NaN or infinite. */
  readonly nonFiniteOutputs: number;
  readonly weightBytes: number;
  readonly inferencesPerSecond: number;
  readonly secondsPerInference: number;
  /** secondsPerInference divided by the timing reference's (report.timingReference). */
  readonly relativeTime: number;
  /** Time to build the engine (weights converted or quantized, calibration run). */
  readonly buildSeconds: number;
  readonly deltaHistogram: LogHistogramJson;
  /**
   * Per layer (node name): SQNR in dB of the weights as this engine stores them vs the model's (+∞ = identical); a
   * layer is absent when the engine does not say how it stores that layer's weights.
   */
  readonly weightSqnrDb: Record<string, number>;
  /**
   * Per layer (node name): SQNR in dB of this engine's layer output vs f64's over the trace samples (+∞ = identical,
   * −∞ = some output not finite). Empty for f64 itself.
   */
  readonly outputSqnrDb: Record<string, number>;
  /**
   * For an engine with bounded value ranges (the quantized engines; null for f64 and soft): the samples in
   * which some value f64 computed for the graph input or a layer's stored output lies outside the range the engine
   * stores it in (the engine clips it there).
   */
  readonly clippedSamples: number | null;
  /** The fraction of the samples' input elements outside the engine's input range (null as above). */
  readonly clippedInput: number | null;
  /** Per Gemm/MatMul/Conv layer (node name): the fraction of its stored output elements outside the range; {} as above. */
  readonly clippedFraction: Record<string, number>;
}

export interface LayerReport {
  readonly name: string;
  readonly op: string;
  readonly weightShape: number[];
  readonly count: number;
  readonly maxAbs: number;
  readonly mean: number;
  readonly std: number;
  readonly maxOverStd: number;
  readonly skew: number;
  readonly excessKurtosis: number;
  readonly outliers: number;
  readonly outlierValues: number[];
  readonly int8Scale: number;
  readonly centralFraction: number;
  readonly int8LevelsUsed: number;
  /** Weights per level of the per-tensor max-abs int8 grid, q = −127 … 127 (index q + 127). */
  readonly int8Histogram: number[];
}

export interface CompareReport {
  readonly format: typeof REPORT_FORMAT;
  readonly version: typeof REPORT_VERSION;
  readonly generated: string;
  readonly fpulessVersion: string;
  readonly model: {
    readonly path: string;
    readonly name: string;
    readonly inputShape: number[];
    readonly outputShape: number[];
    readonly parameters: number;
  };
  readonly data: {
    readonly source: 'mnist' | 'npy';
    readonly description: string;
    readonly inputs: string | null;
    readonly labels: string | null;
    readonly samples: number;
    readonly inputScale: number;
    readonly traceSamples: number;
  };
  readonly calibration: { readonly samples: number; readonly source: string };
  readonly reference: 'f64';
  /** Engine whose time per inference is 1 in `relativeTime` (int8-maxabs-pertensor when it ran). */
  readonly timingReference: string;
  readonly deltaBins: { readonly lo: number; readonly hi: number; readonly perDecade: number };
  readonly engines: EngineReport[];
  readonly layers: LayerReport[];
}

function jsonNumber(_key: string, value: unknown): unknown {
  if (typeof value !== 'number' || Number.isFinite(value)) return value;
  return Number.isNaN(value) ? 'nan' : value > 0 ? 'inf' : '-inf';
}

/** JSON text of the report (two-space indentation, final newline); non-finite numbers become "inf", "-inf", "nan". */
export function reportJson(report: CompareReport): string {
  return `${JSON.stringify(report, jsonNumber, 2)}\n`;
}
