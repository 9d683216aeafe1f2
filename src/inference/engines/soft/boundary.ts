/**
 * BOUNDARY FILE (exempt from the integer-only scan, see test/integer-only.test.ts): the only place where the soft
 * engines touch native numbers. It does exactly three things, all through src/codec/number.ts:
 *
 * - the model's constants (weights, biases, Add/Mul constants: doubles in the plan) and scalar attributes (Clip
 *   bounds, LeakyRelu alpha) become words of the storage format, rounded to nearest even, once at construction;
 * - a sample's input doubles become words, rounded to nearest even;
 * - output words (and, for a trace, every node's words) become doubles, exactly.
 *
 * Everything in between runs in SoftCore (core.ts) on integers. The engine leaves the caller's floating-point
 * environment as it found it: rounding mode and flags are saved and restored around construction, run and trace.
 */
import { bf16FromNumber, bf16ToNumber, f16FromNumber, f16ToNumber, f32FromNumber, f32ToNumber } from '../../../codec/number.js';
import { env, round_near_even } from '../../../env/environment.js';
import { ModelError } from '../../model/errors.js';
import type { Engine, Graph } from '../../model/graph.js';
import { type ConstantEncoder, type PlanConstant, SoftCore } from './core.js';
import type { Accumulation, FormatName, SoftFormat, Words } from './format.js';

export interface SoftEngineOptions {
  readonly format: FormatName;
  readonly accumulation: Accumulation;
}

const FORMATS: readonly FormatName[] = ['f32', 'f16', 'bf16'];
const ACCUMULATIONS: readonly Accumulation[] = ['sequential', 'f32acc', 'exact'];

function fromNumber(fmt: SoftFormat): (x: number) => number {
  return fmt.name === 'f32' ? f32FromNumber : fmt.name === 'f16' ? f16FromNumber : bf16FromNumber;
}

function toNumber(fmt: SoftFormat): (w: number) => number {
  return fmt.name === 'f32' ? f32ToNumber : fmt.name === 'f16' ? f16ToNumber : bf16ToNumber;
}

/** Run `f` in round-to-nearest-even, leaving the caller's rounding mode and flags untouched. */
function nearestEven<T>(f: () => T): T {
  const mode = env.roundingMode;
  const flags = env.flags;
  try {
    env.roundingMode = round_near_even;
    return f();
  } finally {
    env.roundingMode = mode;
    env.flags = flags;
  }
}

const encoder: ConstantEncoder = {
  tensor(values: PlanConstant, fmt: SoftFormat): Words {
    const words = fmt.newWords(values.length);
    const round = fromNumber(fmt);
    nearestEven(() => {
      for (let i = 0; i < values.length; i++) words[i] = round(values[i]!);
    });
    return words;
  },
  scalar(value: number, fmt: SoftFormat): number {
    const round = fromNumber(fmt);
    return nearestEven(() => round(value));
  },
};

/** Words to doubles, exactly. */
export function decodeWords(fmt: SoftFormat, words: Words): Float64Array {
  const out = new Float64Array(words.length);
  const widen = toNumber(fmt);
  for (let i = 0; i < words.length; i++) out[i] = widen(words[i]!);
  return out;
}

class SoftEngine implements Engine {
  readonly name: string;
  readonly weightBytes: number;
  readonly core: SoftCore;

  constructor(graph: Graph, options: SoftEngineOptions) {
    const { format, accumulation } = options;
    if (!FORMATS.includes(format)) throw new RangeError(`createSoftEngine: unknown format ${String(format)}`);
    if (!ACCUMULATIONS.includes(accumulation)) {
      throw new RangeError(`createSoftEngine: unknown accumulation ${String(accumulation)}`);
    }
    this.core = new SoftCore(graph, format, accumulation, encoder);
    this.name = `soft-${format}-${accumulation}`;
    this.weightBytes = this.core.weightElements * this.core.fmt.bytes;
  }

  private load(input: Float64Array): void {
    const core = this.core;
    if (input.length !== core.input.length) {
      const v = core.plan.values[core.plan.input]!;
      throw new ModelError(`input "${v.name}" needs ${v.size} values (shape [${v.shape.join(', ')}]), got ${input.length}`);
    }
    const round = fromNumber(core.fmt);
    const words = core.input;
    nearestEven(() => {
      for (let i = 0; i < input.length; i++) words[i] = round(input[i]!);
    });
  }

  run(input: Float64Array): Float64Array {
    this.load(input);
    this.core.run();
    return decodeWords(this.core.fmt, this.core.output);
  }

  trace(input: Float64Array): Map<string, Float64Array> {
    this.load(input);
    const out = new Map<string, Float64Array>();
    const fmt = this.core.fmt;
    this.core.run((node, words) => out.set(node, decodeWords(fmt, words)));
    return out;
  }
}

/**
 * A soft-float engine for `graph`: storage in `format` (binary32, binary16 or bfloat16 words), dot products and sums
 * under `accumulation` ('sequential', 'f32acc' or 'exact'; see dense.ts and ops.ts). Named
 * `soft-<format>-<accumulation>`; weightBytes counts 4 (binary32) or 2 bytes per stored weight, bias and constant.
 * The graph is validated, batch-norm folded and planned here (a ModelError if it is invalid).
 */
export function createSoftEngine(graph: Graph, options: SoftEngineOptions): Engine {
  return new SoftEngine(graph, options);
}
