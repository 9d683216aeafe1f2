/**
 * The two bundled MNIST models, their training recipes and their export as fpuless graphs:
 *
 *   mnist-mlp  input [1, 784] → Gemm 784→128 → Relu → Gemm 128→64 → Relu → Gemm 64→10 → logits [1, 10]
 *   mnist-cnn  input [1, 1, 28, 28] → Conv 1→8 3×3 pad 1 → Relu → MaxPool 2 → Conv 8→16 3×3 pad 1 → Relu → MaxPool 2
 *              → Flatten → Gemm 784→10 → logits [1, 10]
 *
 * Weights start He-uniform (bound √(6/fan-in), from mulberry32) with zero biases, are trained in float64 by
 * sgd.ts on the 8,000-image training split, and are rounded to binary32 (Math.fround, nearest-even) on export, so the
 * graph holds exactly what a float32 model file stores.
 */

import type { Graph, GraphNode, NodeAttributes, Tensor } from '../../inference/model/graph.js';
import { MNIST_PIXELS, MNIST_SIDE, getMnistSplit, type MnistSet, type MnistSplit } from '../data/mnist.js';
import { Mulberry32 } from '../data/prng.js';
import { detSqrt } from './detmath.js';
import { Conv3x3, Dense, MaxPool2, Relu, type Param } from './layers.js';
import { Network, argmax } from './network.js';
import { accuracy, cpuSeconds, trainSgd, type EpochReport, type SgdConfig } from './sgd.js';

export type ModelKind = 'mlp' | 'cnn';
export const MODEL_KINDS: readonly ModelKind[] = ['mlp', 'cnn'];

export interface ModelRecipe {
  readonly kind: ModelKind;
  /** Graph name and file stem: models/<name>.fplm. */
  readonly name: string;
  readonly seed: number;
  readonly sgd: SgdConfig;
}

export const RECIPES: Readonly<Record<ModelKind, ModelRecipe>> = {
  mlp: {
    kind: 'mlp',
    name: 'mnist-mlp',
    seed: 1,
    sgd: { epochs: 20, batchSize: 32, learningRate: 0.05, finalFraction: 0.05, momentum: 0.9, weightDecay: 1e-4, maxShift: 1 },
  },
  cnn: {
    kind: 'cnn',
    name: 'mnist-cnn',
    seed: 2,
    sgd: { epochs: 10, batchSize: 32, learningRate: 0.05, finalFraction: 0.05, momentum: 0.9, weightDecay: 1e-4, maxShift: 1 },
  },
};

/** A trainable network and the graph layout it exports to. */
interface Model {
  readonly net: Network;
  readonly inputShape: readonly number[];
  /** Graph nodes; their initializer inputs are the names of `net.params`. */
  readonly nodes: readonly GraphNode[];
}

function node(name: string, op: GraphNode['op'], inputs: string[], attrs: NodeAttributes = {}): GraphNode {
  return { name, op, inputs, outputs: [name], attrs };
}

const CONV_ATTRS: NodeAttributes = { kernel: [3, 3], strides: [1, 1], pads: [1, 1, 1, 1], dilations: [1, 1], group: 1 };
const POOL_ATTRS: NodeAttributes = { kernel: [2, 2], strides: [2, 2], pads: [0, 0, 0, 0] };

function buildMlp(): Model {
  const net = new Network(
    [new Dense('fc1', 784, 128, false), new Relu(128), new Dense('fc2', 128, 64, true), new Relu(64), new Dense('fc3', 64, 10, true)],
    10,
  );
  return {
    net,
    inputShape: [1, MNIST_PIXELS],
    nodes: [
      node('fc1', 'Gemm', ['input', 'fc1.weight', 'fc1.bias']),
      node('relu1', 'Relu', ['fc1']),
      node('fc2', 'Gemm', ['relu1', 'fc2.weight', 'fc2.bias']),
      node('relu2', 'Relu', ['fc2']),
      node('fc3', 'Gemm', ['relu2', 'fc3.weight', 'fc3.bias']),
    ],
  };
}

function buildCnn(): Model {
  const net = new Network(
    [
      new Conv3x3('conv1', 1, 8, 28, 28, false),
      new Relu(8 * 28 * 28),
      new MaxPool2(8, 28, 28),
      new Conv3x3('conv2', 8, 16, 14, 14, true),
      new Relu(16 * 14 * 14),
      new MaxPool2(16, 14, 14),
      new Dense('fc', 16 * 7 * 7, 10, true),
    ],
    10,
  );
  return {
    net,
    inputShape: [1, 1, MNIST_SIDE, MNIST_SIDE],
    nodes: [
      node('conv1', 'Conv', ['input', 'conv1.weight', 'conv1.bias'], CONV_ATTRS),
      node('relu1', 'Relu', ['conv1']),
      node('pool1', 'MaxPool', ['relu1'], POOL_ATTRS),
      node('conv2', 'Conv', ['pool1', 'conv2.weight', 'conv2.bias'], CONV_ATTRS),
      node('relu2', 'Relu', ['conv2']),
      node('pool2', 'MaxPool', ['relu2'], POOL_ATTRS),
      node('flatten', 'Flatten', ['pool2'], { axis: 1 }),
      node('fc', 'Gemm', ['flatten', 'fc.weight', 'fc.bias']),
    ],
  };
}

function build(kind: ModelKind): Model {
  return kind === 'mlp' ? buildMlp() : buildCnn();
}

/** He-uniform weights (bound √(6/fan-in)) in parameter order, biases zero. */
function initialize(params: readonly Param[], rng: Mulberry32): void {
  for (const p of params) {
    if (!p.decay) {
      p.value.fill(0);
      continue;
    }
    const fanIn = p.shape.slice(1).reduce((a, b) => a * b, 1);
    const bound = detSqrt(6 / fanIn);
    for (let i = 0; i < p.value.length; i++) p.value[i] = (2 * rng.nextFloat() - 1) * bound;
  }
}

/** Round every parameter to binary32 in place (what the float32 model file stores). */
function roundToFloat32(params: readonly Param[]): void {
  for (const p of params) for (let i = 0; i < p.value.length; i++) p.value[i] = Math.fround(p.value[i]!);
}

function toGraph(name: string, model: Model): Graph {
  const initializers = new Map<string, Tensor>();
  for (const p of model.net.params) initializers.set(p.name, { name: p.name, shape: [...p.shape], data: Float64Array.from(p.value) });
  const last = model.nodes[model.nodes.length - 1]!;
  return {
    name,
    inputs: [{ name: 'input', shape: [...model.inputShape] }],
    outputs: [{ name: last.outputs[0]!, shape: [1, model.net.classes] }],
    initializers,
    nodes: model.nodes,
  };
}

export interface TrainOptions {
  /** The split to use (default: getMnistSplit()). */
  readonly split?: MnistSplit;
  /** Train on the first `trainCount` training images only (default: all 8,000). */
  readonly trainCount?: number;
  /** Evaluate on the first `testCount` test images only (default: all 2,000). */
  readonly testCount?: number;
  /** Override the recipe's epoch count. */
  readonly epochs?: number;
  /** Override other parts of the recipe's SGD configuration (experiments; the bundled models use the recipes). */
  readonly sgd?: Partial<SgdConfig>;
  /** Evaluate on the test set after every epoch (costs time; never changes the weights). */
  readonly evaluateEachEpoch?: boolean;
  readonly onEpoch?: (report: EpochReport) => void;
}

export interface TrainResult {
  readonly recipe: ModelRecipe;
  /** The trained model with binary32-rounded weights. */
  readonly graph: Graph;
  readonly epochs: readonly EpochReport[];
  /** Test accuracy of the float64 weights before rounding. */
  readonly testAccuracyF64: number;
  /** Test accuracy of the exported (binary32-rounded) weights, as computed by the trainer's own layers. */
  readonly testAccuracy: number;
  /** The trainer's logits for the test images with the exported weights (testCount rows of 10). */
  readonly testLogits: Float64Array;
  readonly trainCount: number;
  readonly testCount: number;
  readonly cpuSeconds: number;
}

function head(set: MnistSet, count: number | undefined): MnistSet {
  if (count === undefined || count >= set.count) return set;
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`bad sample count ${count}`);
  return {
    count,
    images: set.images.subarray(0, count * MNIST_PIXELS),
    labels: set.labels.subarray(0, count),
    sources: set.sources.subarray(0, count),
  };
}

/** Train one model from its recipe. Same options, same bits: nothing depends on time, machine or Math.random. */
export function trainModel(kind: ModelKind, options: TrainOptions = {}): TrainResult {
  const base = RECIPES[kind];
  if (base === undefined) throw new RangeError(`unknown model kind ${JSON.stringify(kind)}`);
  const recipe: ModelRecipe = {
    ...base,
    sgd: { ...base.sgd, ...options.sgd, ...(options.epochs === undefined ? {} : { epochs: options.epochs }) },
  };
  const split = options.split ?? getMnistSplit();
  const train = head(split.train, options.trainCount);
  const test = head(split.test, options.testCount);
  const start = cpuSeconds();
  const model = build(kind);
  initialize(model.net.params, new Mulberry32(recipe.seed));
  const epochs = trainSgd(model.net, train, recipe.sgd, new Mulberry32(recipe.seed + 0x10000), {
    ...(options.evaluateEachEpoch === true ? { test } : {}),
    ...(options.onEpoch === undefined ? {} : { onEpoch: options.onEpoch }),
  });
  const testAccuracyF64 = accuracy(model.net, test);
  roundToFloat32(model.net.params);
  const testLogits = new Float64Array(test.count * model.net.classes);
  let correct = 0;
  for (let i = 0; i < test.count; i++) {
    const z = model.net.forward(test.images.subarray(i * MNIST_PIXELS, (i + 1) * MNIST_PIXELS));
    testLogits.set(z, i * model.net.classes);
    if (argmax(z) === test.labels[i]) correct++;
  }
  const testAccuracy = test.count === 0 ? 0 : correct / test.count;
  return {
    recipe,
    graph: toGraph(recipe.name, model),
    epochs,
    testAccuracyF64,
    testAccuracy,
    testLogits,
    trainCount: train.count,
    testCount: test.count,
    cpuSeconds: cpuSeconds() - start,
  };
}
