/**
 * Gemm and MatMul in every soft engine against the independent references of reference.ts, bit for bit: random
 * layers in a neural-network-like regime and across each format's whole exponent range (subnormals, overflow),
 * dot products long enough to force the exact accumulator's carry flushes with worst-case (same sign, same
 * exponent, largest significand) terms, Inf and NaN inputs and weights, and signed zeros.
 */
import { describe, expect, it } from 'vitest';
import { createSoftEngine } from '../../../../src/inference/engines/soft/index.js';
import type { Graph } from '../../../../src/inference/model/graph.js';
import { graph, node, tensor } from '../../model/graphs.js';
import { type Fmt, type Policy, Rng, dot, mismatches, rnd } from './reference.js';

const FORMATS: readonly Fmt[] = ['f32', 'f16', 'bf16'];
const POLICIES: readonly Policy[] = ['sequential', 'f32acc', 'exact'];

/** Exponent ranges [lo, hi] of weights and inputs: a trained-network regime and the format's full range. */
const REGIMES: Record<Fmt, { name: string; w: [number, number]; x: [number, number] }[]> = {
  f32: [
    { name: 'network', w: [-12, 0], x: [-8, 3] },
    { name: 'full range', w: [-149, 60], x: [-149, 60] },
  ],
  f16: [
    { name: 'network', w: [-12, 0], x: [-8, 3] },
    { name: 'full range', w: [-24, 8], x: [-24, 8] },
  ],
  bf16: [
    { name: 'network', w: [-12, 0], x: [-8, 3] },
    { name: 'full range', w: [-133, 60], x: [-133, 60] },
  ],
};

interface Layer {
  g: Graph;
  W: Float64Array; // [out][in]
  b: Float64Array | null;
  inF: number;
  outF: number;
  rows: number;
}

function gemm(W: number[], b: number[] | null, inF: number, outF: number): Layer {
  const inits = [tensor('W', [outF, inF], W)];
  if (b !== null) inits.push(tensor('b', [outF], b));
  const g = graph(['x', [1, inF]], [node('fc', 'Gemm', ['x', 'W', ...(b !== null ? ['b'] : [])])], inits);
  return { g, W: Float64Array.from(W), b: b === null ? null : Float64Array.from(b), inF, outF, rows: 1 };
}

/** Expected outputs (as doubles) of `layer` on `x` under (fmt, policy). */
function expected(fmt: Fmt, policy: Policy, layer: Layer, x: ArrayLike<number>): number[] {
  const { W, b, inF, outF, rows } = layer;
  const out: number[] = [];
  for (let r = 0; r < rows; r++) {
    const xs = Array.from({ length: inF }, (_, k) => rnd(fmt, x[r * inF + k]!));
    for (let o = 0; o < outF; o++) {
      const ws = Array.from({ length: inF }, (_, k) => rnd(fmt, W[o * inF + k]!));
      out.push(dot(policy, fmt, xs, ws, b === null ? null : rnd(fmt, b[o]!)));
    }
  }
  return out;
}

function check(fmt: Fmt, policy: Policy, layer: Layer, x: number[]): void {
  const engine = createSoftEngine(layer.g, { format: fmt, accumulation: policy });
  const got = engine.run(Float64Array.from(x));
  const bad = mismatches(got, expected(fmt, policy, layer, x));
  expect(bad, bad.join('\n')).toEqual([]);
}

describe.each(FORMATS)('Dense, %s', (fmt) => {
  describe.each(POLICIES)('%s', (policy) => {
    for (const regime of REGIMES[fmt]) {
      it(`random layers, ${regime.name} exponents`, () => {
        const rng = new Rng(fmt.length * 1000 + policy.length * 17 + regime.name.length);
        for (let trial = 0; trial < 40; trial++) {
          const inF = rng.int(1, 40);
          const outF = rng.int(1, 8);
          const W = Array.from({ length: inF * outF }, () => rng.value(...regime.w, 0.1));
          const b = rng.next() < 0.7 ? Array.from({ length: outF }, () => rng.value(...regime.w, 0.2)) : null;
          const x = Array.from({ length: inF }, () => rng.value(...regime.x, 0.3));
          check(fmt, policy, gemm(W, b, inF, outF), x);
        }
      });
    }

    it('MatMul with several rows and a [in, out] weight', () => {
      const rng = new Rng(99);
      const inF = 7;
      const outF = 5;
      const Wt = Array.from({ length: inF * outF }, () => rng.value(-6, 1));
      const b = Array.from({ length: outF }, () => rng.value(-6, 1));
      const g = graph(['x', [1, 3, inF]], [node('mm', 'MatMul', ['x', 'W', 'b'])], [
        tensor('W', [inF, outF], Wt),
        tensor('b', [outF], b),
      ]);
      const W = new Float64Array(inF * outF);
      for (let k = 0; k < inF; k++) for (let o = 0; o < outF; o++) W[o * inF + k] = Wt[k * outF + o]!;
      const x = Array.from({ length: 3 * inF }, () => rng.value(-5, 2, 0.2));
      const layer: Layer = { g, W, b: Float64Array.from(b), inF, outF, rows: 3 };
      const got = createSoftEngine(g, { format: fmt, accumulation: policy }).run(Float64Array.from(x));
      const bad = mismatches(got, expected(fmt, policy, layer, x));
      expect(bad, bad.join('\n')).toEqual([]);
    });

    it('Inf and NaN inputs, weights that overflow the format, and products that overflow', () => {
      const big = fmt === 'f16' ? 1e5 : 1e39;
      const cases: [number[], number[], number[] | null][] = [
        [[1, NaN, 2], [1, 1, 1], [0]],
        [[1, Infinity, 2], [1, 2, 3], [1]],
        [[1, Infinity, -Infinity], [1, 2, 3], null],
        [[0, Infinity, 2], [1, 0, 3], null],
        [[big, 1, 2], [1, 1, 1], [1]],
        [[1, 2, 3], [big, 1, -1], null],
        [[0, 2, 3], [big, 1, -1], [2]],
        [[1, 2, 3], [1, 1, 1], [big]],
        [[fmt === 'f16' ? 300 : 1e30, 1, 1], [fmt === 'f16' ? 300 : 1e30, 1, 1], null],
        [[fmt === 'f16' ? 300 : 1e30, 1, 1], [fmt === 'f16' ? -300 : -1e30, 1, 1], null],
      ];
      for (const [x, W, b] of cases) check(fmt, policy, gemm(W, b, 3, 1), x);
    });

    it('signed zeros: every zero sum is +0, a lone bias keeps its value', () => {
      const cases: [number[], number[], number[] | null][] = [
        [[-0, -0], [1, 2], null],
        [[-0, 0], [1, -2], [-0]],
        [[0, 0], [-1, -2], [-0]],
        [[-1, 1], [1, 1], [-0]],
        [[-1, 1], [1, 1], null],
        [[0, 0], [0, 0], [-3]],
        [[2 ** -20, -(2 ** -20)], [2 ** -20, 2 ** -20], null],
      ];
      for (const [x, W, b] of cases) {
        const layer = gemm(W, b, 2, 1);
        check(fmt, policy, layer, x);
        const y = createSoftEngine(layer.g, { format: fmt, accumulation: policy }).run(Float64Array.from(x))[0]!;
        if (b === null || b[0] === 0) expect(Object.is(y, 0), `${x} · ${W} + ${b} gave ${Object.is(y, -0) ? '-0' : y}`).toBe(true);
      }
    });
  });

  it('exact: long same-sign dot products with the largest pieces force carry flushes', () => {
    const inF = fmt === 'f32' ? 126 * 3 + 7 : fmt === 'f16' ? 500 * 3 + 7 : 16384 * 2 + 5;
    const ulp = fmt === 'f32' ? 2 ** -23 : fmt === 'f16' ? 2 ** -10 : 2 ** -7;
    // [x, w] significand pairs (times powers of two). binary32: 2049·2^12 + 4095 by 2048·2^12 + 4095 makes the low
    // product piece largest, −(2^24 − 1) by −(2^24 − 1) the high piece (2^24 − 2).
    const pairs: [number, number][] =
      fmt === 'f32'
        ? [
            [(2049 * 4096 + 4095) * ulp, (2048 * 4096 + 4095) * ulp],
            [-(2049 * 4096 + 4095) * ulp, (2048 * 4096 + 4095) * ulp],
            [-(2 - ulp), -(2 - ulp)],
          ]
        : [
            [2 - ulp, 2 - ulp],
            [-(2 - ulp), 2 - ulp],
          ];
    for (const [xv, wv] of pairs) {
      const W = Array.from({ length: inF * 2 }, (_, i) => (i < inF ? wv : i % 3 === 0 ? -wv : wv));
      const b = [wv, -wv * 2 ** 10];
      const x = Array.from({ length: inF }, () => xv * (fmt === 'f16' ? 1 : 2 ** 20));
      const layer = gemm(W, b, inF, 2);
      const got = createSoftEngine(layer.g, { format: fmt, accumulation: 'exact' }).run(Float64Array.from(x));
      const bad = mismatches(got, expected(fmt, 'exact', layer, x));
      expect(bad, bad.join('\n')).toEqual([]);
    }
  });

  it('exact: a bias far below every product, and far above', () => {
    const tiny = fmt === 'f16' ? 2 ** -24 : 2 ** -130;
    const huge = fmt === 'f16' ? 2 ** 14 : 2 ** 100;
    for (const [b, xs] of [
      [tiny, [1, -1]],
      [tiny, [1, 0.5]],
      [-tiny, [3, 0.75]],
      [huge, [2 ** -10, 1]],
      [-huge, [huge, 1]],
    ] as [number, number[]][]) {
      check(fmt, 'exact', gemm([1, 1, 0.5, -0.25], [b, -b], 2, 2), xs);
    }
  });
});

describe('engine identity', () => {
  it('names and weight bytes', () => {
    const layer = gemm([1, 2, 3, 4, 5, 6], [1, 2], 3, 2);
    for (const format of FORMATS) {
      for (const accumulation of POLICIES) {
        const e = createSoftEngine(layer.g, { format, accumulation });
        expect(e.name).toBe(`soft-${format}-${accumulation}`);
        expect(e.weightBytes).toBe(8 * (format === 'f32' ? 4 : 2));
      }
    }
  });

  it('rejects unknown options and a wrong input length', () => {
    const layer = gemm([1, 2], null, 2, 1);
    expect(() => createSoftEngine(layer.g, { format: 'f64' as Fmt, accumulation: 'exact' })).toThrow(RangeError);
    expect(() => createSoftEngine(layer.g, { format: 'f16', accumulation: 'fast' as Policy })).toThrow(RangeError);
    const e = createSoftEngine(layer.g, { format: 'f16', accumulation: 'exact' });
    expect(() => e.run(new Float64Array(3))).toThrow(/needs 2 values/);
  });
});
