/**
 * Conv in every soft engine against the independent references of reference.ts, bit for bit, over random geometries
 * (strides, asymmetric pads, dilations, groups, depthwise, 1×1 kernels, with and without bias), filters long enough
 * to force the exact accumulator's flushes, and Inf/NaN inputs. The reference lists each output's taps naively in
 * the spec's order (ci, ky, kx), padded taps skipped.
 */
import { describe, expect, it } from 'vitest';
import { createSoftEngine } from '../../../../src/inference/engines/soft/index.js';
import type { NodeAttributes } from '../../../../src/inference/model/graph.js';
import { graph, node, tensor } from '../../model/graphs.js';
import { type Fmt, type Policy, Rng, dot, mismatches, rnd } from './reference.js';

const FORMATS: readonly Fmt[] = ['f32', 'f16', 'bf16'];
const POLICIES: readonly Policy[] = ['sequential', 'f32acc', 'exact'];

interface Geometry {
  C: number;
  H: number;
  W: number;
  M: number;
  kh: number;
  kw: number;
  group: number;
  strides: [number, number];
  pads: [number, number, number, number];
  dilations: [number, number];
}

function expected(fmt: Fmt, policy: Policy, g: Geometry, x: number[], w: number[], b: number[] | null): number[] {
  const { C, H, W, M, kh, kw, group, strides, pads, dilations } = g;
  const outH = Math.floor((H + pads[0] + pads[2] - (dilations[0] * (kh - 1) + 1)) / strides[0]) + 1;
  const outW = Math.floor((W + pads[1] + pads[3] - (dilations[1] * (kw - 1) + 1)) / strides[1]) + 1;
  const cg = C / group;
  const mg = M / group;
  const out: number[] = [];
  for (let m = 0; m < M; m++) {
    const grp = Math.floor(m / mg);
    for (let oy = 0; oy < outH; oy++) {
      for (let ox = 0; ox < outW; ox++) {
        const xs: number[] = [];
        const ws: number[] = [];
        for (let ci = 0; ci < cg; ci++) {
          for (let ky = 0; ky < kh; ky++) {
            const iy = oy * strides[0] - pads[0] + ky * dilations[0];
            if (iy < 0 || iy >= H) continue;
            for (let kx = 0; kx < kw; kx++) {
              const ix = ox * strides[1] - pads[1] + kx * dilations[1];
              if (ix < 0 || ix >= W) continue;
              xs.push(rnd(fmt, x[((grp * cg + ci) * H + iy) * W + ix]!));
              ws.push(rnd(fmt, w[((m * cg + ci) * kh + ky) * kw + kx]!));
            }
          }
        }
        out.push(dot(policy, fmt, xs, ws, b === null ? null : rnd(fmt, b[m]!)));
      }
    }
  }
  return out;
}

function check(fmt: Fmt, policy: Policy, g: Geometry, x: number[], w: number[], b: number[] | null): void {
  const attrs: NodeAttributes = { strides: g.strides, pads: g.pads, dilations: g.dilations, group: g.group };
  const inits = [tensor('W', [g.M, g.C / g.group, g.kh, g.kw], w)];
  if (b !== null) inits.push(tensor('b', [g.M], b));
  const model = graph(['x', [1, g.C, g.H, g.W]], [node('conv', 'Conv', ['x', 'W', ...(b ? ['b'] : [])], attrs)], inits);
  const got = createSoftEngine(model, { format: fmt, accumulation: policy }).run(Float64Array.from(x));
  const bad = mismatches(got, expected(fmt, policy, g, x, w, b));
  expect(bad, `${JSON.stringify(g)}\n${bad.join('\n')}`).toEqual([]);
}

function randomGeometry(rng: Rng): Geometry {
  const group = rng.pick([1, 1, 2, 3]);
  const depthwise = rng.next() < 0.2;
  const C = depthwise ? rng.int(1, 4) : group * rng.int(1, 3);
  const g = depthwise ? C : group;
  const M = g * rng.int(1, 2);
  const kh = rng.int(1, 4);
  const kw = rng.int(1, 4);
  const dilations: [number, number] = [rng.pick([1, 1, 2]), rng.pick([1, 1, 2])];
  const pads: [number, number, number, number] = [rng.int(0, 2), rng.int(0, 2), rng.int(0, 2), rng.int(0, 2)];
  const strides: [number, number] = [rng.int(1, 3), rng.int(1, 3)];
  const H = Math.max(1, dilations[0] * (kh - 1) + 1 - pads[0] - pads[2]) + rng.int(0, 5);
  const W = Math.max(1, dilations[1] * (kw - 1) + 1 - pads[1] - pads[3]) + rng.int(0, 5);
  return { C, H, W, M, kh, kw, group: g, strides, pads, dilations };
}

describe.each(FORMATS)('Conv, %s', (fmt) => {
  const wide: [number, number] = fmt === 'f16' ? [-24, 6] : [-120, 50];
  describe.each(POLICIES)('%s', (policy) => {
    it('random geometries, network exponents and the full range', () => {
      const rng = new Rng(fmt.length * 31 + policy.length);
      for (let trial = 0; trial < 40; trial++) {
        const g = randomGeometry(rng);
        const [we, xe]: [number, number][] = trial % 2 === 0 ? [[-10, 0], [-6, 3]] : [wide, wide];
        const w = Array.from({ length: g.M * (g.C / g.group) * g.kh * g.kw }, () => rng.value(...we, 0.1));
        const b = rng.next() < 0.7 ? Array.from({ length: g.M }, () => rng.value(...we, 0.2)) : null;
        const x = Array.from({ length: g.C * g.H * g.W }, () => rng.value(...xe, 0.3));
        check(fmt, policy, g, x, w, b);
      }
    });

    it('Inf and NaN inputs, and a padded tap next to an infinite weight', () => {
      const g: Geometry = { C: 1, H: 3, W: 3, M: 2, kh: 3, kw: 3, group: 1, strides: [1, 1], pads: [1, 1, 1, 1], dilations: [1, 1] };
      const w = Array.from({ length: 18 }, (_, i) => (i % 5) - 2);
      const big = fmt === 'f16' ? 1e6 : 1e40;
      check(fmt, policy, g, [1, 2, 3, 4, NaN, 6, 7, 8, 9], w, [1, -1]);
      check(fmt, policy, g, [1, 2, 3, 4, Infinity, 6, 7, 8, 9], w, null);
      check(fmt, policy, g, [1, 2, 3, 4, 5, 6, 7, 8, 9], w.map((v, i) => (i === 0 ? big : v)), [0, -0]);
    });
  });

  it('exact: long filters force carry flushes', () => {
    const C = fmt === 'f32' ? 15 : fmt === 'f16' ? 60 : 4;
    const g: Geometry = { C, H: 4, W: 4, M: 2, kh: 3, kw: 3, group: 1, strides: [1, 1], pads: [1, 1, 1, 1], dilations: [1, 1] };
    const top = fmt === 'f32' ? (2048 * 4096 + 4095) * 2 ** -23 : fmt === 'f16' ? 2 - 2 ** -10 : 2 - 2 ** -7;
    const topX = fmt === 'f32' ? (2049 * 4096 + 4095) * 2 ** -23 : top;
    const w = Array.from({ length: 2 * C * 9 }, (_, i) => (i < C * 9 ? top : i % 2 ? top : -top));
    const x = Array.from({ length: C * 16 }, () => topX);
    check(fmt, 'exact', g, x, w, [top, -top]);
    check(fmt, 'exact', g, x.map((v) => -v), w, null);
    const ones = fmt === 'f32' ? 2 - 2 ** -23 : top;
    check(fmt, 'exact', g, x.map(() => -ones), w.map(() => -ones), null);
  });
});
