/**
 * The quantized engines as `fpuless compare` sees them: one EngineSpec per QUANT_PRESETS entry, in preset order.
 *
 * Weight SQNR: an engine that offers `dequantizedWeights()` (node name → the weights it stores, as reals) is asked;
 * otherwise the layer's weights are requantized here with the engine's own `quantizeWeights` under the preset's
 * options, which is the computation the engine performs when it is built (same function, same inputs).
 */
import { QDQ_PRESET, QUANT_PRESETS, type QuantOptions, createQuantEngine } from '../../inference/engines/quant/index.js';
import { resolveOptions } from '../../inference/engines/quant/prepare/options.js';
import { quantizeWeights } from '../../inference/engines/quant/prepare/scales.js';
import type { Engine } from '../../inference/model/graph.js';
import type { EngineSpec, LayerWeights } from './engines.js';

/** What an engine may offer to report the weights it stores (optional; see the file header). */
interface ExposesWeights {
  dequantizedWeights(): ReadonlyMap<string, Float64Array>;
}

function exposesWeights(engine: Engine): engine is Engine & ExposesWeights {
  return typeof (engine as Partial<ExposesWeights>).dequantizedWeights === 'function';
}

/** The layer's weights after quantization under `options`, as reals (code × scale of its channel). */
export function dequantizedWeights(layer: LayerWeights, options: QuantOptions): Float64Array {
  const o = resolveOptions(options);
  const channels = layer.shape[0]!;
  const perChannel = o.weightGranularity === 'per-channel';
  const q = quantizeWeights(layer.weight, channels, perChannel, o.bits, o.weightClipping === 'mse', o.powerOfTwo);
  const per = layer.weight.length / channels;
  const out = new Float64Array(layer.weight.length);
  for (let i = 0; i < out.length; i++) out[i] = q.codes[i]! * q.scales[perChannel ? Math.floor(i / per) : 0]!;
  return out;
}

const CALIBRATION_TEXT: Record<string, string> = { max: 'max', percentile: 'percentile', mse: 'MSE', kl: 'KL' };

/** e.g. "per-channel max-abs weights; symmetric activations, MSE range". */
function describe(options: QuantOptions): string {
  const o = resolveOptions(options);
  const weights = `${o.weightGranularity} ${o.weightClipping === 'mse' ? 'MSE-clipped' : 'max-abs'} weights`;
  const activations = `${o.activations === 'asymmetric' ? 'asymmetric' : 'symmetric'} activations, ${CALIBRATION_TEXT[o.calibration] ?? o.calibration} range`;
  return `${weights}; ${activations}${o.powerOfTwo ? '; power-of-two scales' : ''}`;
}

export function QUANT_ENGINES(): EngineSpec[] {
  return QUANT_PRESETS.map(
    (preset): EngineSpec => ({
      name: preset.name,
      family: 'quant',
      description: describe(preset.options),
      create: (graph, calibration) => createQuantEngine(graph, preset.options, calibration),
      storedWeights: (engine, layer) => {
        if (exposesWeights(engine)) return engine.dequantizedWeights().get(layer.name) ?? null;
        return dequantizedWeights(layer, preset.options);
      },
    }),
  );
}

/** The fixed-point engine with a QDQ model's own scales: listed only for graphs that carry them. */
export function QDQ_ENGINE(): EngineSpec {
  return {
    name: QDQ_PRESET.name,
    family: 'quant',
    description: "the model's own QDQ scales and zero points (int8 codes as stored)",
    create: (graph, calibration) => createQuantEngine(graph, QDQ_PRESET.options, calibration),
    // Exact for the weights the model quantized; a weight it left in float is requantized, so not known here.
    storedWeights: () => null,
    unsupported: (graph) =>
      graph.quantization === undefined ? 'the model has no QDQ (QuantizeLinear/DequantizeLinear) parameters' : null,
  };
}
