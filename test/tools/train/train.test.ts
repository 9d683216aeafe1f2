import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createF64Engine } from '../../../src/inference/engines/f64/index.js';
import type { Graph } from '../../../src/inference/model/graph.js';
import { readModel, writeModel } from '../../../src/inference/model/modelFile.js';
import { validateGraph } from '../../../src/inference/model/validate.js';
import { MNIST_PIXELS, getMnistSplit } from '../../../src/tools/data/mnist.js';
import { RECIPES, trainModel, type ModelKind, type TrainResult } from '../../../src/tools/train/models.js';
import { argmax } from '../../../src/tools/train/network.js';

const MODELS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'models');
const split = getMnistSplit();

/** Hash of the trained weights alone (names, shapes and values), independent of the model file format. */
function weightsHash(graph: Graph): string {
  const h = createHash('sha256');
  for (const [name, t] of graph.initializers) {
    h.update(`${name}${JSON.stringify(t.shape)}`);
    h.update(new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength));
  }
  return h.digest('hex');
}

/** A short run: few images, few epochs, the recipe otherwise unchanged (augmentation and momentum included). */
const TINY: Record<ModelKind, { trainCount: number; testCount: number; epochs: number }> = {
  mlp: { trainCount: 1000, testCount: 200, epochs: 3 },
  cnn: { trainCount: 300, testCount: 50, epochs: 2 },
};

function tiny(kind: ModelKind): TrainResult {
  return trainModel(kind, { split, ...TINY[kind] });
}

describe.each(['mlp', 'cnn'] as const)('trainer: %s', (kind) => {
  const first = tiny(kind);
  const bytes = writeModel(first.graph, 'float32');

  it('a tiny run repeats bit for bit', () => {
    const second = tiny(kind);
    expect(Buffer.from(writeModel(second.graph, 'float32')).equals(Buffer.from(bytes))).toBe(true);
    expect(Buffer.from(writeModel(second.graph, 'float64')).equals(Buffer.from(writeModel(first.graph, 'float64')))).toBe(true);
    expect(second.epochs.map((e) => e.trainLoss)).toEqual(first.epochs.map((e) => e.trainLoss));
  });

  it('a tiny run gives the same bits on every machine', () => {
    // Pinned: training uses only IEEE basic operations in a fixed order, mulberry32 and detExp/detSqrt, so any other
    // hash means the recipe, the data or the arithmetic changed.
    const expected: Record<ModelKind, string> = {
      mlp: '538d59bcfff2b5ba65d6869f26da64388314dfbaabc3660efea92ca3c80ee946',
      cnn: '0eec462b40d3f53b9dbe150ae0be460887ce62667a8a776dba8f8db03c94c287',
    };
    expect(weightsHash(first.graph)).toBe(expected[kind]);
  });

  it('exports a valid graph with binary32 weights that the f64 engine runs like the trainer', () => {
    const graph = first.graph;
    expect(graph.name).toBe(RECIPES[kind].name);
    const shapes = validateGraph(graph);
    expect(shapes.get(graph.outputs[0]!.name)).toEqual([1, 10]);
    for (const t of graph.initializers.values()) for (const v of t.data) expect(Math.fround(v)).toBe(v);
    const read = readModel(bytes);
    for (const [name, t] of graph.initializers) expect(read.initializers.get(name)!.data).toEqual(t.data);
    const engine = createF64Engine(read);
    let worst = 0;
    for (let i = 0; i < first.testCount; i++) {
      const y = engine.run(split.test.images.subarray(i * MNIST_PIXELS, (i + 1) * MNIST_PIXELS));
      const z = first.testLogits.subarray(i * 10, (i + 1) * 10);
      for (let c = 0; c < 10; c++) worst = Math.max(worst, Math.abs(y[c]! - z[c]!) / Math.max(1, Math.abs(z[c]!)));
    }
    // Only the summation order differs between the trainer's layers and the engine.
    expect(worst).toBeLessThan(1e-12);
  });

  it('learns something even from a tiny run', () => {
    // Chance is 10%.
    expect(first.testAccuracy).toBeGreaterThan(0.3);
    expect(first.epochs.length).toBe(TINY[kind].epochs);
    expect(first.epochs[1]!.trainLoss).toBeLessThan(first.epochs[0]!.trainLoss);
  });
});

describe.each([
  ['mlp', 'mnist-mlp.fplm', 0.95],
  ['cnn', 'mnist-cnn.fplm', 0.96],
] as const)('bundled model %s', (_kind, file, target) => {
  it(`models/${file} loads and reaches ${100 * target}% on the test split with the f64 engine`, () => {
    const graph = readModel(readFileSync(join(MODELS, file)));
    const engine = createF64Engine(graph);
    let correct = 0;
    for (let i = 0; i < split.test.count; i++) {
      if (argmax(engine.run(split.test.images.subarray(i * MNIST_PIXELS, (i + 1) * MNIST_PIXELS))) === split.test.labels[i]) correct++;
    }
    expect(correct / split.test.count).toBeGreaterThan(target);
  });
});
