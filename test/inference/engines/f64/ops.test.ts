/**
 * The float64 reference engine, operator by operator, against results worked out by hand; convolution also against
 * an independent naive formulation (explicitly padded input, dilated kernel) over many random geometries.
 */
import { describe, expect, it } from 'vitest';
import { createF64Engine } from '../../../../src/inference/engines/f64/engine.js';
import { ModelError } from '../../../../src/inference/model/errors.js';
import type { Graph, NodeAttributes, Tensor } from '../../../../src/inference/model/graph.js';
import { f64, graph, node, noise, single, tensor } from '../../model/graphs.js';

function run(g: Graph, x: number[] | Float64Array): number[] {
  return Array.from(createF64Engine(g).run(Float64Array.from(x)));
}

const iota = (n: number, from = 1): number[] => Array.from({ length: n }, (_, i) => i + from);

function close(actual: number[], expected: number[], tol = 1e-15): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((v, i) => expect(Math.abs(v - expected[i]!)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(expected[i]!))));
}

describe('Gemm and MatMul', () => {
  const W = tensor('W', [2, 3], [1, 0, -1, 2, 1, 0.5]);
  const b = tensor('b', [2], [10, -1]);
  it('Gemm with and without bias', () => {
    expect(run(single('Gemm', [1, 3], {}, [W, b]), [1, 2, 3])).toEqual([8, 4.5]);
    expect(run(single('Gemm', [1, 3], {}, [W]), [1, 2, 3])).toEqual([-2, 5.5]);
    expect(run(single('Gemm', [1, 3], {}, [W, tensor('b2', [1, 2], [10, -1])]), [1, 2, 3])).toEqual([8, 4.5]);
  });
  const Wt = tensor('Wt', [3, 2], [1, 2, 0, 1, -1, 0.5]);
  it('MatMul with a [in, out] weight, optional bias, rank 3 input', () => {
    expect(run(single('MatMul', [1, 3], {}, [Wt]), [1, 2, 3])).toEqual([-2, 5.5]);
    expect(run(single('MatMul', [1, 3], {}, [Wt, b]), [1, 2, 3])).toEqual([8, 4.5]);
    expect(run(single('MatMul', [1, 2, 3], {}, [Wt]), [1, 2, 3, 0, 1, 0])).toEqual([-2, 5.5, 0, 1]);
  });
});

describe('Conv', () => {
  it('stride 2', () => {
    const g = single('Conv', [1, 1, 4, 4], { strides: [2, 2] }, [tensor('W', [1, 1, 2, 2], [1, 1, 1, 1])]);
    expect(run(g, iota(16))).toEqual([14, 22, 46, 54]);
  });
  it('padding 1 with an asymmetric 3x3 kernel and a bias', () => {
    const W = tensor('W', [1, 1, 3, 3], iota(9));
    expect(run(single('Conv', [1, 1, 2, 2], { pads: [1, 1, 1, 1] }, [W]), [1, 2, 3, 4])).toEqual([77, 67, 47, 37]);
    const g = single('Conv', [1, 1, 2, 2], { pads: [1, 1, 1, 1] }, [W, tensor('b', [1], [0.5])]);
    expect(run(g, [1, 2, 3, 4])).toEqual([77.5, 67.5, 47.5, 37.5]);
  });
  it('asymmetric padding (top only)', () => {
    const g = single('Conv', [1, 1, 2, 2], { pads: [1, 0, 0, 0] }, [tensor('W', [1, 1, 2, 2], [1, 1, 1, 1])]);
    expect(run(g, [1, 2, 3, 4])).toEqual([3, 10]);
  });
  it('dilation 2', () => {
    // out(oy, ox) = x[oy][ox] + 2·x[oy][ox+2] + 3·x[oy+2][ox] + 4·x[oy+2][ox+2] with x[r][c] = 5r + c
    const g = single('Conv', [1, 1, 5, 5], { dilations: [2, 2] }, [tensor('W', [1, 1, 2, 2], [1, 2, 3, 4])]);
    expect(run(g, iota(25, 0))).toEqual([82, 92, 102, 132, 142, 152, 182, 192, 202]);
  });
  it('groups = 2', () => {
    // channel c holds c+1 everywhere; outputs 0,1 see channels 0,1 and outputs 2,3 see channels 2,3
    const W = tensor('W', [4, 2, 1, 1], [1, 0, 0, 1, 1, 1, 1, -1]);
    const x = [1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4];
    expect(run(single('Conv', [1, 4, 2, 2], { group: 2 }, [W]), x)).toEqual([1, 1, 1, 1, 2, 2, 2, 2, 7, 7, 7, 7, -1, -1, -1, -1]);
  });
  it('depthwise (group = channels) with bias', () => {
    const W = tensor('W', [2, 1, 2, 2], [1, 0, 0, -1, 1, 1, 1, 1]);
    const g = single('Conv', [1, 2, 3, 3], { group: 2 }, [W, tensor('b', [2], [0, 100])]);
    expect(run(g, [...iota(9), 1, 1, 1, 1, 1, 1, 1, 1, 1])).toEqual([-4, -4, -4, -4, 104, 104, 104, 104]);
  });
  it('stride 2 with padding 1 and a 3x3 kernel', () => {
    // windows centred on (0,0), (0,2), (2,0), (2,2) of a 3x3 input 1..9 with all-ones weights
    const g = single('Conv', [1, 1, 3, 3], { strides: [2, 2], pads: [1, 1, 1, 1] }, [tensor('W', [1, 1, 3, 3], () => 1)]);
    expect(run(g, iota(9))).toEqual([1 + 2 + 4 + 5, 2 + 3 + 5 + 6, 4 + 5 + 7 + 8, 5 + 6 + 8 + 9]);
  });

  /** Independent formulation: materialize the zero-padded input, then index a dilated kernel into it. */
  function naiveConv(x: Float64Array, xs: number[], w: Tensor, b: Float64Array | null, a: Required<Pick<NodeAttributes, 'strides' | 'pads' | 'dilations' | 'group'>>): number[] {
    const [, C, H, Wd] = xs as [number, number, number, number];
    const [M, Cg, KH, KW] = w.shape as [number, number, number, number];
    const [pt, pl, pb, pr] = a.pads as [number, number, number, number];
    const PH = H + pt + pb;
    const PW = Wd + pl + pr;
    const padded = new Float64Array(C * PH * PW);
    for (let c = 0; c < C; c++) for (let i = 0; i < H; i++) for (let j = 0; j < Wd; j++) padded[(c * PH + i + pt) * PW + j + pl] = x[(c * H + i) * Wd + j]!;
    const [sh, sw] = a.strides as [number, number];
    const [dh, dw] = a.dilations as [number, number];
    const OH = Math.floor((PH - (dh * (KH - 1) + 1)) / sh) + 1;
    const OW = Math.floor((PW - (dw * (KW - 1) + 1)) / sw) + 1;
    const out: number[] = [];
    for (let m = 0; m < M; m++) {
      const g = Math.floor(m / (M / a.group));
      for (let oy = 0; oy < OH; oy++) for (let ox = 0; ox < OW; ox++) {
        let s = 0;
        for (let ci = 0; ci < Cg; ci++) for (let ky = 0; ky < KH; ky++) for (let kx = 0; kx < KW; kx++) {
          s += padded[((g * Cg + ci) * PH + oy * sh + ky * dh) * PW + ox * sw + kx * dw]! * w.data[((m * Cg + ci) * KH + ky) * KW + kx]!;
        }
        out.push(b === null ? s : s + b[m]!);
      }
    }
    return out;
  }

  it('matches a naive padded-input convolution over 200 random geometries', () => {
    const r = noise(12345);
    const pick = (n: number): number => Math.floor(((r(0) + 1) / 2) * n);
    for (let t = 0; t < 200; t++) {
      const group = [1, 1, 2, 3][pick(4)]!;
      const C = group * (1 + pick(3));
      const M = group * (1 + pick(3));
      const KH = 1 + pick(3);
      const KW = 1 + pick(3);
      const attrs = {
        strides: [1 + pick(3), 1 + pick(3)],
        pads: [pick(3), pick(3), pick(3), pick(3)],
        dilations: [1 + pick(2), 1 + pick(2)],
        group,
      };
      const H = KH * attrs.dilations[0]! + pick(5);
      const Wd = KW * attrs.dilations[1]! + pick(5);
      const w = tensor('W', [M, C / group, KH, KW], r);
      const b = pick(2) === 0 ? null : tensor('b', [M], r);
      const xs = [1, C, H, Wd];
      const x = f64(r, C * H * Wd);
      const g = single('Conv', xs, attrs, b === null ? [w] : [w, b]);
      const got = run(g, x);
      const want = naiveConv(x, xs, w, b?.data ?? null, attrs);
      // Same summation order, so the results agree exactly.
      expect(got).toEqual(want);
    }
  });
});

describe('pools', () => {
  const k2p1 = { kernel: [2, 2], pads: [1, 1, 1, 1] };
  it('MaxPool ignores padding', () => {
    expect(run(single('MaxPool', [1, 1, 2, 2], k2p1), [1, 2, 3, 4])).toEqual([1, 2, 2, 3, 4, 4, 3, 4, 4]);
    expect(run(single('MaxPool', [1, 1, 2, 2], k2p1), [-1, -2, -3, -4])).toEqual([-1, -1, -2, -1, -1, -2, -3, -3, -4]);
  });
  it('MaxPool kernel 2 stride 2, two channels', () => {
    const g = single('MaxPool', [1, 2, 4, 4], { kernel: [2, 2], strides: [2, 2] });
    expect(run(g, [...iota(16), ...iota(16, -16)])).toEqual([6, 8, 14, 16, -11, -9, -3, -1]);
  });
  it('AveragePool with padding, countIncludePad false and true', () => {
    expect(run(single('AveragePool', [1, 1, 2, 2], k2p1), [1, 2, 3, 4])).toEqual([1, 1.5, 2, 2, 2.5, 3, 3, 3.5, 4]);
    expect(run(single('AveragePool', [1, 1, 2, 2], { ...k2p1, countIncludePad: true }), [1, 2, 3, 4])).toEqual([
      0.25, 0.75, 0.5, 1, 2.5, 1.5, 0.75, 1.75, 1,
    ]);
  });
  it('AveragePool 3x3 stride 2 without padding', () => {
    expect(run(single('AveragePool', [1, 1, 3, 5], { kernel: [3, 3], strides: [2, 2] }), iota(15))).toEqual([7, 9]);
  });
  it('GlobalAveragePool', () => {
    expect(run(single('GlobalAveragePool', [1, 2, 2, 2]), iota(8))).toEqual([2.5, 6.5]);
  });
});

describe('activations', () => {
  it('Relu, Clip, LeakyRelu', () => {
    expect(run(single('Relu', [1, 3]), [-1, 0, 2])).toEqual([0, 0, 2]);
    expect(run(single('Clip', [1, 3], { min: 0, max: 6 }), [-1, 3, 7])).toEqual([0, 3, 6]);
    expect(run(single('Clip', [1, 3], { max: 1 }), [-100, 0.5, 7])).toEqual([-100, 0.5, 1]);
    expect(run(single('LeakyRelu', [1, 2], { alpha: 0.25 }), [-8, 5])).toEqual([-2, 5]);
    expect(run(single('LeakyRelu', [1, 2]), [-100, 5])).toEqual([-1, 5]);
  });
  it('Sigmoid is finite at the extremes, Tanh', () => {
    const y = run(single('Sigmoid', [1, 4]), [0, 800, -800, 2]);
    expect(y.slice(0, 3)).toEqual([0.5, 1, 0]);
    expect(y[3]).toBeCloseTo(0.8807970779778823, 15);
    close(run(single('Tanh', [1, 3]), [0, 1, -30]), [0, 0.7615941559557649, -1]);
  });
  it('Softmax is stable and works per row', () => {
    close(run(single('Softmax', [1, 3]), [1, 2, 3]), [0.09003057317038046, 0.24472847105479764, 0.6652409557748219]);
    expect(run(single('Softmax', [1, 2]), [1000, 1000])).toEqual([0.5, 0.5]);
    close(run(single('Softmax', [1, 2, 2], { axis: 2 }), [0, 0, -1000, 1000]), [0.5, 0.5, 0, 1]);
  });
});

describe('Add and Mul', () => {
  it('tensor with tensor', () => {
    const g = graph(['x', [1, 3]], [node('r', 'Relu', ['x']), node('a', 'Add', ['r', 'x']), node('m', 'Mul', ['a', 'x'])]);
    expect(run(g, [-1, 2, 3])).toEqual([1, 8, 18]);
  });
  it('scalar constant, either operand order', () => {
    expect(run(single('Add', [1, 2], {}, [tensor('k', [1], [0.5])]), [1, 2])).toEqual([1.5, 2.5]);
    const g = graph(['x', [1, 2]], [node('n', 'Mul', ['k', 'x'])], [tensor('k', [], [3])]);
    expect(run(g, [1, 2])).toEqual([3, 6]);
  });
  it('per-channel constant ([C,1,1] and [1,C,1,1])', () => {
    expect(run(single('Add', [1, 2, 2, 1], {}, [tensor('k', [2, 1, 1], [10, 20])]), [1, 2, 3, 4])).toEqual([11, 12, 23, 24]);
    expect(run(single('Mul', [1, 2, 2, 1], {}, [tensor('k', [1, 2, 1, 1], [10, -1])]), [1, 2, 3, 4])).toEqual([10, 20, -3, -4]);
  });
  it('[N] constant on a [1, N] tensor, and a full-shape constant', () => {
    expect(run(single('Add', [1, 3], {}, [tensor('k', [3], [1, 2, 3])]), [1, 1, 1])).toEqual([2, 3, 4]);
    expect(run(single('Mul', [1, 1, 2, 2], {}, [tensor('k', [1, 1, 2, 2], [1, 2, 3, 4])]), [1, 1, 2, 2])).toEqual([1, 2, 6, 8]);
  });
});

describe('Concat, Flatten, Reshape', () => {
  it('Concat along channels', () => {
    const g = graph(
      ['x', [1, 1, 2, 2]],
      [node('a', 'Relu', ['x']), node('b', 'Mul', ['x', 'two']), node('c', 'Concat', ['a', 'b', 'x'], { axis: 1 })],
      [tensor('two', [1], [2])],
    );
    expect(run(g, [-1, 2, -3, 4])).toEqual([0, 2, 0, 4, -2, 4, -6, 8, -1, 2, -3, 4]);
    expect(createF64Engine(g).trace(f64([-1, 2, -3, 4])).get('c')!.length).toBe(12);
  });
  it('Flatten and Reshape keep NCHW order', () => {
    expect(run(single('Flatten', [1, 2, 2, 2]), iota(8))).toEqual(iota(8));
    const g = graph(['x', [1, 8]], [node('r', 'Reshape', ['x'], { shape: [0, 2, -1, 2] }), node('s', 'Relu', ['r'])]);
    expect(run(g, iota(8, -3))).toEqual([0, 0, 0, 0, 1, 2, 3, 4]);
  });
});

describe('BatchNormalization (reference, unfolded)', () => {
  it('normalizes per channel', () => {
    const p = (n: string, v: number[]): Tensor => tensor(n, [2], v);
    const g = graph(
      ['x', [1, 2, 1, 2]],
      [node('bn', 'BatchNormalization', ['x', 's', 'b', 'm', 'v'], { epsilon: 0 })],
      [p('s', [2, 1]), p('b', [0, 1]), p('m', [1, 3]), p('v', [4, 1])],
    );
    expect(run(g, [1, 2, 3, 4])).toEqual([0, 1, 1, 2]);
  });
});

describe('engine', () => {
  const g = graph(
    ['x', [1, 1, 4, 4]],
    [
      node('conv', 'Conv', ['x', 'W', 'b'], { pads: [1, 1, 1, 1] }),
      node('relu', 'Relu', ['conv']),
      node('pool', 'MaxPool', ['relu'], { kernel: [2, 2], strides: [2, 2] }),
      node('flat', 'Flatten', ['pool']),
      node('fc', 'Gemm', ['flat', 'F']),
      node('sm', 'Softmax', ['fc']),
    ],
    [tensor('W', [2, 1, 3, 3], noise(1)), tensor('b', [2], [0.1, -0.1]), tensor('F', [3, 8], noise(2))],
  );
  it('trace keys every node and agrees with run; runs are repeatable', () => {
    const e = createF64Engine(g);
    const x = f64(noise(3), 16);
    const y1 = e.run(x);
    const t = e.trace(x);
    expect([...t.keys()]).toEqual(['conv', 'relu', 'pool', 'flat', 'fc', 'sm']);
    expect(Array.from(t.get('sm')!)).toEqual(Array.from(y1));
    expect(t.get('conv')!.length).toBe(32);
    expect(Array.from(t.get('relu')!)).toEqual(Array.from(t.get('conv')!, (v) => Math.max(v, 0)));
    expect(Array.from(t.get('flat')!)).toEqual(Array.from(t.get('pool')!));
    const y2 = e.run(x);
    expect(Array.from(y2)).toEqual(Array.from(y1));
    y2[0] = 99;
    expect(e.run(x)[0]).toBe(y1[0]);
    expect(e.name).toBe('f64');
    expect(e.weightBytes).toBe(8 * (18 + 2 + 24));
  });
  it('rejects an input of the wrong length', () => {
    expect(() => createF64Engine(g).run(new Float64Array(15))).toThrowError(ModelError);
    expect(() => createF64Engine(g).run(new Float64Array(15))).toThrowError(/needs 16 values/);
  });
});
