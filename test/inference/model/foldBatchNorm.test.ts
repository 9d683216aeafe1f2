/** BatchNormalization folding: the folded graph computes what the unfolded one does (f64 reference runs both). */
import { describe, expect, it } from 'vitest';
import { createF64Engine } from '../../../src/inference/engines/f64/engine.js';
import { ModelError } from '../../../src/inference/model/errors.js';
import { foldBatchNorm } from '../../../src/inference/model/foldBatchNorm.js';
import type { Graph, GraphNode, Tensor } from '../../../src/inference/model/graph.js';
import { f64, graph, node, noise, tensor } from './graphs.js';

let seed = 100;
function bnParams(prefix: string, c: number): Tensor[] {
  const r = noise(seed++);
  return [
    tensor(`${prefix}.s`, [c], (i) => 0.5 + r(i)),
    tensor(`${prefix}.b`, [c], r),
    tensor(`${prefix}.m`, [c], r),
    tensor(`${prefix}.v`, [c], (i) => 0.1 + Math.abs(r(i))),
  ];
}
function bn(name: string, input: string, epsilon = 1e-5): GraphNode {
  return node(name, 'BatchNormalization', [input, `${name}.s`, `${name}.b`, `${name}.m`, `${name}.v`], { epsilon });
}

function expectSameFunction(g: Graph, folded: Graph, inputSize: number): void {
  const a = createF64Engine(g).run(f64(noise(7), inputSize));
  const b = createF64Engine(folded).run(f64(noise(7), inputSize));
  expect(b.length).toBe(a.length);
  for (let i = 0; i < a.length; i++) expect(Math.abs(a[i]! - b[i]!)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(a[i]!)));
}

describe('foldBatchNorm', () => {
  it('Conv with bias, then BN, then Relu', () => {
    const g = graph(
      ['x', [1, 3, 6, 6]],
      [node('conv', 'Conv', ['x', 'W', 'B'], { pads: [1, 1, 1, 1], strides: [2, 2] }), bn('bn', 'conv', 1e-3), node('relu', 'Relu', ['bn'])],
      [tensor('W', [4, 3, 3, 3], noise(1)), tensor('B', [4], noise(2)), ...bnParams('bn', 4)],
    );
    const f = foldBatchNorm(g);
    expect(f.nodes.map((n) => [n.name, n.op])).toEqual([['conv', 'Conv'], ['relu', 'Relu']]);
    expect(f.nodes[0]!.outputs).toEqual(['bn']);
    expect([...f.initializers.keys()].sort()).toEqual(['conv.bias_bn', 'conv.weight_bn']);
    expectSameFunction(g, f, 108);
  });
  it('Conv without bias gets one; depthwise weights scale per output channel', () => {
    const g = graph(
      ['x', [1, 4, 5, 5]],
      [node('dw', 'Conv', ['x', 'W'], { group: 4 }), bn('bn', 'dw')],
      [tensor('W', [4, 1, 3, 3], noise(3)), ...bnParams('bn', 4)],
    );
    const f = foldBatchNorm(g);
    expect(f.nodes[0]!.inputs).toEqual(['x', 'dw.weight_bn', 'dw.bias_bn']);
    expect(f.initializers.get('dw.bias_bn')!.shape).toEqual([4]);
    expectSameFunction(g, f, 100);
  });
  it('hand-checked values: y = s·(Wx + b − mean) + beta', () => {
    const g = graph(
      ['x', [1, 2]],
      [node('fc', 'Gemm', ['x', 'W', 'B']), node('bn', 'BatchNormalization', ['fc', 's', 'b', 'm', 'v'], { epsilon: 0 })],
      [
        tensor('W', [2, 2], [1, 2, 3, 4]), tensor('B', [2], [1, -1]),
        tensor('s', [2], [2, 3]), tensor('b', [2], [0.5, 0]), tensor('m', [2], [1, 2]), tensor('v', [2], [1, 1]),
      ],
    );
    const f = foldBatchNorm(g);
    // s = scale / sqrt(1) = [2, 3]; b' = (B − mean)·s + beta = [0·2 + 0.5, −3·3 + 0]
    expect(Array.from(f.initializers.get('fc.weight_bn')!.data)).toEqual([2, 4, 9, 12]);
    expect(Array.from(f.initializers.get('fc.bias_bn')!.data)).toEqual([0.5, -9]);
    // unfolded: Gemm gives [4, 6]; BN gives [(4 − 1)·2 + 0.5, (6 − 2)·3] = [6.5, 12]
    expect(Array.from(createF64Engine(f).run(f64([1, 1])))).toEqual([6.5, 12]);
    expect(Array.from(createF64Engine(g).run(f64([1, 1])))).toEqual([6.5, 12]);
  });
  it('Gemm and rank-2 MatMul', () => {
    const gemm = graph(['x', [1, 5]], [node('fc', 'Gemm', ['x', 'W']), bn('bn', 'fc')], [tensor('W', [3, 5], noise(4)), ...bnParams('bn', 3)]);
    expectSameFunction(gemm, foldBatchNorm(gemm), 5);
    const mm = graph(['x', [1, 5]], [node('mm', 'MatMul', ['x', 'W', 'B']), bn('bn', 'mm')], [tensor('W', [5, 3], noise(5)), tensor('B', [3], noise(6)), ...bnParams('bn', 3)]);
    expectSameFunction(mm, foldBatchNorm(mm), 5);
  });
  it('two BNs in a row, and a weight shared with an unfolded layer', () => {
    const g = graph(
      ['x', [1, 2, 4, 4]],
      [
        node('c1', 'Conv', ['x', 'W']), bn('bn1', 'c1'), bn('bn2', 'bn1'),
        node('c2', 'Conv', ['x', 'W']), node('sum', 'Add', ['bn2', 'c2']),
      ],
      [tensor('W', [2, 2, 1, 1], noise(8)), ...bnParams('bn1', 2), ...bnParams('bn2', 2)],
    );
    const f = foldBatchNorm(g);
    expect(f.nodes.map((n) => n.name)).toEqual(['c1', 'c2', 'sum']);
    expect(f.nodes[1]!.inputs).toEqual(['x', 'W']);
    expect(f.initializers.has('W')).toBe(true);
    expectSameFunction(g, f, 32);
  });
  it('leaves a graph without BN alone', () => {
    const g = graph(['x', [1, 2]], [node('r', 'Relu', ['x'])]);
    expect(foldBatchNorm(g).nodes).toEqual(g.nodes);
  });
});

describe('foldBatchNorm errors name the BatchNormalization', () => {
  function fails(g: Graph, message: RegExp): void {
    let error: unknown;
    try {
      foldBatchNorm(g);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ModelError);
    expect((error as ModelError).message).toMatch(message);
    expect((error as ModelError).node).toBe('bn');
  }
  it('after a Relu', () => {
    const g = graph(['x', [1, 3]], [node('relu', 'Relu', ['x']), bn('bn', 'relu')], bnParams('bn', 3));
    fails(g, /^node "bn" \(BatchNormalization\): cannot fold: the input "relu" comes from node "relu" \(Relu\), not from a Conv, Gemm or MatMul$/);
  });
  it('on the graph input', () => {
    fails(graph(['x', [1, 3]], [bn('bn', 'x')], bnParams('bn', 3)), /cannot fold: the input "x" comes from the graph input/);
  });
  it('when the layer output is also used elsewhere', () => {
    const g = graph(
      ['x', [1, 2]],
      [node('fc', 'Gemm', ['x', 'W']), bn('bn', 'fc'), node('sum', 'Add', ['bn', 'fc'])],
      [tensor('W', [2, 2], [1, 0, 0, 1]), ...bnParams('bn', 2)],
    );
    fails(g, /cannot fold: "fc" from node "fc" \(Gemm\) is also used elsewhere/);
  });
  it('after a rank-3 MatMul', () => {
    const g = graph(['x', [1, 2, 3]], [node('mm', 'MatMul', ['x', 'W']), bn('bn', 'mm')], [tensor('W', [3, 3], noise(9)), ...bnParams('bn', 2)]);
    fails(g, /cannot fold: the MatMul "mm" output has rank 3/);
  });
});
