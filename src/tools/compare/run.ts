/**
 * The measurement: build every engine, run every sample through it (timed), trace the first samples layer by layer,
 * and turn it all into a CompareReport. Pure computation: no files and no terminal (progress goes through a callback).
 */
import { foldBatchNorm } from '../../inference/model/foldBatchNorm.js';
import type { Engine, Graph, StoredRange } from '../../inference/model/graph.js';
import { planGraph } from '../../inference/model/plan.js';
import { type Dataset, sample } from './dataset.js';
import { type EngineSpec, type LayerWeights, TIMING_REFERENCE } from './engines.js';
import { CompareError } from './errors.js';
import {
  type CompareReport,
  type EngineReport,
  type LayerReport,
  REPORT_FORMAT,
  REPORT_VERSION,
} from './report.js';
import { SqnrAccumulator, argmax, logBinsFor, logHistogram, sqnrDb, weightStats } from './stats.js';

/** Samples traced layer by layer (the first ones of the data set). */
export const DEFAULT_TRACE_SAMPLES = 100;
/**
 * Timing: after every engine has run the whole data set (which warms it up), TIMING_ROUNDS rounds in which every
 * engine in turn runs TIMING_CHUNK samples under the clock; the engines' order rotates from round to round. An
 * engine's relative time is the median over the rounds of its time divided by the reference's in the same round, so a
 * machine busy with something else for a while slows every engine alike instead of whichever happened to be running;
 * its time per inference is that ratio times the reference's median time per inference.
 */
export const TIMING_ROUNDS = 10;
export const TIMING_CHUNK = 16;
/** |Δlogit| histogram resolution. */
export const DELTA_BINS_PER_DECADE = 2;
/** Samples run between two progress updates. */
const CHUNK = 16;

export interface Progress {
  /** Called once with the total work (samples run or traced over every engine). */
  start(total: number): void;
  /** `done` more units of work finished; `engine` is the engine at work. */
  advance(done: number, engine: string): void;
  stop(): void;
}

export const NO_PROGRESS: Progress = { start: () => {}, advance: () => {}, stop: () => {} };

export interface CompareInput {
  readonly graph: Graph;
  readonly modelPath: string;
  readonly dataset: Dataset;
  readonly engines: readonly EngineSpec[];
  readonly traceSamples?: number;
  readonly progress?: Progress;
  readonly fpulessVersion: string;
  /** Clock in seconds (injectable for tests); defaults to performance.now. */
  readonly clock?: () => number;
}

/** The Gemm, MatMul and Conv layers of the (batch-norm folded) graph, in execution order. */
export function weightLayers(graph: Graph): LayerWeights[] {
  const folded = foldBatchNorm(graph);
  const plan = planGraph(folded);
  const layers: LayerWeights[] = [];
  for (const step of plan.steps) {
    if (step.kind === 'Dense') {
      layers.push({ name: step.node.name, op: step.node.op, shape: [step.outFeatures, step.inFeatures], weight: step.weight });
    } else if (step.kind === 'Conv') {
      const shape = folded.initializers.get(step.weightName)?.shape ?? [step.weight.length];
      layers.push({ name: step.node.name, op: step.node.op, shape: [...shape], weight: step.weight });
    }
  }
  return layers;
}

function layerReport(layer: LayerWeights): LayerReport {
  return { name: layer.name, op: layer.op, weightShape: [...layer.shape], ...weightStats(layer.weight) };
}

interface Measured {
  readonly spec: EngineSpec;
  readonly engine: Engine;
  readonly buildSeconds: number;
  /** count × outputs values. */
  readonly outputs: Float64Array;
  readonly predictions: Int32Array;
  /** Per layer name, one array per traced sample (only kept for the reference). */
  readonly traces: Map<string, Float64Array[]> | null;
  readonly outputSqnr: Map<string, SqnrAccumulator>;
}

interface Clipping {
  /** Samples in which some stored value of f64's lies outside the engine's range. */
  samples: number;
  /** Per stored range (graph input or layer name): f64 values outside it, and values, summed over the samples. */
  readonly counts: Map<string, { outside: number; size: number }>;
}

/**
 * Adds one traced sample to `c`: f64's values (`input`, and `trace` for each node) against the engine's ranges.
 * Counting f64's values rather than the engine's own measures the calibration's coverage alone, apart from the
 * engine's rounding upstream.
 */
function addClipping(c: Clipping, ranges: ReadonlyMap<string, StoredRange>, input: Float64Array, inputName: string, trace: Map<string, Float64Array>): void {
  let any = false;
  for (const [key, { node, lo, hi }] of ranges) {
    const values = node === inputName ? input : trace.get(node);
    if (values === undefined) throw new Error(`the f64 trace has no output for node "${node}"`);
    let outside = 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (v < lo || v > hi) outside++;
    }
    const t = c.counts.get(key);
    if (t === undefined) c.counts.set(key, { outside, size: values.length });
    else {
      t.outside += outside;
      t.size += values.length;
    }
    if (outside > 0) any = true;
  }
  if (any) c.samples++;
}

/**
 * For every engine with Engine.storedRanges (null for the others): f64's values over every sample (f64 traced once a
 * sample) against its ranges.
 */
function measureClipping(measured: readonly Measured[], graph: Graph, dataset: Dataset, progress: Progress): (Clipping | null)[] {
  const ranges = measured.map((m) => m.engine.storedRanges?.() ?? null);
  const clipping = ranges.map((r): Clipping | null => (r === null ? null : { samples: 0, counts: new Map() }));
  if (clipping.every((c) => c === null)) return clipping;
  const reference = measured[0]!.engine;
  const inputName = graph.inputs[0]!.name;
  for (let start = 0; start < dataset.count; start += CHUNK) {
    const end = Math.min(dataset.count, start + CHUNK);
    for (let i = start; i < end; i++) {
      const x = sample(dataset, i);
      const trace = reference.trace(x);
      for (let k = 0; k < measured.length; k++) {
        if (clipping[k] !== null) addClipping(clipping[k]!, ranges[k]!, x, inputName, trace);
      }
    }
    progress.advance(end - start, 'clipping');
  }
  return clipping;
}

function fraction(c: Clipping, key: string): number | null {
  const t = c.counts.get(key);
  return t === undefined ? null : t.size === 0 ? 0 : t.outside / t.size;
}

function build(spec: EngineSpec, graph: Graph, calibration: readonly Float64Array[], clock: () => number): Built {
  const t0 = clock();
  let engine: Engine;
  try {
    engine = spec.create(graph, calibration);
  } catch (e) {
    if (e instanceof Error && e.name === 'ModelError') {
      throw new CompareError(`engine ${spec.name} cannot run this model: ${e.message}`);
    }
    throw e;
  }
  return { spec, engine, buildSeconds: clock() - t0 };
}

interface Built {
  readonly spec: EngineSpec;
  readonly engine: Engine;
  readonly buildSeconds: number;
}

function measure(
  built: Built,
  input: CompareInput,
  layerNames: readonly string[],
  traceCount: number,
  reference: Measured | null,
  outputSize: number,
): Measured {
  const { dataset } = input;
  const { spec, engine, buildSeconds } = built;
  const progress = input.progress ?? NO_PROGRESS;
  const n = dataset.count;
  const outputs = new Float64Array(n * outputSize);
  const predictions = new Int32Array(n);
  for (let start = 0; start < n; start += CHUNK) {
    const end = Math.min(n, start + CHUNK);
    for (let i = start; i < end; i++) {
      const y = engine.run(sample(dataset, i));
      if (y.length !== outputSize) {
        throw new Error(`engine ${spec.name} returned ${y.length} outputs, the model has ${outputSize}`);
      }
      outputs.set(y, i * outputSize);
    }
    progress.advance(end - start, spec.name);
  }
  for (let i = 0; i < n; i++) predictions[i] = argmax(outputs.subarray(i * outputSize, (i + 1) * outputSize));

  const traces = reference === null ? new Map<string, Float64Array[]>(layerNames.map((l) => [l, []])) : null;
  const outputSqnr = new Map<string, SqnrAccumulator>(layerNames.map((l) => [l, new SqnrAccumulator()]));
  for (let i = 0; i < traceCount; i++) {
    const t = engine.trace(sample(dataset, i));
    for (const layer of layerNames) {
      const y = t.get(layer);
      if (y === undefined) throw new Error(`engine ${spec.name}: trace has no output for layer "${layer}"`);
      if (traces !== null) traces.get(layer)!.push(y);
      else outputSqnr.get(layer)!.add(reference!.traces!.get(layer)![i]!, y);
    }
    progress.advance(1, spec.name);
  }
  return { spec, engine, buildSeconds, outputs, predictions, traces, outputSqnr };
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const v = [...values].sort((a, b) => a - b);
  const h = v.length >> 1;
  return v.length % 2 === 1 ? v[h]! : (v[h - 1]! + v[h]!) / 2;
}

interface Timing {
  /** Per engine (in `measured` order): seconds per inference, relative × the reference's median. */
  readonly seconds: number[];
  /** Per engine: median over rounds of its time over the reference's. */
  readonly relative: number[];
}

function time(measured: readonly Measured[], dataset: Dataset, reference: number, clock: () => number, progress: Progress): Timing {
  const e = measured.length;
  const perRound: number[][] = measured.map(() => []);
  const n = dataset.count;
  const chunk = Math.min(TIMING_CHUNK, n);
  for (let r = 0; r < TIMING_ROUNDS; r++) {
    const first = (r * chunk) % n;
    for (let j = 0; j < e; j++) {
      const k = (j + r) % e;
      const engine = measured[k]!.engine;
      const t0 = clock();
      for (let i = 0; i < chunk; i++) engine.run(sample(dataset, (first + i) % n));
      perRound[k]!.push((clock() - t0) / chunk);
      progress.advance(chunk, `timing ${measured[k]!.spec.name}`);
    }
  }
  const ref = perRound[reference]!;
  const relative = perRound.map((t) => median(t.map((v, r) => (ref[r]! > 0 ? v / ref[r]! : 1))));
  // Absolute times follow from the reference's median and the relative times, so the two columns agree.
  const refSeconds = median(ref);
  return { seconds: relative.map((x) => x * refSeconds), relative };
}

function absDeltas(a: Float64Array, ref: Float64Array): Float64Array {
  const d = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) {
    const v = Math.abs(a[i]! - ref[i]!);
    d[i] = Number.isNaN(v) ? Infinity : v;
  }
  return d;
}

/** Run the comparison described by `input` and return the report. */
export function runComparison(input: CompareInput): CompareReport {
  // Every engine, f64 included, runs the batch-norm-folded graph: a folded layer's output is the normalized value,
  // so the traces of all engines show the same quantity under the layer's name.
  const graph = foldBatchNorm(input.graph);
  const { dataset } = input;
  const clock = input.clock ?? (() => performance.now() / 1000);
  const progress = input.progress ?? NO_PROGRESS;
  const specs = [...input.engines];
  const refIndex = specs.findIndex((s) => s.name === 'f64');
  if (refIndex < 0) throw new Error('runComparison: the f64 engine must be among the engines');
  // The reference goes first: the others are compared with its outputs and traces.
  specs.unshift(...specs.splice(refIndex, 1));

  const layers = weightLayers(graph);
  const layerNames = layers.map((l) => l.name);
  const outputShape = [...graph.outputs[0]!.shape];
  const outputSize = outputShape.reduce((a, b) => a * b, 1);
  const n = dataset.count;
  const traceCount = Math.min(input.traceSamples ?? DEFAULT_TRACE_SAMPLES, n);
  const perEngine = n + traceCount + TIMING_ROUNDS * Math.min(TIMING_CHUNK, n);

  // Every engine is built before anything runs, so a model some engine cannot run fails at once.
  const builds = specs.map((spec) => build(spec, graph, dataset.calibration, clock));
  const anyRanges = builds.some((b) => b.engine.storedRanges !== undefined);
  progress.start(perEngine * specs.length + (anyRanges ? n : 0));
  const measured: Measured[] = [];
  let timing: Timing;
  let timingRefIndex: number;
  let clipping: (Clipping | null)[];
  try {
    for (const b of builds) measured.push(measure(b, input, layerNames, traceCount, measured[0] ?? null, outputSize));
    clipping = measureClipping(measured, graph, dataset, progress);
    timingRefIndex = Math.max(0, measured.findIndex((m) => m.spec.name === TIMING_REFERENCE));
    timing = n > 0 ? time(measured, dataset, timingRefIndex, clock, progress) : { seconds: measured.map(() => 0), relative: measured.map(() => 1) };
  } finally {
    progress.stop();
  }

  const ref = measured[0]!;
  const deltas = measured.map((m) => absDeltas(m.outputs, ref.outputs));
  const bins = logBinsFor(
    (function* () {
      for (const d of deltas) yield* d;
    })(),
    DELTA_BINS_PER_DECADE,
  );
  const timingRef = measured[timingRefIndex]!;

  const engines: EngineReport[] = measured.map((m, k) => {
    const d = deltas[k]!;
    let correct = 0;
    let agree = 0;
    for (let i = 0; i < n; i++) {
      if (dataset.labels !== null && m.predictions[i] === dataset.labels[i]) correct++;
      if (m.predictions[i] === ref.predictions[i]) agree++;
    }
    let max = 0;
    let sum = 0;
    let nonFinite = 0;
    for (let i = 0; i < d.length; i++) {
      const v = d[i]!;
      if (v > max) max = v;
      sum += v;
      if (!Number.isFinite(m.outputs[i]!)) nonFinite++;
    }
    const weightSqnrDb: Record<string, number> = {};
    for (const layer of layers) {
      const stored = m.spec.storedWeights(m.engine, layer);
      if (stored !== null) weightSqnrDb[layer.name] = sqnrDb(layer.weight, stored);
    }
    const c = clipping[k];
    const outputSqnrDb: Record<string, number> = {};
    if (k > 0) for (const [name, acc] of m.outputSqnr) outputSqnrDb[name] = acc.db();
    const spi = timing.seconds[k]!;
    return {
      name: m.spec.name,
      family: m.spec.family,
      description: m.spec.description,
      accuracy: dataset.labels === null || n === 0 ? null : correct / n,
      agreement: n === 0 ? 1 : agree / n,
      maxAbsDelta: max,
      meanAbsDelta: d.length === 0 ? 0 : sum / d.length,
      nonFiniteOutputs: nonFinite,
      clippedSamples: c === null ? null : c.samples,
      clippedInput: c === null ? null : fraction(c, graph.inputs[0]!.name),
      clippedFraction: c === null ? {} : Object.fromEntries(layers.flatMap((l) => {
        const f = fraction(c, l.name);
        return f === null ? [] : [[l.name, f]];
      })),
      weightBytes: m.engine.weightBytes,
      inferencesPerSecond: spi > 0 ? 1 / spi : Infinity,
      secondsPerInference: spi,
      relativeTime: timing.relative[k]!,
      buildSeconds: m.buildSeconds,
      deltaHistogram: logHistogram(d, bins),
      weightSqnrDb,
      outputSqnrDb,
    };
  });

  const inputInfo = graph.inputs[0]!;
  return {
    format: REPORT_FORMAT,
    version: REPORT_VERSION,
    generated: new Date().toISOString(),
    fpulessVersion: input.fpulessVersion,
    model: {
      path: input.modelPath,
      name: graph.name,
      inputShape: [...inputInfo.shape],
      outputShape,
      parameters: [...input.graph.initializers.values()].reduce((s, t) => s + t.data.length, 0),
    },
    data: {
      source: dataset.source,
      description: dataset.description,
      inputs: dataset.inputsPath,
      labels: dataset.labelsPath,
      samples: n,
      inputScale: dataset.inputScale,
      traceSamples: traceCount,
    },
    calibration: { samples: dataset.calibration.length, source: dataset.calibrationSource },
    reference: 'f64',
    timingReference: timingRef.spec.name,
    deltaBins: bins,
    engines,
    layers: layers.map(layerReport),
  };
}
