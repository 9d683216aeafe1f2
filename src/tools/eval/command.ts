/**
 * `fpuless eval`: run a model (ONNX or .fplm) on the user's samples through the chosen engines and report, per engine,
 * accuracy (with labels), top-1 agreement and output differences against `f64`, and inferences per second; optionally
 * each engine's outputs as .npy files. Every option and file is checked before any work (one error, status 2, nothing
 * written); output files appear all together or not at all.
 */
import { resolve } from 'node:path';
import type { Engine } from '../../inference/model/graph.js';
import { encodeNpy } from '../data/npy.js';
import { MnistError } from '../data/mnist.js';
import { EXIT_USAGE, type CompareIo, checkOutDir, positiveInteger, processIo, writeAtomically } from '../compare/command.js';
import { type Dataset, loadDataset, sample } from '../compare/dataset.js';
import { type EngineSpec, enginesForGraph, selectEngines } from '../compare/engines.js';
import { CompareError } from '../compare/errors.js';
import { loadModelOption } from '../compare/model.js';

export interface EvalOptions {
  model?: string;
  inputs?: string;
  labels?: string;
  engines?: string;
  calib?: string;
  limit?: string;
  outLogits?: string;
  json?: boolean;
}

export interface EngineResult {
  /** Share of samples whose top-1 class is the label (null without labels). */
  readonly accuracy: number | null;
  /** Share of samples whose top-1 class is f64's. */
  readonly agreement: number;
  readonly maxAbsDiff: number;
  readonly meanAbsDiff: number;
  readonly inferencesPerSec: number;
}

export interface EvalReport {
  readonly model: string;
  readonly inputs: string;
  readonly labels: string | null;
  readonly samples: number;
  readonly outputShape: readonly number[];
  readonly engines: Record<string, EngineResult>;
}

/**
 * Timing: after the pass that collects the outputs (which also warms the engine up), whole passes over the samples
 * under the clock until MIN_TIMED_SECONDS have gone by (at most MAX_TIMED_PASSES passes; one pass of a large set).
 */
const MIN_TIMED_SECONDS = 0.25;
const MAX_TIMED_PASSES = 50;

function argmax(out: Float64Array, offset: number, n: number): number {
  let best = 0;
  for (let k = 1; k < n; k++) if (out[offset + k]! > out[offset + best]!) best = k;
  return best;
}

function runAll(engine: Engine, data: Dataset, outSize: number): { outputs: Float64Array; seconds: number } {
  const n = data.count;
  const outputs = new Float64Array(n * outSize);
  for (let i = 0; i < n; i++) {
    const y = engine.run(sample(data, i));
    if (y.length !== outSize) throw new Error(`engine ${engine.name} returned ${y.length} values, expected ${outSize}`);
    outputs.set(y, i * outSize);
  }
  let passes = 0;
  const t0 = performance.now();
  let elapsed = 0;
  while (passes < MAX_TIMED_PASSES && elapsed < MIN_TIMED_SECONDS) {
    for (let i = 0; i < n; i++) engine.run(sample(data, i));
    passes++;
    elapsed = (performance.now() - t0) / 1000;
  }
  return { outputs, seconds: elapsed / passes };
}

function build(spec: EngineSpec, data: Dataset, graph: Parameters<EngineSpec['create']>[0]): Engine {
  try {
    return spec.create(graph, data.calibration);
  } catch (e) {
    if (e instanceof Error && e.name === 'ModelError') throw new CompareError(`engine ${spec.name} cannot run this model: ${e.message}`);
    throw e;
  }
}

function percent(x: number | null): string {
  return x === null ? '—' : `${(100 * x).toFixed(2)}%`;
}

function sci(x: number): string {
  return x === 0 ? '0' : x.toExponential(2);
}

export function evalText(r: EvalReport): string {
  const rows = Object.entries(r.engines).map(([name, e]) => [
    name,
    percent(e.accuracy),
    percent(e.agreement),
    sci(e.maxAbsDiff),
    sci(e.meanAbsDiff),
    e.inferencesPerSec >= 100 ? Math.round(e.inferencesPerSec).toString() : e.inferencesPerSec.toPrecision(3),
  ]);
  const head = ['engine', 'accuracy', 'agreement', 'max |Δ|', 'mean |Δ|', 'inferences/s'];
  const widths = head.map((h, k) => Math.max(h.length, ...rows.map((row) => row[k]!.length)));
  const line = (cells: readonly string[]) => cells.map((c, k) => (k === 0 ? c.padEnd(widths[k]!) : c.padStart(widths[k]!))).join('  ');
  return [
    `model ${r.model}: ${r.samples} samples from ${r.inputs}${r.labels === null ? ' (no labels: accuracy not measured)' : `, labels ${r.labels}`}`,
    'agreement and |Δ| are against f64',
    line(head),
    ...rows.map(line),
  ].join('\n');
}

/** Run `fpuless eval`; returns the exit status (0, or 2 after printing one error line). */
export function evalMain(options: EvalOptions, io: CompareIo = processIo()): number {
  try {
    if (options.inputs === undefined) throw new CompareError('--inputs is required (a .npy file of samples [N, ...])');
    const calib = positiveInteger(options.calib, '--calib');
    const limit = positiveInteger(options.limit, '--limit');
    const specs = selectEngines(options.engines);
    const outDir = options.outLogits === undefined ? null : resolve(io.cwd, options.outLogits);
    if (outDir !== null) checkOutDir(outDir, '--out-logits');
    const { graph, shown } = loadModelOption(options.model, io.cwd, true);
    const data = loadDataset(graph, { inputs: resolve(io.cwd, options.inputs), labels: options.labels === undefined ? undefined : resolve(io.cwd, options.labels), limit, calib });
    const outShape = graph.outputs[0]!.shape;
    const outSize = outShape.reduce((a, b) => a * b, 1);
    const n = data.count;
    const engines = enginesForGraph(specs, graph, options.engines).map((s) => build(s, data, graph));
    const runs = engines.map((e) => runAll(e, data, outSize));
    const ref = runs[0]!.outputs; // selectEngines puts f64 first
    const refTop = Int32Array.from({ length: n }, (_, i) => argmax(ref, i * outSize, outSize));
    const results: Record<string, EngineResult> = {};
    engines.forEach((engine, k) => {
      const { outputs, seconds } = runs[k]!;
      let correct = 0;
      let agree = 0;
      let maxAbs = 0;
      let sumAbs = 0;
      for (let i = 0; i < n; i++) {
        const top = argmax(outputs, i * outSize, outSize);
        if (data.labels !== null && top === data.labels[i]) correct++;
        if (top === refTop[i]) agree++;
      }
      for (let j = 0; j < outputs.length; j++) {
        const d = Math.abs(outputs[j]! - ref[j]!);
        if (d > maxAbs || Number.isNaN(d)) maxAbs = d;
        sumAbs += d;
      }
      results[engine.name] = {
        accuracy: data.labels === null ? null : correct / n,
        agreement: agree / n,
        maxAbsDiff: maxAbs,
        meanAbsDiff: outputs.length === 0 ? 0 : sumAbs / outputs.length,
        inferencesPerSec: seconds > 0 ? n / seconds : Infinity,
      };
    });
    const report: EvalReport = {
      model: shown,
      inputs: options.inputs,
      labels: options.labels ?? null,
      samples: n,
      outputShape: [...outShape],
      engines: results,
    };
    if (outDir !== null) {
      const shape = [n, ...outShape.slice(1)];
      writeAtomically(
        outDir,
        engines.map((e, k) => ({ name: `${e.name}.npy`, text: encodeNpy({ dtype: 'float64', shape, data: runs[k]!.outputs }) })),
      );
    }
    if (options.json === true) io.stdout.write(`${JSON.stringify(report, (_k, v: unknown) => (v === Infinity ? null : v), 2)}\n`);
    else io.stdout.write(`${evalText(report)}\n${outDir === null ? '' : `wrote ${engines.length} .npy files to ${outDir}\n`}`);
    return 0;
  } catch (e) {
    if (e instanceof CompareError || e instanceof MnistError) {
      io.stderr.write(`fpuless eval: ${e.message}\n`);
      return EXIT_USAGE;
    }
    throw e;
  }
}
