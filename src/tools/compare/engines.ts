/**
 * The engine configurations `fpuless compare` knows, in report order: the float64 reference, the nine soft-float
 * engines (binary32, binary16, bfloat16 storage × sequential, f32acc, exact accumulation) and every quantized preset.
 *
 * Each entry also says how the engine stores a layer's weights, for the weight SQNR: the soft engines round each
 * weight to their format (nearest even), which is computed here; a quantized engine is asked for its dequantized
 * weights (quant.ts).
 */
import { bf16FromNumber, bf16ToNumber, f16FromNumber, f16ToNumber } from '../../codec/number.js';
import { env, round_near_even } from '../../env/environment.js';
import { createF64Engine } from '../../inference/engines/f64/index.js';
import { type Accumulation, type FormatName, createSoftEngine } from '../../inference/engines/soft/index.js';
import type { Engine, Graph } from '../../inference/model/graph.js';
import { CompareError } from './errors.js';
import { QDQ_ENGINE, QUANT_ENGINES } from './quant.js';

export type { EngineFamily } from './report.js';
import type { EngineFamily } from './report.js';

/** One Gemm/MatMul/Conv layer's weights as the model holds them (after batch-norm folding). */
export interface LayerWeights {
  readonly name: string;
  readonly op: string;
  readonly shape: readonly number[];
  readonly weight: Float64Array;
}

export interface EngineSpec {
  readonly name: string;
  readonly family: EngineFamily;
  readonly description: string;
  create(graph: Graph, calibration: readonly Float64Array[]): Engine;
  /** The layer's weights as `engine` stores them, decoded to doubles; null when unknown. */
  storedWeights(engine: Engine, layer: LayerWeights): Float64Array | null;
  /** Why the engine cannot run `graph`, or null when it can (undefined member: it runs every graph). */
  unsupported?(graph: Graph): string | null;
}

/** The engine whose time per inference is the unit of the "time ×" column when it runs. */
export const TIMING_REFERENCE = 'int8-maxabs-pertensor';

const FORMATS: readonly FormatName[] = ['f32', 'f16', 'bf16'];
const ACCUMULATIONS: readonly Accumulation[] = ['sequential', 'f32acc', 'exact'];

const FORMAT_TEXT: Record<FormatName, string> = { f32: 'binary32', f16: 'binary16', bf16: 'bfloat16' };
const ACCUMULATION_TEXT: Record<Accumulation, string> = {
  sequential: 'every addition rounded',
  f32acc: 'sums in binary32',
  exact: 'exact sums, one rounding',
};

/** Round every value to `format` and back (nearest even), as the soft engines store their constants. */
export function roundToFormat(values: Float64Array, format: FormatName): Float64Array {
  if (format === 'f32') return values.map(Math.fround);
  const [to, from] = format === 'f16' ? [f16FromNumber, f16ToNumber] : [bf16FromNumber, bf16ToNumber];
  const mode = env.roundingMode;
  const flags = env.flags;
  try {
    env.roundingMode = round_near_even;
    return values.map((v) => from(to(v)));
  } finally {
    env.roundingMode = mode;
    env.flags = flags;
  }
}

function softSpec(format: FormatName, accumulation: Accumulation): EngineSpec {
  return {
    name: `soft-${format}-${accumulation}`,
    family: 'soft',
    description: `${FORMAT_TEXT[format]} soft float; ${ACCUMULATION_TEXT[accumulation]}`,
    create: (graph) => createSoftEngine(graph, { format, accumulation }),
    storedWeights: (_engine, layer) => roundToFormat(layer.weight, format),
  };
}

const F64_SPEC: EngineSpec = {
  name: 'f64',
  family: 'f64',
  description: 'native float64: the reference',
  create: (graph) => createF64Engine(graph),
  storedWeights: (_engine, layer) => layer.weight,
};

/** Every engine configuration, f64 first. */
export function allEngineSpecs(): EngineSpec[] {
  const soft = FORMATS.flatMap((f) => ACCUMULATIONS.map((a) => softSpec(f, a)));
  return [F64_SPEC, ...soft, ...QUANT_ENGINES(), QDQ_ENGINE()];
}

/**
 * The selected engines that can run `graph`. With no --engines list, the ones that cannot (int8-qdq on a model
 * without QDQ parameters) are left out quietly; an engine the user named that cannot run it is a CompareError.
 */
export function enginesForGraph(specs: readonly EngineSpec[], graph: Graph, list: string | undefined): EngineSpec[] {
  return specs.filter((spec) => {
    const why = spec.unsupported?.(graph) ?? null;
    if (why !== null && list !== undefined) throw new CompareError(`--engines: ${spec.name} cannot run this model: ${why}`);
    return why === null;
  });
}

/**
 * The engines named in `list` (comma-separated; undefined = all), in catalogue order, f64 always included (it is the
 * reference). An unknown name is a CompareError listing the valid ones.
 */
export function selectEngines(list: string | undefined): EngineSpec[] {
  const all = allEngineSpecs();
  if (list === undefined) return all;
  const names = list
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (names.length === 0) throw new CompareError(`--engines is empty; valid engines: ${all.map((e) => e.name).join(', ')}`);
  const unknown = names.filter((n) => !all.some((e) => e.name === n));
  if (unknown.length > 0) {
    const which = unknown.length === 1 ? `unknown engine "${unknown[0]}"` : `unknown engines ${unknown.map((n) => `"${n}"`).join(', ')}`;
    throw new CompareError(`--engines: ${which}; valid engines: ${all.map((e) => e.name).join(', ')}`);
  }
  return all.filter((e) => e.name === 'f64' || names.includes(e.name));
}
