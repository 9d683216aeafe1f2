/**
 * The soft engines' other operators against independent references (reference.ts; exp, tanh and sigmoid are taken
 * from the library's correctly rounded words, which their own tests check), bit for bit: pools with every policy,
 * activations, softmax, Add/Mul with each broadcast, copies, traces, and the engine leaving the caller's
 * floating-point environment alone.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { env, round_min, round_near_even } from '../../../../src/env/environment.js';
import { createF64Engine } from '../../../../src/inference/engines/f64/engine.js';
import { createSoftEngine } from '../../../../src/inference/engines/soft/index.js';
import type { Graph, NodeAttributes, OpType, Tensor } from '../../../../src/inference/model/graph.js';
import { bf16_exp, f16_exp, f32_exp } from '../../../../src/math/exp.js';
import { graph, node, single, tensor } from '../../model/graphs.js';
import { type Fmt, type Policy, Rng, exactDot, fromDouble, mismatches, rnd, toDouble } from './reference.js';

const FORMATS: readonly Fmt[] = ['f32', 'f16', 'bf16'];
const POLICIES: readonly Policy[] = ['sequential', 'f32acc', 'exact'];

function run(g: Graph, fmt: Fmt, policy: Policy, x: number[]): Float64Array {
  return createSoftEngine(g, { format: fmt, accumulation: policy }).run(Float64Array.from(x));
}

function expectBits(actual: ArrayLike<number>, expected: ArrayLike<number>, what = ''): void {
  const bad = mismatches(actual, expected);
  expect(bad, `${what}\n${bad.join('\n')}`).toEqual([]);
}

/** Sum of already rounded values under a policy, and its division by n (f32acc divides in binary32). */
function policyMean(fmt: Fmt, policy: Policy, vs: readonly number[], n: number): number {
  if (policy === 'f32acc') {
    let s = 0;
    for (const v of vs) s = Math.fround(s + v);
    return rnd(fmt, Math.fround(s / n));
  }
  let s = 0;
  if (policy === 'exact') s = exactDot(fmt, vs, vs.map(() => 1), null);
  else for (const v of vs) s = rnd(fmt, s + v);
  return rnd(fmt, s / rnd(fmt, n));
}

function policySum(fmt: Fmt, policy: Policy, vs: readonly number[]): number {
  if (policy === 'exact') return exactDot(fmt, vs, vs.map(() => 1), null);
  let s = 0;
  for (const v of vs) s = policy === 'f32acc' ? Math.fround(s + v) : rnd(fmt, s + v);
  return s;
}

describe.each(FORMATS)('%s', (fmt) => {
  const rng = new Rng(fmt.length * 7);
  const xs = (n: number, lo = -6, hi = 4, zeros = 0.1): number[] => Array.from({ length: n }, () => rng.value(lo, hi, zeros));

  describe.each(POLICIES)('%s', (policy) => {
    it('AveragePool (with and without counting padding) and GlobalAveragePool', () => {
      for (const countIncludePad of [false, true]) {
        const attrs: NodeAttributes = { kernel: [3, 2], strides: [2, 1], pads: [1, 1, 2, 0], countIncludePad };
        const [C, H, W] = [2, 5, 4];
        const x = xs(C * H * W);
        const got = run(single('AveragePool', [1, C, H, W], attrs), fmt, policy, x);
        const want: number[] = [];
        const outH = Math.floor((H + 3 - 3) / 2) + 1;
        const outW = Math.floor((W + 1 - 2) / 1) + 1;
        for (let c = 0; c < C; c++) {
          for (let oy = 0; oy < outH; oy++) {
            for (let ox = 0; ox < outW; ox++) {
              const vs: number[] = [];
              for (let ky = 0; ky < 3; ky++) {
                for (let kx = 0; kx < 2; kx++) {
                  const iy = oy * 2 - 1 + ky;
                  const ix = ox - 1 + kx;
                  if (iy >= 0 && iy < H && ix >= 0 && ix < W) vs.push(rnd(fmt, x[(c * H + iy) * W + ix]!));
                }
              }
              want.push(policyMean(fmt, policy, vs, countIncludePad ? 6 : vs.length));
            }
          }
        }
        expectBits(got, want, `countIncludePad ${countIncludePad}`);
      }
      const x = xs(3 * 7 * 5);
      const want = [0, 1, 2].map((c) => policyMean(fmt, policy, x.slice(c * 35, c * 35 + 35).map((v) => rnd(fmt, v)), 35));
      expectBits(run(single('GlobalAveragePool', [1, 3, 7, 5]), fmt, policy, x), want);
    });

    it('Softmax: max subtraction, exp, the policy sum, division', () => {
      const exp = fmt === 'f32' ? f32_exp : fmt === 'f16' ? f16_exp : bf16_exp;
      for (const scale of [1, 8]) {
        const x = xs(12, -4, 3, 0.1).map((v) => v * scale);
        const got = run(single('Softmax', [1, 3, 4], { axis: -1 }), fmt, policy, x);
        const want: number[] = [];
        for (let r = 0; r < 3; r++) {
          const row = x.slice(r * 4, r * 4 + 4).map((v) => rnd(fmt, v));
          const m = row.reduce((a, v) => (v > a ? v : a), -Infinity);
          const es = row.map((v) => toDouble(fmt, exp(fromDouble(fmt, rnd(fmt, v - m)))));
          const s = policySum(fmt, policy, es);
          for (const e of es) want.push(policy === 'f32acc' ? rnd(fmt, Math.fround(e / s)) : rnd(fmt, e / rnd(fmt, s)));
        }
        expectBits(got, want, `scale ${scale}`);
      }
    });
  });

  it('MaxPool: padding never wins, NaN never wins', () => {
    const attrs: NodeAttributes = { kernel: [2, 3], strides: [1, 2], pads: [1, 2, 1, 1] };
    const [H, W] = [3, 4];
    const x = xs(H * W, -6, 4, 0.2);
    x[5] = NaN;
    const got = run(single('MaxPool', [1, 1, H, W], attrs), fmt, 'exact', x);
    const want: number[] = [];
    for (let oy = 0; oy < 4; oy++) {
      for (let ox = 0; ox < Math.floor((W + 3 - 3) / 2) + 1; ox++) {
        let m = -Infinity;
        for (let ky = 0; ky < 2; ky++) {
          for (let kx = 0; kx < 3; kx++) {
            const iy = oy - 1 + ky;
            const ix = ox * 2 - 2 + kx;
            if (iy >= 0 && iy < H && ix >= 0 && ix < W) {
              const v = rnd(fmt, x[iy * W + ix]!);
              if (v > m) m = v;
            }
          }
        }
        want.push(m);
      }
    }
    expectBits(got, want);
  });

  it('Relu, Clip, LeakyRelu (signed zeros and NaN pass through as in the reference)', () => {
    const x = [...xs(20), -0, 0, NaN, -Infinity, Infinity, 1e-30, -1e-30];
    const r = x.map((v) => rnd(fmt, v));
    expectBits(run(single('Relu', [1, x.length]), fmt, 'sequential', x), r.map((v) => (v < 0 ? 0 : v)));
    const [lo, hi] = [rnd(fmt, -0.3), rnd(fmt, 6)];
    expectBits(
      run(single('Clip', [1, x.length], { min: -0.3, max: 6 }), fmt, 'exact', x),
      r.map((v) => (v < lo ? lo : v > hi ? hi : v)),
    );
    const alpha = rnd(fmt, 0.1);
    expectBits(
      run(single('LeakyRelu', [1, x.length], { alpha: 0.1 }), fmt, 'f32acc', x),
      r.map((v) => (v < 0 ? rnd(fmt, alpha * v) : v)),
    );
    expectBits(
      run(single('LeakyRelu', [1, x.length]), fmt, 'exact', x),
      r.map((v) => (v < 0 ? rnd(fmt, rnd(fmt, 0.01) * v) : v)),
    );
  });

  const mathDir = fileURLToPath(new URL('../../../../src/math/', import.meta.url));
  it.skipIf(!existsSync(`${mathDir}tanh.ts`) || !existsSync(`${mathDir}sigmoid.ts`))('Sigmoid and Tanh are the library functions', async () => {
    const tanhModule = (await import(`${mathDir}tanh.ts`)) as Record<string, (a: number) => number>;
    const sigmoidModule = (await import(`${mathDir}sigmoid.ts`)) as Record<string, (a: number) => number>;
    const x = [...xs(30, -5, 3), -0, 0, NaN, Infinity, -Infinity];
    for (const [op, f] of [['Tanh', tanhModule[`${fmt}_tanh`]!], ['Sigmoid', sigmoidModule[`${fmt}_sigmoid`]!]] as const) {
      const want = x.map((v) => toDouble(fmt, f(fromDouble(fmt, v))));
      expectBits(run(single(op as OpType, [1, x.length]), fmt, 'exact', x), want, op);
    }
  });

  it('Add and Mul: tensor, scalar, channel and full constants, either operand order', () => {
    const [C, H, W] = [3, 2, 2];
    const n = C * H * W;
    const x = xs(n);
    const consts: [string, Tensor, (i: number) => number][] = [];
    const s = tensor('s', [1], [rng.value(-3, 3, 0)]);
    consts.push(['scalar', s, () => s.data[0]!]);
    const ch = tensor('c', [C, 1, 1], xs(C));
    consts.push(['channel', ch, (i) => ch.data[Math.floor(i / (H * W))]!]);
    const full = tensor('f', [1, C, H, W], xs(n));
    consts.push(['full', full, (i) => full.data[i]!]);
    for (const op of ['Add', 'Mul'] as const) {
      const f = (a: number, b: number): number => rnd(fmt, op === 'Add' ? a + b : a * b);
      for (const [mode, k, at] of consts) {
        for (const inputs of [['x', k.name], [k.name, 'x']]) {
          const g = graph(['x', [1, C, H, W]], [node('n', op, inputs)], [k]);
          expectBits(run(g, fmt, 'sequential', x), x.map((v, i) => f(rnd(fmt, v), rnd(fmt, at(i)))), `${op} ${mode}`);
        }
      }
      const g = graph(['x', [1, n]], [node('r', 'Relu', ['x']), node('n', op, ['x', 'r'])]);
      expectBits(run(g, fmt, 'exact', x), x.map((v) => f(rnd(fmt, v), rnd(fmt, v) < 0 ? 0 : rnd(fmt, v))), `${op} tensor`);
    }
  });

  it('Concat, Flatten and Reshape copy; trace gives every node', () => {
    const g = graph(
      ['x', [1, 2, 2, 3]],
      [
        node('flat', 'Flatten', ['x'], { axis: 1 }),
        node('relu', 'Relu', ['flat']),
        node('cat', 'Concat', ['flat', 'relu'], { axis: 1 }),
        node('shape', 'Reshape', ['cat'], { shape: [1, 4, -1] }),
      ],
    );
    const x = xs(12);
    const r = x.map((v) => rnd(fmt, v));
    const relu = r.map((v) => (v < 0 ? 0 : v));
    const engine = createSoftEngine(g, { format: fmt, accumulation: 'exact' });
    expectBits(engine.run(Float64Array.from(x)), [...r, ...relu]);
    const trace = engine.trace(Float64Array.from(x));
    expect([...trace.keys()]).toEqual(['flat', 'relu', 'cat', 'shape']);
    expectBits(trace.get('flat')!, r);
    expectBits(trace.get('relu')!, relu);
    expectBits(trace.get('shape')!, [...r, ...relu]);
  });
});

describe('exact sums longer than a flush chunk (the generic accumulator normalizes in place)', () => {
  it.each(FORMATS)('%s: GlobalAveragePool over 4096 elements, mixed and same-sign, wide exponents', (fmt) => {
    const rng = new Rng(fmt.length + 40);
    const [lo, hi] = fmt === 'f16' ? [-24, 10] : [-100, 60];
    const ulp = fmt === 'f32' ? 2 ** -23 : fmt === 'f16' ? 2 ** -10 : 2 ** -7;
    for (const sameSign of [false, true]) {
      const x = Array.from({ length: 2 * 4096 }, (_, i) => {
        if (i >= 4096) return sameSign ? -(2 - ulp) * 4 : (2 - ulp) * 4; // one bucket, largest significand
        const v = rng.value(lo, hi, 0.05);
        return sameSign ? -Math.abs(v) : v;
      });
      const want = [0, 1].map((c) => policyMean(fmt, 'exact', x.slice(c * 4096, c * 4096 + 4096).map((v) => rnd(fmt, v)), 4096));
      expectBits(run(single('GlobalAveragePool', [1, 2, 64, 64]), fmt, 'exact', x), want, `same sign ${sameSign}`);
    }
  });

  it('f32: a long dot product whose weights span more than 128 binades takes the generic path', () => {
    const rng = new Rng(77);
    const inF = 700;
    const W = Array.from({ length: 2 * inF }, (_, i) => (i % 50 === 0 ? 2 ** -140 : (i % 2 ? 1 : -1) * (2 - 2 ** -23) * 2 ** 40));
    const x = Array.from({ length: inF }, () => (2 - 2 ** -23) * 2 ** 40 * (rng.next() < 0.9 ? 1 : -1));
    const g = graph(['x', [1, inF]], [node('fc', 'Gemm', ['x', 'W', 'b'])], [tensor('W', [2, inF], W), tensor('b', [2], [2 ** -149, -1])]);
    const want = [0, 1].map((o) =>
      exactDot('f32', x.map((v) => rnd('f32', v)), W.slice(o * inF, o * inF + inF).map((v) => rnd('f32', v)), o === 0 ? 2 ** -149 : -1),
    );
    expectBits(run(g, 'f32', 'exact', x), want);
  });
});

describe('the floating-point environment', () => {
  it('runs in round-to-nearest-even whatever the mode, and leaves mode and flags untouched', () => {
    const rng = new Rng(5);
    const g = graph(['x', [1, 6]], [node('fc', 'Gemm', ['x', 'W', 'b']), node('sm', 'Softmax', ['fc'])], [
      tensor('W', [4, 6], () => rng.value(-4, 1)),
      tensor('b', [4], () => rng.value(-4, 1)),
    ]);
    const x = Float64Array.from({ length: 6 }, () => rng.value(-3, 2));
    for (const accumulation of POLICIES) {
      const reference = createSoftEngine(g, { format: 'f16', accumulation }).run(x);
      env.roundingMode = round_min;
      env.flags = 0;
      try {
        const engine = createSoftEngine(g, { format: 'f16', accumulation });
        expectBits(engine.run(x), reference);
        engine.trace(x);
        expect(env.roundingMode).toBe(round_min);
        expect(env.flags).toBe(0);
      } finally {
        env.roundingMode = round_near_even;
      }
    }
  });
});

describe('batch normalization', () => {
  it('is folded before the soft engine runs', () => {
    const rng = new Rng(11);
    const g = graph(
      ['x', [1, 2, 4, 4]],
      [node('conv', 'Conv', ['x', 'W'], { pads: [1, 1, 1, 1] }), node('bn', 'BatchNormalization', ['conv', 's', 'b', 'm', 'v'])],
      [
        tensor('W', [3, 2, 3, 3], () => rng.value(-3, 0, 0)),
        tensor('s', [3], [1, 2, 0.5]),
        tensor('b', [3], [0.1, -0.2, 0.3]),
        tensor('m', [3], [0.01, 0.02, -0.03]),
        tensor('v', [3], [1, 0.5, 2]),
      ],
    );
    const x = Float64Array.from({ length: 32 }, () => rng.value(-2, 1));
    const want = createF64Engine(g).run(x);
    const got = createSoftEngine(g, { format: 'f32', accumulation: 'exact' }).run(x);
    got.forEach((v, i) => expect(Math.abs(v - want[i]!)).toBeLessThan(1e-5 * Math.max(1, Math.abs(want[i]!))));
  });
});
