/**
 * Cross-check of the importer's reading of ONNX semantics: models built here (the attribute combinations most easily
 * misread: Gemm's transposes and scales, Conv and pool padding rules, ceil mode, auto_pad, Pad before a pool, opset-11
 * Softmax, Clip in both styles, the GELU patterns, BatchNormalization, Sub/Div normalization, bias fusion) are run by
 * ONNX Runtime (float32) and by the f64 engine on the imported graph; they must agree to float32 accuracy.
 */
import { InferenceSession, Tensor } from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { type Attr, type ModelSpec, type NodeSpec, float, int, ints, model, n, str, tensor, values } from './build.js';
import { run } from './reference.js';

interface Case {
  readonly label: string;
  readonly spec: ModelSpec;
  readonly input: readonly number[];
}

function conv(label: string, dims: number[], w: number[], attrs: Record<string, Attr>): Case {
  const count = (d: number[]): number => d.reduce((p, q) => p * q, 1);
  return {
    label: `Conv ${label}`,
    spec: {
      input: ['x', [1, ...dims]],
      nodes: [n('Conv', ['x', 'W', 'B'], 'y', attrs)],
      inits: [tensor('W', w, values(count(w), 2)), tensor('B', [w[0]!], values(w[0]!, 3))],
    },
    input: values(count(dims), 1),
  };
}

function pool(label: string, op: string, attrs: Record<string, Attr>, opset = 13): Case {
  return { label: `${op} ${label}`, spec: { opset, input: ['x', [1, 2, 7, 8]], nodes: [n(op, ['x'], 'y', attrs)] }, input: values(112, 5) };
}

const xs = [-3, -1.25, -0.3, 0, 0.4, 1.5, 2.75, 6.5];
const unary = (label: string, nodes: NodeSpec[], inits: ModelSpec['inits'] = [], opset = 13): Case => ({
  label,
  spec: { opset, input: ['x', [1, 8]], nodes, inits },
  input: xs,
});

function geluNodes(order: 'A' | 'B' | 'C', swap: boolean): NodeSpec[] {
  const s = (a: string, b: string): string[] => (swap ? [b, a] : [a, b]);
  const head = [n('Div', ['x', 'r2'], 'a'), n('Erf', ['a'], 'e'), n('Add', s('e', 'one'), 'p')];
  if (order === 'A') return [...head, n('Mul', s('x', 'p'), 'q'), n('Mul', s('q', 'half'), 'y')];
  if (order === 'B') return [...head, n('Mul', s('p', 'half'), 'q'), n('Mul', s('x', 'q'), 'y')];
  return [n('Mul', s('x', 'half'), 'h'), ...head, n('Mul', s('h', 'p'), 'y')];
}
const geluInits = [tensor('r2', [], [Math.SQRT2]), tensor('one', [], [1]), tensor('half', [], [0.5])];

const CASES: Case[] = [
  ...[false, true].flatMap((transB) =>
    [[1, 1], [0.5, -2], [-1.5, 0]].map(([alpha, beta]) => ({
      label: `Gemm transB=${Number(transB)} alpha=${alpha} beta=${beta}`,
      spec: {
        input: ['x', [1, 6]] as const,
        nodes: [n('Gemm', ['x', 'B', 'C'], 'y', { transB: int(Number(transB)), alpha: float(alpha!), beta: float(beta!) })],
        inits: [tensor('B', transB ? [4, 6] : [6, 4], values(24, 7)), tensor('C', [1, 4], values(4, 8))],
      },
      input: values(6, 9),
    })),
  ),
  {
    label: 'MatMul [1, S, K] + Add bias, Sub, Div',
    spec: {
      input: ['x', [1, 3, 4]],
      nodes: [n('MatMul', ['x', 'W'], 'm'), n('Add', ['m', 'b'], 'a'), n('Sub', ['k', 'a'], 's'), n('Div', ['s', 'd'], 'y')],
      inits: [tensor('W', [4, 5], values(20, 10)), tensor('b', [5], values(5, 11)), tensor('k', [1, 1, 5], values(5, 12)), tensor('d', [], [3])],
    },
    input: values(12, 13),
  },
  conv('pads', [3, 6, 7], [4, 3, 3, 3], { pads: ints([1, 0, 2, 1]) }),
  conv('strides dilations', [3, 9, 8], [4, 3, 3, 2], { strides: ints([2, 3]), dilations: ints([2, 1]), pads: ints([1, 1, 1, 1]) }),
  conv('group', [4, 6, 6], [6, 2, 3, 3], { group: int(2), pads: ints([1, 1, 1, 1]) }),
  conv('depthwise', [3, 6, 6], [3, 1, 3, 3], { group: int(3), strides: ints([2, 2]) }),
  conv('SAME_UPPER', [2, 7, 6], [3, 2, 2, 3], { auto_pad: str('SAME_UPPER'), strides: ints([2, 2]) }),
  conv('SAME_LOWER', [2, 7, 6], [3, 2, 2, 3], { auto_pad: str('SAME_LOWER') }),
  conv('VALID', [2, 7, 6], [3, 2, 2, 3], { auto_pad: str('VALID'), strides: ints([2, 1]) }),
  pool('3×3/2 pads 1', 'MaxPool', { kernel_shape: ints([3, 3]), strides: ints([2, 2]), pads: ints([1, 1, 1, 1]) }),
  pool('ceil', 'MaxPool', { kernel_shape: ints([2, 3]), strides: ints([2, 3]), ceil_mode: int(1) }),
  pool('ceil with pads', 'MaxPool', { kernel_shape: ints([3, 3]), strides: ints([2, 2]), pads: ints([1, 1, 1, 1]), ceil_mode: int(1) }),
  pool('SAME_UPPER', 'MaxPool', { kernel_shape: ints([3, 2]), strides: ints([2, 3]), auto_pad: str('SAME_UPPER') }),
  pool('SAME_LOWER', 'MaxPool', { kernel_shape: ints([3, 2]), strides: ints([2, 3]), auto_pad: str('SAME_LOWER') }),
  pool('pads, exclude', 'AveragePool', { kernel_shape: ints([3, 3]), pads: ints([1, 2, 1, 0]), strides: ints([1, 2]) }),
  pool('pads, include', 'AveragePool', { kernel_shape: ints([3, 3]), pads: ints([1, 2, 1, 0]), count_include_pad: int(1) }),
  pool('ceil, exclude', 'AveragePool', { kernel_shape: ints([2, 3]), strides: ints([2, 3]), ceil_mode: int(1) }),
  pool('SAME_LOWER, exclude', 'AveragePool', { kernel_shape: ints([3, 3]), strides: ints([2, 2]), auto_pad: str('SAME_LOWER') }),
  pool('global', 'GlobalAveragePool', {}),
  {
    label: 'Pad then AveragePool (PyTorch AvgPool2d padding=1)',
    spec: {
      input: ['x', [1, 2, 7, 8]],
      nodes: [n('Pad', ['x', 'p'], 'q', { mode: str('constant') }), n('AveragePool', ['q'], 'y', { kernel_shape: ints([3, 3]), strides: ints([2, 2]) })],
      inits: [tensor('p', [8], [0, 0, 1, 1, 0, 0, 1, 1], 'int64')],
    },
    input: values(112, 6),
  },
  {
    label: 'Conv → BatchNormalization → Relu → BatchNormalization (unfoldable)',
    spec: {
      input: ['x', [1, 2, 4, 4]],
      nodes: [
        n('Conv', ['x', 'W'], 'c', { pads: ints([1, 1, 1, 1]) }),
        n('BatchNormalization', ['c', 'g', 'b', 'm', 'v'], 'bn', { epsilon: float(1e-3) }),
        n('Relu', ['bn'], 'r'),
        n('BatchNormalization', ['r', 'g', 'b', 'm', 'v'], 'y'),
      ],
      inits: [
        tensor('W', [3, 2, 3, 3], values(54, 20)),
        tensor('g', [3], [1.5, 0.5, -1]),
        tensor('b', [3], [0.1, -0.2, 0.3]),
        tensor('m', [3], [0.05, -0.1, 0.2]),
        tensor('v', [3], [0.5, 2, 1]),
      ],
    },
    input: values(32, 21),
  },
  {
    label: 'Softmax opset 11, axis 1 of [1, 2, 4] (flattened)',
    spec: { opset: 11, input: ['x', [1, 2, 4]], nodes: [n('Softmax', ['x'], 'y', { axis: int(1) })] },
    input: xs,
  },
  {
    label: 'Softmax opset 13 on [1, 2, 4]',
    spec: { opset: 13, input: ['x', [1, 2, 4]], nodes: [n('Softmax', ['x'], 'y')] },
    input: xs,
  },
  unary('Clip opset 10 attributes', [n('Clip', ['x'], 'y', { min: float(-1), max: float(2) })], [], 10),
  unary('Clip opset 13 inputs (max only)', [n('Clip', ['x', '', 'hi'], 'y')], [tensor('hi', [], [1.5])]),
  unary('LeakyRelu default, Sigmoid, Tanh', [n('LeakyRelu', ['x'], 'l'), n('Sigmoid', ['l'], 's'), n('Tanh', ['s'], 'y')]),
  ...(['A', 'B', 'C'] as const).flatMap((order) =>
    [false, true].map((swap) => unary(`GELU pattern ${order}${swap ? ' swapped' : ''}`, geluNodes(order, swap), geluInits)),
  ),
  unary('Gelu opset 20', [n('Gelu', ['x'], 'y')], [], 20),
  {
    label: 'Flatten, Reshape 0/-1, Concat, Transpose of a constant',
    spec: {
      input: ['x', [1, 2, 2, 2]],
      nodes: [
        n('Relu', ['x'], 'r'),
        n('Concat', ['x', 'r'], 'c', { axis: int(1) }),
        n('Reshape', ['c', 's'], 'rs'),
        n('Flatten', ['rs'], 'f'),
        n('Transpose', ['Wt'], 'W'),
        n('MatMul', ['f', 'W'], 'y'),
      ],
      inits: [tensor('s', [3], [0, 4, -1], 'int64'), tensor('Wt', [3, 16], values(48, 30))],
    },
    input: values(8, 31),
  },
];

describe('ONNX Runtime agrees with the imported graph', () => {
  for (const c of CASES) {
    it(c.label, async () => {
      const bytes = model(c.spec);
      const session = await InferenceSession.create(bytes);
      const dims = (c.spec.input![1] as number[]).map(Number);
      const feeds = { x: new Tensor('float32', Float32Array.from(c.input), dims) };
      const result = await session.run(feeds);
      const want = Array.from(result[session.outputNames[0]!]!.data as Float32Array);
      const got = run(bytes, c.input);
      expect(got.length).toBe(want.length);
      for (let i = 0; i < want.length; i++) {
        expect(Math.abs(got[i]! - want[i]!), `element ${i}: f64 ${got[i]}, ORT ${want[i]}`).toBeLessThanOrEqual(
          2e-6 * Math.max(1, Math.abs(want[i]!)),
        );
      }
    });
  }
});
