/** The quantized engines: int8 / int16 fixed point with calibrated activations (spec/quantization.md). */
export { QuantEngine, createQuantEngine } from './prepare/engine.js';
export {
  type ActivationScheme,
  type CalibrationMethod,
  type QuantBits,
  type QuantOptions,
  type QuantPreset,
  type ScaleSource,
  type WeightClipping,
  type WeightGranularity,
  QDQ_PRESET,
  QUANT_PRESETS,
  quantEngineName,
} from './prepare/options.js';
