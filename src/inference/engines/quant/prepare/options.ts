/**
 * Options of the quantized engines, the engine names derived from them, and the presets `compare` runs by default
 * (spec/quantization.md §2).
 */

export type QuantBits = 8 | 16;
export type WeightGranularity = 'per-tensor' | 'per-channel';
export type WeightClipping = 'none' | 'mse';
export type ActivationScheme = 'symmetric' | 'asymmetric';
export type CalibrationMethod = 'max' | 'percentile' | 'mse' | 'kl';
/** Where scales come from: calibration (default), or the model's own QDQ parameters (`Graph.quantization`). */
export type ScaleSource = 'calibrated' | 'model';

export interface QuantOptions {
  /** Storage width of weights and activations. */
  readonly bits: QuantBits;
  /** One weight scale per tensor (default) or one per output channel. */
  readonly weightGranularity?: WeightGranularity;
  /**
   * How weight scales are chosen: 'none' (default) is the classic max-abs rule, scale = max|w| / (2^(b−1) − 1);
   * 'mse' picks the clipping threshold that minimizes the weights' squared quantization error (per tensor or per
   * channel, following `weightGranularity`).
   */
  readonly weightClipping?: WeightClipping;
  /** Activations with zero point 0 (default) or with a zero point (the full code range spans [min, max]). */
  readonly activations?: ActivationScheme;
  /** How activation ranges are chosen from the calibration samples (default 'max'). */
  readonly calibration?: CalibrationMethod;
  /** Round every scale up to a power of two, so requantization is a rounding shift (default false). */
  readonly powerOfTwo?: boolean;
  /**
   * 'model': quantize with the scales and zero points a QDQ model prescribes (its weight codes kept exactly) instead
   * of calibrating; tensors the model leaves unquantized fall back to per-channel max-abs weights and max-calibrated
   * asymmetric activations. Needs a graph with `quantization` (default 'calibrated').
   */
  readonly scales?: ScaleSource;
}

/** Options with every default filled in. */
export interface ResolvedQuantOptions {
  readonly bits: QuantBits;
  readonly weightGranularity: WeightGranularity;
  readonly weightClipping: WeightClipping;
  readonly activations: ActivationScheme;
  readonly calibration: CalibrationMethod;
  readonly powerOfTwo: boolean;
  readonly scales: ScaleSource;
}

function oneOf<T extends string | number | boolean>(what: string, value: T | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!allowed.includes(value)) {
    throw new RangeError(`createQuantEngine: ${what} must be one of ${allowed.map(String).join(', ')}; got ${String(value)}`);
  }
  return value;
}

export function resolveOptions(options: QuantOptions): ResolvedQuantOptions {
  if (options === null || typeof options !== 'object') throw new RangeError('createQuantEngine: options must be an object');
  const scales = oneOf<ScaleSource>('scales', options.scales, ['calibrated', 'model'], 'calibrated');
  if (scales === 'model') {
    return {
      bits: oneOf<QuantBits>('bits', options.bits, [8, 16], 8 as QuantBits),
      weightGranularity: 'per-channel',
      weightClipping: 'none',
      activations: 'asymmetric',
      calibration: 'max',
      powerOfTwo: false,
      scales,
    };
  }
  return {
    scales,
    bits: oneOf<QuantBits>('bits', options.bits, [8, 16], 8 as QuantBits),
    weightGranularity: oneOf<WeightGranularity>('weightGranularity', options.weightGranularity, ['per-tensor', 'per-channel'], 'per-tensor'),
    weightClipping: oneOf<WeightClipping>('weightClipping', options.weightClipping, ['none', 'mse'], 'none'),
    activations: oneOf<ActivationScheme>('activations', options.activations, ['symmetric', 'asymmetric'], 'symmetric'),
    calibration: oneOf<CalibrationMethod>('calibration', options.calibration, ['max', 'percentile', 'mse', 'kl'], 'max'),
    powerOfTwo: oneOf<boolean>('powerOfTwo', options.powerOfTwo, [true, false], false),
  };
}

const CALIBRATION_TOKEN: Record<CalibrationMethod, string> = { max: '', percentile: '-pct', mse: '-mse', kl: '-kl' };

/**
 * `int<bits>-<maxabs|wmse>-<pertensor|perchannel>[-pct|-mse|-kl][-asym][-pot]`: the weight-scale rule, the weight
 * granularity, the activation calibration (absent for 'max'), then the zero-point and power-of-two flags. The
 * classic first method (bits 8, everything default) is `int8-maxabs-pertensor`.
 */
export function quantEngineName(options: QuantOptions): string {
  const o = resolveOptions(options);
  if (o.scales === 'model') return `int${o.bits}-qdq`;
  return (
    `int${o.bits}-${o.weightClipping === 'mse' ? 'wmse' : 'maxabs'}-` +
    `${o.weightGranularity === 'per-channel' ? 'perchannel' : 'pertensor'}${CALIBRATION_TOKEN[o.calibration]}` +
    `${o.activations === 'asymmetric' ? '-asym' : ''}${o.powerOfTwo ? '-pot' : ''}`
  );
}

export interface QuantPreset {
  readonly name: string;
  readonly options: QuantOptions;
}

const PRESET_OPTIONS: readonly QuantOptions[] = [
  // The classic first method: per-tensor max-abs weights, max-calibrated symmetric activations.
  { bits: 8 },
  // The same with power-of-two scales: requantization by shifts only.
  { bits: 8, powerOfTwo: true },
  { bits: 8, weightGranularity: 'per-channel' },
  { bits: 8, weightGranularity: 'per-channel', calibration: 'percentile' },
  { bits: 8, weightGranularity: 'per-channel', calibration: 'mse' },
  { bits: 8, weightGranularity: 'per-channel', calibration: 'kl', activations: 'asymmetric' },
  { bits: 8, weightClipping: 'mse' },
  { bits: 8, weightGranularity: 'per-channel', weightClipping: 'mse', calibration: 'mse', activations: 'asymmetric' },
  { bits: 16 },
  { bits: 16, weightGranularity: 'per-channel' },
];

/** The fixed-point engine of QDQ models: the model's own int8 scales and zero points. */
export const QDQ_PRESET: QuantPreset = { name: 'int8-qdq', options: { bits: 8, scales: 'model' } };

/** The configurations `compare` runs by default: eight int8 schemes and two int16 ones. */
export const QUANT_PRESETS: readonly QuantPreset[] = PRESET_OPTIONS.map((options) => ({
  name: quantEngineName(options),
  options,
}));
