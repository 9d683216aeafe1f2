/**
 * Every supported ONNX operator and attribute combination, built in the test with onnx-proto's encoder, imported,
 * run on the f64 engine and compared with hand-computed values or with ONNX's definitions written out as loops.
 */
import { describe, expect, it } from 'vitest';
import { foldBatchNorm } from '../../../src/inference/model/foldBatchNorm.js';
import { importOnnx } from '../../../src/inference/onnx/index.js';
import {
  type Attr,
  type NodeSpec,
  float,
  floats,
  int,
  ints,
  model,
  n,
  str,
  tensor,
  tensorAttr,
  values,
} from './build.js';
import { convRef, expectClose, gemmRef, geluRef, poolRef, range, run, runGraph } from './reference.js';

describe('Gemm', () => {
  const x = [1, 2, 3];
  const B = [1, 0, -1, 2, 1, 0]; // [2, 3] as used with transB=1: rows are output features

  it('transB=1 with a bias [N]: y = x·B^T + C, the weight taken unchanged', () => {
    const bytes = model({
      input: ['x', [1, 3]],
      nodes: [n('Gemm', ['x', 'B', 'C'], 'y', { transB: int(1) })],
      inits: [tensor('B', [2, 3], B), tensor('C', [2], [0.5, -1])],
    });
    const g = importOnnx(bytes);
    expect(g.nodes.map((v) => [v.op, ...v.inputs])).toEqual([['Gemm', 'x', 'B', 'C']]);
    expect(run(bytes, x)).toEqual([-1.5, 3]);
  });

  it('transB=0 transposes B into the graph layout', () => {
    const bytes = model({
      input: ['x', [1, 3]],
      nodes: [n('Gemm', ['x', 'B'], 'y')],
      inits: [tensor('B', [3, 2], [1, 2, 0, 1, -1, 0])],
    });
    expect(run(bytes, x)).toEqual([-2, 4]);
    expect(importOnnx(bytes).initializers.get('y.weight')?.shape).toEqual([2, 3]);
  });

  it('alpha, beta and every broadcastable C', () => {
    for (const [dims, c] of [[[2], [0.5, -1]], [[1, 2], [0.5, -1]], [[1], [0.25]], [[], [0.25]], [[1, 1], [3]]] as const) {
      const bytes = model({
        input: ['x', [1, 3]],
        nodes: [n('Gemm', ['x', 'B', 'C'], 'y', { transB: int(1), alpha: float(2), beta: float(0.5) })],
        inits: [tensor('B', [2, 3], B), tensor('C', dims, c)],
      });
      expect(run(bytes, x), JSON.stringify(dims)).toEqual(gemmRef(x, B, [2, 3], true, 2, 0.5, c));
    }
  });

  it('beta=0 ignores C; no C at all', () => {
    const withC = model({
      input: ['x', [1, 3]],
      nodes: [n('Gemm', ['x', 'B', 'C'], 'y', { transB: int(1), beta: float(0) })],
      inits: [tensor('B', [2, 3], B), tensor('C', [2], [5, 5])],
    });
    expect(run(withC, x)).toEqual([-2, 4]);
    expect(importOnnx(withC).nodes[0]!.inputs).toHaveLength(2);
  });

  it('all combinations of transB, alpha, beta against the definition (random weights)', () => {
    const a = values(5, 1);
    for (const transB of [false, true]) {
      for (const alpha of [1, 0.25, -3]) {
        for (const beta of [1, -2, 0]) {
          const b = values(15, 2);
          const c = values(3, 3);
          const attrs: Record<string, Attr> = { alpha: float(alpha), beta: float(beta) };
          if (transB) attrs.transB = int(1);
          const bytes = model({
            input: ['x', [1, 5]],
            nodes: [n('Gemm', ['x', 'B', 'C'], 'y', attrs)],
            inits: [tensor('B', transB ? [3, 5] : [5, 3], b), tensor('C', [3], c)],
          });
          expectClose(run(bytes, a), gemmRef(a, b, transB ? [3, 5] : [5, 3], transB, alpha, beta, c), 1e-14);
        }
      }
    }
  });

  it('transA=1 is accepted for a [1, 1] A', () => {
    const bytes = model({
      input: ['x', [1, 1]],
      nodes: [n('Gemm', ['x', 'B'], 'y', { transA: int(1), transB: int(1) })],
      inits: [tensor('B', [2, 1], [3, -2])],
    });
    expect(run(bytes, [2])).toEqual([6, -4]);
  });
});

describe('MatMul', () => {
  it('a [1, K] input times a constant [K, N]', () => {
    const bytes = model({ input: ['x', [1, 3]], nodes: [n('MatMul', ['x', 'W'], 'y')], inits: [tensor('W', [3, 2], [1, 2, 3, 4, 5, 6])] });
    expect(run(bytes, [1, 0, -1])).toEqual([-4, -4]);
  });

  it('MatMul + Add(bias) on a [1, S, K] input: the bias is folded into the MatMul', () => {
    const bytes = model({
      input: ['x', [1, 2, 3]],
      nodes: [n('MatMul', ['x', 'W'], 'm'), n('Add', ['m', 'b'], 'y')],
      inits: [tensor('W', [3, 2], [1, 2, 3, 4, 5, 6]), tensor('b', [2], [0.5, -0.5])],
    });
    const g = importOnnx(bytes);
    expect(g.nodes.map((v) => [v.name, v.op, ...v.inputs, ...v.outputs])).toEqual([['m', 'MatMul', 'x', 'W', 'b', 'y']]);
    expect(run(bytes, [1, 0, -1, 2, 1, 0])).toEqual([-3.5, -4.5, 5.5, 7.5]);
  });

  it('Add(bias, MatMul) with a [1, N] bias in the other order, and Sub of a bias, fold too', () => {
    for (const [op, inputs, bias] of [['Add', ['b', 'm'], [0.5, -0.5]], ['Sub', ['m', 'b'], [-0.5, 0.5]]] as const) {
      const bytes = model({
        input: ['x', [1, 3]],
        nodes: [n('MatMul', ['x', 'W'], 'm'), n(op, [...inputs], 'y')],
        inits: [tensor('W', [3, 2], [1, 2, 3, 4, 5, 6]), tensor('b', [1, 2], [...bias])],
      });
      expect(importOnnx(bytes).nodes).toHaveLength(1);
      expect(run(bytes, [1, 0, -1])).toEqual([-3.5, -4.5]);
    }
  });
});

describe('Add, Sub, Mul, Div', () => {
  const x = range(12, (i) => i - 5); // [1, 3, 2, 2]
  const shape = ['x', [1, 3, 2, 2]] as const;

  function binary(op: string, inputs: string[], k: number[], dims: number[]): Uint8Array {
    return model({ input: [shape[0], [...shape[1]]], nodes: [n(op, inputs, 'y')], inits: [tensor('k', dims, k)] });
  }

  it('a scalar, per-channel ([C,1,1], [1,C,1,1]), full, last-axis and other broadcast constants, either side', () => {
    const cases: [number[], number[], (i: number) => number][] = [
      [[], [2], () => 2],
      [[1], [2], () => 2],
      [[3, 1, 1], [1, 2, 3], (i) => Math.floor(i / 4) + 1],
      [[1, 3, 1, 1], [1, 2, 3], (i) => Math.floor(i / 4) + 1],
      [[1, 3, 2, 2], range(12, (i) => i / 4), (i) => i / 4],
      [[2], [10, 20], (i) => (i % 2 === 0 ? 10 : 20)],
      [[2, 1], [10, 20], (i) => (Math.floor(i / 2) % 2 === 0 ? 10 : 20)],
    ];
    for (const [dims, k, at] of cases) {
      for (const inputs of [['x', 'k'], ['k', 'x']]) {
        expect(run(binary('Add', inputs, k, dims), x), `Add ${JSON.stringify(dims)}`).toEqual(x.map((v, i) => v + at(i)));
        expect(run(binary('Mul', inputs, k, dims), x), `Mul ${JSON.stringify(dims)}`).toEqual(x.map((v, i) => v * at(i)));
      }
    }
  });

  it('Sub: x − c becomes Add(−c), c − x becomes (−1·x) + c, x1 − x2 likewise, all exact', () => {
    const k = [1.5, -2, 4];
    const xc = run(binary('Sub', ['x', 'k'], k, [3, 1, 1]), x);
    expect(xc).toEqual(x.map((v, i) => v - k[Math.floor(i / 4)]!));
    const cx = binary('Sub', ['k', 'x'], k, [3, 1, 1]);
    expect(run(cx, x)).toEqual(x.map((v, i) => k[Math.floor(i / 4)]! - v));
    expect(importOnnx(cx).nodes.map((v) => v.op)).toEqual(['Mul', 'Add']);
    const two = model({
      input: ['x', [1, 4]],
      nodes: [n('Relu', ['x'], 'r'), n('Sigmoid', ['x'], 's'), n('Sub', ['r', 's'], 'y')],
    });
    const xs = [-1, 0, 0.5, 3];
    expect(run(two, xs)).toEqual(xs.map((v) => Math.max(v, 0) - 1 / (1 + Math.exp(-v))));
  });

  it('Div by a constant becomes Mul by its reciprocal', () => {
    const k = [2, 4, 0.5];
    expect(run(binary('Div', ['x', 'k'], k, [3, 1, 1]), x)).toEqual(x.map((v, i) => v / k[Math.floor(i / 4)]!));
    const third = run(binary('Div', ['x', 'k'], [3], []), x);
    expectClose(third, x.map((v) => v / 3), 1e-15);
  });

  it('two computed tensors', () => {
    const bytes = model({
      input: ['x', [1, 4]],
      nodes: [n('Relu', ['x'], 'r'), n('Tanh', ['x'], 't'), n('Add', ['r', 't'], 'a'), n('Mul', ['a', 'x'], 'y')],
    });
    const xs = [-1, 0, 0.5, 3];
    expectClose(run(bytes, xs), xs.map((v) => (Math.max(v, 0) + Math.tanh(v)) * v), 1e-15);
  });

  it('operations on two constants are folded', () => {
    const bytes = model({
      input: ['x', [1, 2]],
      nodes: [n('Sub', ['a', 'b'], 'd'), n('Div', ['d', 'c'], 'q'), n('Mul', ['x', 'q'], 'y')],
      inits: [tensor('a', [2], [5, 7]), tensor('b', [], [1]), tensor('c', [1], [2])],
    });
    expect(run(bytes, [1, 10])).toEqual([2, 30]);
    expect(importOnnx(bytes).nodes).toHaveLength(1);
  });
});

describe('Conv', () => {
  it('a hand-computed 3×3 input with a 2×2 kernel, bias', () => {
    const bytes = model({
      input: ['x', [1, 1, 3, 3]],
      nodes: [n('Conv', ['x', 'W', 'B'], 'y', { kernel_shape: ints([2, 2]) })],
      inits: [tensor('W', [1, 1, 2, 2], [1, 1, 1, 1]), tensor('B', [1], [0.5])],
    });
    expect(run(bytes, [1, 2, 3, 4, 5, 6, 7, 8, 9])).toEqual([12.5, 16.5, 24.5, 28.5]);
  });

  const cases: [string, number[], number[], Record<string, Attr>, { strides?: number[]; pads?: number[]; dilations?: number[]; group?: number }][] = [
    ['plain 3×3', [2, 5, 6], [3, 2, 3, 3], {}, {}],
    ['asymmetric pads', [2, 5, 6], [3, 2, 3, 3], { pads: ints([1, 2, 0, 1]) }, { pads: [1, 2, 0, 1] }],
    ['strides', [2, 7, 6], [3, 2, 3, 2], { strides: ints([2, 1]), pads: ints([1, 1, 1, 1]) }, { strides: [2, 1], pads: [1, 1, 1, 1] }],
    ['dilations', [1, 7, 7], [2, 1, 3, 3], { dilations: ints([2, 2]) }, { dilations: [2, 2] }],
    ['group 2', [4, 5, 5], [6, 2, 3, 3], { group: int(2), pads: ints([1, 1, 1, 1]) }, { group: 2, pads: [1, 1, 1, 1] }],
    ['depthwise', [3, 4, 4], [3, 1, 3, 3], { group: int(3), pads: ints([1, 1, 1, 1]) }, { group: 3, pads: [1, 1, 1, 1] }],
    ['everything', [4, 9, 8], [4, 2, 3, 2], { group: int(2), strides: ints([2, 3]), dilations: ints([2, 1]), pads: ints([2, 0, 1, 2]) },
      { group: 2, strides: [2, 3], dilations: [2, 1], pads: [2, 0, 1, 2] }],
  ];
  for (const [label, [c, h, w], wDims, attrs, spec] of cases) {
    for (const withBias of [true, false]) {
      it(`${label}${withBias ? ' with bias' : ''} against the definition`, () => {
        const x = values(c * h * w, 11);
        const wt = values(wDims.reduce((p, q) => p * q), 12);
        const b = values(wDims[0]!, 13);
        const bytes = model({
          input: ['x', [1, c, h, w]],
          nodes: [n('Conv', withBias ? ['x', 'W', 'B'] : ['x', 'W'], 'y', attrs)],
          inits: [tensor('W', wDims, wt), ...(withBias ? [tensor('B', [wDims[0]!], b)] : [])],
        });
        const ref = convRef(x, [c, h, w], wt, wDims, withBias ? b : null, spec);
        expect(importOnnx(bytes).outputs[0]!.shape).toEqual(ref.shape);
        expectClose(run(bytes, x), ref.y, 1e-14);
      });
    }
  }

  it('auto_pad SAME_UPPER, SAME_LOWER and VALID', () => {
    const x = values(2 * 5 * 6, 21);
    const wt = values(3 * 2 * 2 * 3, 22);
    for (const [mode, pads] of [['SAME_UPPER', [0, 1, 1, 1]], ['SAME_LOWER', [1, 1, 0, 1]], ['VALID', [0, 0, 0, 0]]] as const) {
      const bytes = model({
        input: ['x', [1, 2, 5, 6]],
        nodes: [n('Conv', ['x', 'W'], 'y', { auto_pad: str(mode) })],
        inits: [tensor('W', [3, 2, 2, 3], wt)],
      });
      const ref = convRef(x, [2, 5, 6], wt, [3, 2, 2, 3], null, { pads: [...pads] });
      expect(importOnnx(bytes).outputs[0]!.shape, mode).toEqual(ref.shape);
      expectClose(run(bytes, x), ref.y, 1e-14);
    }
    // With a stride SAME gives ceil(in / stride) outputs.
    const strided = model({
      input: ['x', [1, 2, 5, 6]],
      nodes: [n('Conv', ['x', 'W'], 'y', { auto_pad: str('SAME_UPPER'), strides: ints([2, 2]) })],
      inits: [tensor('W', [3, 2, 2, 3], wt)],
    });
    expect(importOnnx(strided).outputs[0]!.shape).toEqual([1, 3, 3, 3]);
  });
});

describe('pools', () => {
  const x = values(2 * 5 * 7, 31);
  const dims = [2, 5, 7];
  const cases: [string, Record<string, Attr>, { kernel: number[]; strides?: number[]; pads?: number[]; ceil?: boolean; countIncludePad?: boolean }][] = [
    ['2×2 stride 2', { kernel_shape: ints([2, 2]), strides: ints([2, 2]) }, { kernel: [2, 2], strides: [2, 2] }],
    ['3×3 stride 2 pads 1', { kernel_shape: ints([3, 3]), strides: ints([2, 2]), pads: ints([1, 1, 1, 1]) },
      { kernel: [3, 3], strides: [2, 2], pads: [1, 1, 1, 1] }],
    ['3×2 asymmetric pads, stride 1', { kernel_shape: ints([3, 2]), pads: ints([2, 0, 0, 1]) }, { kernel: [3, 2], pads: [2, 0, 0, 1] }],
    ['ceil_mode adds a partial window', { kernel_shape: ints([2, 2]), strides: ints([2, 2]), ceil_mode: int(1) },
      { kernel: [2, 2], strides: [2, 2], ceil: true }],
    ['ceil_mode with pads', { kernel_shape: ints([3, 3]), strides: ints([2, 3]), pads: ints([1, 1, 1, 1]), ceil_mode: int(1) },
      { kernel: [3, 3], strides: [2, 3], pads: [1, 1, 1, 1], ceil: true }],
  ];
  for (const [label, attrs, spec] of cases) {
    it(`MaxPool ${label}`, () => {
      const bytes = model({ input: ['x', [1, ...dims]], nodes: [n('MaxPool', ['x'], 'y', { ...attrs, storage_order: int(0) })] });
      const ref = poolRef('max', x, dims, spec);
      expect(importOnnx(bytes).outputs[0]!.shape).toEqual(ref.shape);
      expect(run(bytes, x)).toEqual(ref.y);
    });
    for (const cip of [false, true]) {
      if (cip && spec.ceil) continue;
      it(`AveragePool ${label}, count_include_pad=${Number(cip)}`, () => {
        const bytes = model({
          input: ['x', [1, ...dims]],
          nodes: [n('AveragePool', ['x'], 'y', { ...attrs, count_include_pad: int(Number(cip)) })],
        });
        const ref = poolRef('avg', x, dims, { ...spec, countIncludePad: cip });
        expect(importOnnx(bytes).outputs[0]!.shape).toEqual(ref.shape);
        expectClose(run(bytes, x), ref.y, 1e-15);
      });
    }
  }

  it('a hand-computed MaxPool and AveragePool', () => {
    const m = model({ input: ['x', [1, 1, 2, 4]], nodes: [n('MaxPool', ['x'], 'y', { kernel_shape: ints([2, 2]), strides: ints([2, 2]) })] });
    expect(run(m, [1, -2, 3, 4, 5, 6, -7, 8])).toEqual([6, 8]);
    const a = model({
      input: ['x', [1, 1, 2, 2]],
      nodes: [n('AveragePool', ['x'], 'y', { kernel_shape: ints([2, 2]), pads: ints([1, 1, 0, 0]) })],
    });
    // Windows: {1}, {1,2}, {1,3}, {1,2,3,4} without the padding in the count.
    expect(run(a, [1, 2, 3, 4])).toEqual([1, 1.5, 2, 2.5]);
  });

  it('auto_pad SAME_UPPER on MaxPool', () => {
    const bytes = model({
      input: ['x', [1, ...dims]],
      nodes: [n('MaxPool', ['x'], 'y', { kernel_shape: ints([2, 3]), strides: ints([2, 2]), auto_pad: str('SAME_UPPER') })],
    });
    // out = ceil(5/2) = 3, ceil(7/2) = 4; pad totals 1 and 2, the odd one at the end.
    const ref = poolRef('max', x, dims, { kernel: [2, 3], strides: [2, 2], pads: [0, 1, 1, 1] });
    expect(importOnnx(bytes).outputs[0]!.shape).toEqual([1, 2, 3, 4]);
    expect(run(bytes, x)).toEqual(ref.y);
  });

  it('GlobalAveragePool', () => {
    const bytes = model({ input: ['x', [1, 2, 2, 2]], nodes: [n('GlobalAveragePool', ['x'], 'y')] });
    expect(run(bytes, [1, 2, 3, 4, -1, -1, 5, 1])).toEqual([2.5, 1]);
  });

  it('Pad (zeros) then AveragePool, as PyTorch exports AvgPool2d(padding=p): the pad counts as real zeros', () => {
    for (const opset of [10, 13, 18]) {
      const pads = [0, 0, 1, 1, 0, 0, 1, 1];
      const nodes: NodeSpec[] =
        opset < 11
          ? [n('Pad', ['x'], 'p', { pads: ints(pads), mode: str('constant') })]
          : [n('Pad', ['x', 'pads', ...(opset >= 18 ? ['', 'axes'] : [])], 'p', { mode: str('constant') })];
      nodes.push(n('AveragePool', ['p'], 'y', { kernel_shape: ints([3, 3]), strides: ints([2, 2]) }));
      const inits = opset < 11 ? [] : opset >= 18 ? [tensor('pads', [4], [1, 1, 1, 1], 'int64'), tensor('axes', [2], [2, 3], 'int64')] : [tensor('pads', [8], pads, 'int64')];
      const bytes = model({ opset, input: ['x', [1, ...dims]], nodes, inits });
      const ref = poolRef('avg', x, dims, { kernel: [3, 3], strides: [2, 2], pads: [1, 1, 1, 1], countIncludePad: true });
      expectClose(run(bytes, x), ref.y, 1e-15);
    }
  });

  it('Pad then Conv adds to the Conv pads; an all-zero Pad disappears', () => {
    const wt = values(2 * 2 * 3 * 3, 41);
    const bytes = model({
      input: ['x', [1, ...dims]],
      nodes: [n('Pad', ['x', 'pads'], 'p'), n('Conv', ['p', 'W'], 'y', { pads: ints([1, 0, 0, 0]) })],
      inits: [tensor('pads', [8], [0, 0, 0, 2, 0, 0, 1, 0], 'int64', true), tensor('W', [2, 2, 3, 3], wt)],
    });
    const ref = convRef(x, dims, wt, [2, 2, 3, 3], null, { pads: [1, 2, 1, 0] });
    expectClose(run(bytes, x), ref.y, 1e-14);
    const zero = model({
      input: ['x', [1, ...dims]],
      nodes: [n('Pad', ['x', 'pads'], 'p', { mode: str('reflect') }), n('Relu', ['p'], 'y')],
      inits: [tensor('pads', [8], [0, 0, 0, 0, 0, 0, 0, 0], 'int64')],
    });
    expect(importOnnx(zero).nodes.map((v) => v.op)).toEqual(['Relu']);
  });
});

describe('activations', () => {
  const xs = [-3, -0.5, 0, 0.25, 2, 7];
  const one = (op: string, attrs: Record<string, Attr> = {}, opset = 13): Uint8Array =>
    model({ opset, input: ['x', [1, 6]], nodes: [n(op, ['x'], 'y', attrs)] });

  it('Relu, Sigmoid, Tanh, LeakyRelu (default and given alpha)', () => {
    expect(run(one('Relu'), xs)).toEqual(xs.map((v) => Math.max(0, v)));
    expectClose(run(one('Sigmoid'), xs), xs.map((v) => 1 / (1 + Math.exp(-v))), 1e-15);
    expect(run(one('Tanh'), xs)).toEqual(xs.map(Math.tanh));
    const d = Math.fround(0.01); // ONNX's default is the float attribute 0.01
    expect(run(one('LeakyRelu'), xs)).toEqual(xs.map((v) => (v < 0 ? d * v : v)));
    const a = Math.fround(0.2);
    expect(run(one('LeakyRelu', { alpha: float(0.2) }), xs)).toEqual(xs.map((v) => (v < 0 ? a * v : v)));
  });

  it('Clip before opset 11: min and max attributes', () => {
    expect(run(one('Clip', { min: float(-1), max: float(2.5) }, 10), xs)).toEqual([-1, -0.5, 0, 0.25, 2, 2.5]);
    expect(run(one('Clip', { min: float(0) }, 6 + 4), xs)).toEqual([0, 0, 0, 0.25, 2, 7]);
    expect(run(one('Clip', {}, 10), xs)).toEqual(xs);
  });

  it('Clip from opset 11: optional constant inputs (Relu6, min only, max only, infinite bound)', () => {
    const clip = (inputs: string[], inits: ReturnType<typeof tensor>[]): Uint8Array =>
      model({ opset: 13, input: ['x', [1, 6]], nodes: [n('Clip', inputs, 'y')], inits });
    const lo = tensor('lo', [], [0]);
    const hi = tensor('hi', [], [6]);
    expect(run(clip(['x', 'lo', 'hi'], [lo, hi]), xs)).toEqual([0, 0, 0, 0.25, 2, 6]);
    expect(run(clip(['x', 'lo'], [lo]), xs)).toEqual([0, 0, 0, 0.25, 2, 7]);
    expect(run(clip(['x', '', 'hi'], [hi]), xs)).toEqual([-3, -0.5, 0, 0.25, 2, 6]);
    expect(run(clip(['x', 'm', 'hi'], [tensor('m', [], [-Infinity], 'float64'), hi]), xs)).toEqual([-3, -0.5, 0, 0.25, 2, 6]);
    const viaConstant = model({
      opset: 13,
      input: ['x', [1, 6]],
      nodes: [n('Constant', [], 'lo', { value: tensorAttr(tensor('', [], [-1])) }), n('Clip', ['x', 'lo'], 'y')],
    });
    expect(run(viaConstant, xs)).toEqual([-1, -0.5, 0, 0.25, 2, 7]);
  });

  it('Softmax over the last axis; opset < 13 flattens from axis; a non-last axis followed by ones', () => {
    const soft = (v: number[]): number[] => {
      const m = Math.max(...v);
      const e = v.map((t) => Math.exp(t - m));
      const s = e.reduce((p, q) => p + q);
      return e.map((t) => t / s);
    };
    const x6 = [1, 2, 3, -1, 0, 4];
    const last = model({ input: ['x', [1, 2, 3]], nodes: [n('Softmax', ['x'], 'y')] });
    expectClose(run(last, x6), [...soft(x6.slice(0, 3)), ...soft(x6.slice(3))], 1e-15);
    const old = model({ opset: 11, input: ['x', [1, 2, 3]], nodes: [n('Softmax', ['x'], 'y')] });
    expectClose(run(old, x6), soft(x6), 1e-15);
    expect(importOnnx(old).outputs[0]!.shape).toEqual([1, 2, 3]);
    const oldAxis2 = model({ opset: 11, input: ['x', [1, 2, 3]], nodes: [n('Softmax', ['x'], 'y', { axis: int(2) })] });
    expectClose(run(oldAxis2, x6), [...soft(x6.slice(0, 3)), ...soft(x6.slice(3))], 1e-15);
    const channels = model({ input: ['x', [1, 3, 1, 1]], nodes: [n('Softmax', ['x'], 'y', { axis: int(1) })] });
    expectClose(run(channels, [1, 2, 3]), soft([1, 2, 3]), 1e-15);
  });
});

describe('shape operators', () => {
  const x = range(6, (i) => i + 1);

  it('Flatten with axis 1 (default), 0 and negative', () => {
    for (const [attrs, out] of [[{}, [1, 6]], [{ axis: int(0) }, [1, 6]], [{ axis: int(-2) }, [1, 6]], [{ axis: int(2) }, [1, 6]]] as const) {
      const bytes = model({ input: ['x', [1, 1, 2, 3]], nodes: [n('Flatten', ['x'], 'y', attrs)] });
      expect(importOnnx(bytes).outputs[0]!.shape).toEqual([...out]);
      expect(run(bytes, x)).toEqual(x);
    }
  });

  it('Reshape with 0 (copy) and -1 (infer), shapes in int64 typed or raw, int32, or from a Constant', () => {
    const forms = [
      tensor('s', [3], [0, 3, -1], 'int64'),
      tensor('s', [3], [0, 3, -1], 'int64', true),
      tensor('s', [3], [1, -1, 2], 'int32'),
    ];
    for (const s of forms) {
      const bytes = model({ input: ['x', [1, 2, 3]], nodes: [n('Reshape', ['x', 's'], 'y')], inits: [s] });
      expect(importOnnx(bytes).outputs[0]!.shape).toEqual([1, 3, 2]);
      expect(run(bytes, x)).toEqual(x);
    }
    const viaConstant = model({
      input: ['x', [1, 2, 3]],
      nodes: [n('Constant', [], 's', { value_ints: ints([0, -1]) }), n('Reshape', ['x', 's'], 'y', { allowzero: int(0) })],
    });
    expect(importOnnx(viaConstant).outputs[0]!.shape).toEqual([1, 6]);
  });

  it('Transpose of a constant is folded (a MatMul weight stored [out, in])', () => {
    const bytes = model({
      input: ['x', [1, 3]],
      nodes: [n('Transpose', ['Wt'], 'W', { perm: ints([1, 0]) }), n('MatMul', ['x', 'W'], 'y')],
      inits: [tensor('Wt', [2, 3], [1, 3, 5, 2, 4, 6])],
    });
    expect(run(bytes, [1, 0, -1])).toEqual([-4, -4]);
    const rank3 = model({
      input: ['x', [1, 4]],
      nodes: [n('Transpose', ['k'], 'kt'), n('Reshape', ['kt', 's'], 'k2'), n('Mul', ['x', 'k2'], 'y')],
      inits: [tensor('k', [2, 1, 2], [1, 2, 3, 4]), tensor('s', [2], [1, 4], 'int64')],
    });
    // Reversed axes: [2, 1, 2] → [2, 1, 2] with element (i, 0, k) ← (k, 0, i): 1, 3, 2, 4.
    expect(run(rank3, [1, 1, 1, 1])).toEqual([1, 3, 2, 4]);
  });

  it('Transpose of a computed tensor that moves only axes of length 1 is a reshape', () => {
    const bytes = model({ input: ['x', [1, 3, 1, 1]], nodes: [n('Transpose', ['x'], 'y', { perm: ints([0, 2, 3, 1]) })] });
    expect(importOnnx(bytes).outputs[0]!.shape).toEqual([1, 1, 1, 3]);
    expect(run(bytes, [1, 2, 3])).toEqual([1, 2, 3]);
  });

  it('Concat of computed tensors along axis 1 (or its negative form); of constants, folded', () => {
    const bytes = model({
      input: ['x', [1, 2, 1, 2]],
      nodes: [n('Relu', ['x'], 'r'), n('Concat', ['r', 'x', 'r'], 'y', { axis: int(-3) })],
    });
    expect(importOnnx(bytes).outputs[0]!.shape).toEqual([1, 6, 1, 2]);
    expect(run(bytes, [-1, 2, 3, -4])).toEqual([0, 2, 3, 0, -1, 2, 3, -4, 0, 2, 3, 0]);
    const shape = model({
      input: ['x', [1, 2, 3]],
      nodes: [n('Concat', ['a', 'b'], 's', { axis: int(0) }), n('Reshape', ['x', 's'], 'y')],
      inits: [tensor('a', [1], [1], 'int64'), tensor('b', [2], [3, 2], 'int64')],
    });
    expect(importOnnx(shape).outputs[0]!.shape).toEqual([1, 3, 2]);
  });
});

describe('BatchNormalization, Identity, Dropout, Constant', () => {
  const bn = (x: string, out: string, eps?: number): NodeSpec =>
    n('BatchNormalization', [x, 'g', 'be', 'mu', 'var'], out, eps === undefined ? {} : { epsilon: float(eps) });
  const bnInits = [tensor('g', [2], [2, 0.5]), tensor('be', [2], [1, -1]), tensor('mu', [2], [0.5, -2]), tensor('var', [2], [4, 0.25])];
  const bnRef = (v: number, c: number, eps = Math.fround(1e-5)): number =>
    ((v - [0.5, -2][c]!) / Math.sqrt([4, 0.25][c]! + eps)) * [2, 0.5][c]! + [1, -1][c]!;

  it('after a Conv it is kept (foldBatchNorm folds it)', () => {
    const bytes = model({
      input: ['x', [1, 1, 2, 2]],
      nodes: [n('Conv', ['x', 'W'], 'c'), bn('c', 'y', 1e-3)],
      inits: [tensor('W', [2, 1, 1, 1], [1, -1]), ...bnInits],
    });
    const g = importOnnx(bytes);
    expect(g.nodes.map((v) => v.op)).toEqual(['Conv', 'BatchNormalization']);
    const xs = [1, 2, 3, 4];
    const want = [...xs.map((v) => bnRef(v, 0, Math.fround(1e-3))), ...xs.map((v) => bnRef(-v, 1, Math.fround(1e-3)))];
    expectClose(run(bytes, xs), want, 1e-15);
    expectClose(runGraph(foldBatchNorm(g), xs), want, 1e-14);
  });

  it('where it cannot be folded (after a Relu) it becomes a per-channel Mul and Add', () => {
    const bytes = model({ input: ['x', [1, 2, 2]], nodes: [n('Relu', ['x'], 'r'), bn('r', 'y')], inits: bnInits });
    const g = importOnnx(bytes);
    expect(g.nodes.map((v) => v.op)).toEqual(['Relu', 'Mul', 'Add']);
    const xs = [-1, 2, 3, -4];
    expectClose(run(bytes, xs), [bnRef(0, 0), bnRef(2, 0), bnRef(3, 1), bnRef(0, 1)], 1e-14);
    expect(() => foldBatchNorm(g)).not.toThrow();
  });

  it('a chain Gemm → BN → BN stays foldable', () => {
    const bytes = model({
      input: ['x', [1, 2]],
      nodes: [n('Gemm', ['x', 'W'], 'f', { transB: int(1) }), bn('f', 'b1'), bn('b1', 'y')],
      inits: [tensor('W', [2, 2], [1, 0, 0, 1]), ...bnInits],
    });
    expect(importOnnx(bytes).nodes.map((v) => v.op)).toEqual(['Gemm', 'BatchNormalization', 'BatchNormalization']);
    expectClose(run(bytes, [3, -1]), [bnRef(bnRef(3, 0), 0), bnRef(bnRef(-1, 1), 1)], 1e-14);
  });

  it('Identity and Dropout vanish; an Identity at the end keeps the output name', () => {
    for (const opset of [7, 11, 13]) {
      const drop = opset < 12 ? n('Dropout', ['r'], 'd', { ratio: float(0.3) }) : n('Dropout', ['r', 'ratio', 'mode'], ['d', 'mask']);
      const bytes = model({
        opset,
        input: ['x', [1, 3]],
        nodes: [n('Identity', ['x'], 'i'), n('Relu', ['i'], 'r'), drop, n('Identity', ['d'], 'out')],
        inits: opset < 12 ? [] : [tensor('ratio', [], [0.5]), tensor('mode', [], [0], 'bool')],
      });
      const g = importOnnx(bytes);
      expect(g.nodes.map((v) => v.op)).toEqual(['Relu']);
      expect(g.outputs[0]!.name).toBe('out');
      expect(g.nodes[0]!.outputs).toEqual(['out']);
      expect(run(bytes, [-1, 0, 2])).toEqual([0, 0, 2]);
    }
  });

  it('Constant in all its forms (value, value_float, value_floats, value_int, value_ints), Identity of a constant', () => {
    const bytes = model({
      opset: 13,
      input: ['x', [1, 3]],
      nodes: [
        n('Constant', [], 'a', { value: tensorAttr(tensor('', [3], [1, 2, 3], 'float64')) }),
        n('Constant', [], 'b', { value_float: float(0.5) }),
        n('Constant', [], 'c', { value_floats: floats([1, 0, -1]) }),
        n('Constant', [], 'd', { value_int: int(2) }),
        n('Constant', [], 's', { value_ints: ints([1, 3]) }),
        n('Identity', ['a'], 'a2'),
        n('Mul', ['x', 'a2'], 'm1'),
        n('Mul', ['m1', 'b'], 'm2'),
        n('Add', ['m2', 'c'], 'm3'),
        n('Mul', ['m3', 'd'], 'm4'),
        n('Reshape', ['m4', 's'], 'y'),
      ],
    });
    // ((x·a)·0.5 + c)·2 with x = 2: ((2·[1, 2, 3])·0.5 + [1, 0, −1])·2.
    expect(run(bytes, [2, 2, 2])).toEqual([4, 4, 4]);
  });
});

describe('GELU', () => {
  const xs = [-4, -1.5, -0.3, 0, 0.7, 2.5];
  const sqrt2 = Math.fround(Math.SQRT2);
  const inits = [tensor('r2', [], [sqrt2]), tensor('one', [], [1]), tensor('half', [], [0.5]), tensor('ir2', [], [Math.fround(Math.SQRT1_2)])];

  /** The five-node pattern in each ordering, with the Mul/Add operands swapped or not. */
  function pattern(order: 'A' | 'B' | 'C', swap: boolean, viaMul: boolean): NodeSpec[] {
    const s = (a: string, b: string): string[] => (swap ? [b, a] : [a, b]);
    const scale = viaMul ? n('Mul', s('x', 'ir2'), 'a') : n('Div', ['x', 'r2'], 'a');
    const head = [scale, n('Erf', ['a'], 'e'), n('Add', s('e', 'one'), 'p')];
    switch (order) {
      case 'A':
        return [...head, n('Mul', s('x', 'p'), 'q'), n('Mul', s('q', 'half'), 'y')];
      case 'B':
        return [...head, n('Mul', s('p', 'half'), 'q'), n('Mul', s('x', 'q'), 'y')];
      case 'C':
        return [n('Mul', s('x', 'half'), 'h'), ...head, n('Mul', s('h', 'p'), 'y')];
    }
  }

  for (const order of ['A', 'B', 'C'] as const) {
    for (const swap of [false, true]) {
      for (const viaMul of [false, true]) {
        it(`ordering ${order}${swap ? ', operands swapped' : ''}${viaMul ? ', Mul by 1/√2' : ''} fuses into Gelu`, () => {
          const bytes = model({ input: ['x', [1, 6]], nodes: pattern(order, swap, viaMul), inits });
          const g = importOnnx(bytes);
          expect(g.nodes.map((v) => [v.op, ...v.inputs, ...v.outputs])).toEqual([['Gelu', 'x', 'y']]);
          expect(g.initializers.size).toBe(0);
          expectClose(run(bytes, xs), xs.map(geluRef), 1e-13);
        });
      }
    }
  }

  it('inside a network (Gemm → GELU → Gemm), with the constants as Constant nodes', () => {
    const bytes = model({
      opset: 17,
      input: ['x', [1, 2]],
      nodes: [
        n('Gemm', ['x', 'W'], 'f', { transB: int(1) }),
        n('Constant', [], 'k2', { value: tensorAttr(tensor('', [], [sqrt2])) }),
        n('Constant', [], 'k1', { value: tensorAttr(tensor('', [], [1])) }),
        n('Constant', [], 'kh', { value: tensorAttr(tensor('', [], [0.5])) }),
        n('Div', ['f', 'k2'], 'a'),
        n('Erf', ['a'], 'e'),
        n('Add', ['e', 'k1'], 'p'),
        n('Mul', ['f', 'p'], 'q'),
        n('Mul', ['q', 'kh'], 'g'),
        n('Gemm', ['g', 'W'], 'y', { transB: int(1) }),
      ],
      inits: [tensor('W', [2, 2], [1, -1, 0.5, 2])],
    });
    expect(importOnnx(bytes).nodes.map((v) => v.op)).toEqual(['Gemm', 'Gelu', 'Gemm']);
    const f = [1 * 0.3 - 1 * -0.8, 0.5 * 0.3 + 2 * -0.8].map(geluRef);
    expectClose(run(bytes, [0.3, -0.8]), [f[0]! - f[1]!, 0.5 * f[0]! + 2 * f[1]!], 1e-13);
  });

  it('the opset-20 Gelu node (approximate="none" or absent)', () => {
    for (const attrs of [{}, { approximate: str('none') }] as Record<string, Attr>[]) {
      const bytes = model({ opset: 20, input: ['x', [1, 6]], nodes: [n('Gelu', ['x'], 'y', attrs)] });
      expectClose(run(bytes, xs), xs.map(geluRef), 1e-13);
    }
  });
});
