/**
 * Small models and data sets for the `fpuless compare` tests, written to a temporary directory: a 16→8→4 MLP and a
 * tiny CNN (Conv 1→2 3×3 → Relu → MaxPool → Flatten → Gemm), with deterministic weights (a heavy-tailed first layer so
 * there are outliers to mark) and .npy inputs and labels; and the captured-output plumbing for compareMain.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { Graph, GraphNode, NodeAttributes, Tensor } from '../../../src/inference/model/graph.js';
import { saveModel } from '../../../src/inference/model/modelFile.js';
import type { CompareIo, CompareOptions } from '../../../src/tools/compare/command.js';
import { compareMain } from '../../../src/tools/compare/command.js';
import { type EvalOptions, evalMain } from '../../../src/tools/eval/command.js';
import { writeNpy } from '../../../src/tools/data/npy.js';

/** Deterministic values in [−1, 1) (xorshift32). */
export function noise(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 2 ** 31 - 1;
  };
}

function tensor(name: string, shape: number[], f: (i: number) => number): Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  return { name, shape, data: Float64Array.from({ length: n }, (_, i) => Math.fround(f(i))) };
}

function node(name: string, op: GraphNode['op'], inputs: string[], attrs: NodeAttributes = {}): GraphNode {
  return { name, op, inputs, outputs: [name], attrs };
}

export const MLP_INPUT = 16;
export const MLP_CLASSES = 4;

/** input [1, 16] → fc1 Gemm 16→8 → Relu → fc2 Gemm 8→4. fc1 has a few large weights (outliers beyond 4σ). */
export function tinyMlp(): Graph {
  const r = noise(7);
  const w1 = tensor('fc1.w', [8, MLP_INPUT], (i) => (i % 37 === 5 ? 2.5 * Math.sign(r() + 0.01) : 0.3 * r()));
  const b1 = tensor('fc1.b', [8], () => 0.05 * r());
  const w2 = tensor('fc2.w', [MLP_CLASSES, 8], () => 0.6 * r());
  const b2 = tensor('fc2.b', [MLP_CLASSES], () => 0.05 * r());
  return {
    name: 'tiny-mlp',
    inputs: [{ name: 'x', shape: [1, MLP_INPUT] }],
    outputs: [{ name: 'fc2', shape: [1, MLP_CLASSES] }],
    initializers: new Map([w1, b1, w2, b2].map((t) => [t.name, t])),
    nodes: [node('fc1', 'Gemm', ['x', 'fc1.w', 'fc1.b']), node('relu1', 'Relu', ['fc1']), node('fc2', 'Gemm', ['relu1', 'fc2.w', 'fc2.b'])],
  };
}

/**
 * tinyMlp with a BatchNormalization after fc1 that scales and shifts its outputs a lot (scale 4, shift 1, mean 0.2),
 * so a value traced before the normalization is far from the one after it.
 */
export function tinyMlpWithBatchNorm(): Graph {
  const g = tinyMlp();
  const bn = [
    tensor('bn.s', [8], () => 4),
    tensor('bn.b', [8], () => 1),
    tensor('bn.m', [8], () => 0.2),
    tensor('bn.v', [8], () => 1),
  ];
  const [fc1, relu1, fc2] = g.nodes;
  return {
    ...g,
    name: 'tiny-mlp-bn',
    initializers: new Map([...g.initializers, ...bn.map((t) => [t.name, t] as const)]),
    nodes: [fc1!, node('bn', 'BatchNormalization', ['fc1', 'bn.s', 'bn.b', 'bn.m', 'bn.v'], { epsilon: 0 }), { ...relu1!, inputs: ['bn'] }, fc2!],
  };
}

/** input [1, 1, 6, 6] → conv1 1→2 3×3 pad 1 → Relu → MaxPool 2 → Flatten → fc Gemm 18→3. */
export function tinyCnn(): Graph {
  const r = noise(11);
  const cw = tensor('conv1.w', [2, 1, 3, 3], () => 0.5 * r());
  const cb = tensor('conv1.b', [2], () => 0.1 * r());
  const fw = tensor('fc.w', [3, 18], () => 0.4 * r());
  const fb = tensor('fc.b', [3], () => 0.1 * r());
  const conv: NodeAttributes = { kernel: [3, 3], strides: [1, 1], pads: [1, 1, 1, 1], dilations: [1, 1], group: 1 };
  return {
    name: 'tiny-cnn',
    inputs: [{ name: 'x', shape: [1, 1, 6, 6] }],
    outputs: [{ name: 'fc', shape: [1, 3] }],
    initializers: new Map([cw, cb, fw, fb].map((t) => [t.name, t])),
    nodes: [
      node('conv1', 'Conv', ['x', 'conv1.w', 'conv1.b'], conv),
      node('relu1', 'Relu', ['conv1']),
      node('pool1', 'MaxPool', ['relu1'], { kernel: [2, 2], strides: [2, 2], pads: [0, 0, 0, 0] }),
      node('flat', 'Flatten', ['pool1'], { axis: 1 }),
      node('fc', 'Gemm', ['flat', 'fc.w', 'fc.b']),
    ],
  };
}

/** A temporary directory with the models and data; `cleanup` removes it. */
export interface Workspace {
  readonly dir: string;
  readonly mlp: string;
  readonly cnn: string;
  /** [N, 16] float32 inputs and [N] int64 labels for the MLP; [N, 1, 6, 6] uint8 images and int32 labels for the CNN. */
  readonly mlpX: string;
  readonly mlpY: string;
  readonly cnnX: string;
  readonly cnnY: string;
  readonly samples: number;
  cleanup(): void;
}

export function workspace(samples = 60): Workspace {
  const dir = mkdtempSync(join(tmpdir(), 'fpuless-compare-'));
  const mlp = join(dir, 'tiny-mlp.fplm');
  const cnn = join(dir, 'tiny-cnn.fplm');
  saveModel(mlp, tinyMlp());
  saveModel(cnn, tinyCnn());
  const r = noise(3);
  const mlpX = join(dir, 'mlp-x.npy');
  const mlpY = join(dir, 'mlp-y.npy');
  const cnnX = join(dir, 'cnn-x.npy');
  const cnnY = join(dir, 'cnn-y.npy');
  writeNpy(mlpX, { dtype: 'float32', shape: [samples, MLP_INPUT], data: Float32Array.from({ length: samples * MLP_INPUT }, () => r()) });
  writeNpy(mlpY, { dtype: 'int64', shape: [samples], data: BigInt64Array.from({ length: samples }, (_, i) => BigInt(i % MLP_CLASSES)) });
  writeNpy(cnnX, { dtype: 'uint8', shape: [samples, 1, 6, 6], data: Uint8Array.from({ length: samples * 36 }, () => Math.floor((r() + 1) * 127.9)) });
  writeNpy(cnnY, { dtype: 'int32', shape: [samples], data: Int32Array.from({ length: samples }, (_, i) => i % 3) });
  return { dir, mlp, cnn, mlpX, mlpY, cnnX, cnnY, samples, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

class Capture extends Writable {
  text = '';
  isTTY = false;
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

export interface Run {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** compareMain with captured stdout/stderr, run in `cwd`. */
export function compare(options: CompareOptions, cwd: string): Run {
  const stdout = new Capture();
  const stderr = new Capture();
  const io: CompareIo = { stdout, stderr, cwd };
  const status = compareMain(options, io);
  return { status, stdout: stdout.text, stderr: stderr.text };
}

/** evalMain with captured stdout/stderr, run in `cwd`. */
export function evaluate(options: EvalOptions, cwd: string): Run {
  const stdout = new Capture();
  const stderr = new Capture();
  const status = evalMain(options, { stdout, stderr, cwd });
  return { status, stdout: stdout.text, stderr: stderr.text };
}
