/**
 * QDQ models: QuantizeLinear/DequantizeLinear folded on weights, activation pairs left as the float value with their
 * parameters recorded in Graph.quantization, the refusals, and the fixed-point engine's `qdq` mode using the
 * recorded parameters (weight codes kept exactly).
 */
import { describe, expect, it } from 'vitest';
import { createQuantEngine } from '../../../src/inference/engines/quant/index.js';
import type { QuantEngine } from '../../../src/inference/engines/quant/prepare/engine.js';
import { ModelError } from '../../../src/inference/model/errors.js';
import { importOnnx } from '../../../src/inference/onnx/index.js';
import { type ModelSpec, int, model, n, tensor } from './build.js';
import { runGraph } from './reference.js';

/** x [1, 3] → Q/DQ (uint8, scale 1/64, zp 128) → Gemm with int8 per-channel weights and int32 bias → Q/DQ (int8). */
function qdqGemm(options: { weightAxis?: number; extra?: Partial<ModelSpec> } = {}): ModelSpec {
  const wq = [12, -127, 40, 127, 3, -64];
  return {
    opset: 13,
    input: ['x', [1, 3]],
    nodes: [
      n('QuantizeLinear', ['x', 'xs', 'xz'], 'xq'),
      n('DequantizeLinear', ['xq', 'xs', 'xz'], 'xd'),
      n('DequantizeLinear', ['wq', 'ws', 'wz'], 'w', { axis: int(options.weightAxis ?? 0) }),
      n('DequantizeLinear', ['bq', 'bs'], 'b', { axis: int(0) }),
      n('Gemm', ['xd', 'w', 'b'], 'g', { transB: int(1) }),
      n('QuantizeLinear', ['g', 'ys', 'yz'], 'yq'),
      n('DequantizeLinear', ['yq', 'ys', 'yz'], 'y'),
    ],
    inits: [
      tensor('xs', [], [1 / 64]),
      tensor('xz', [], [128], 'uint8'),
      tensor('wq', [2, 3], wq, 'int8', true),
      tensor('ws', [2], [0.01, 0.02]),
      tensor('wz', [2], [0, 0], 'int8'),
      tensor('bq', [2], [100, -50], 'int32'),
      tensor('bs', [2], [0.01 / 64, 0.02 / 64]),
      tensor('ys', [], [0.05]),
      tensor('yz', [], [0], 'int8'),
    ],
    ...options.extra,
  };
}

describe('QDQ import', () => {
  it('folds weight DequantizeLinear into binary32 constants and records every parameter', () => {
    const g = importOnnx(model(qdqGemm()));
    expect(g.nodes.map((x) => x.op)).toEqual(['Gemm']);
    const w = g.initializers.get('w')!.data;
    expect(Array.from(w)).toEqual([12, -127, 40, 127, 3, -64].map((q, i) => Math.fround(q * Math.fround(i < 3 ? 0.01 : 0.02))));
    const q = g.quantization!;
    expect(q.get('x')).toMatchObject({ type: 'uint8', axis: -1 });
    expect(q.get('x')!.zeroPoint[0]).toBe(128);
    expect(q.get('w')).toMatchObject({ type: 'int8', axis: 0 });
    expect(Array.from(q.get('w')!.scale)).toEqual([Math.fround(0.01), Math.fround(0.02)]);
    expect(q.get('b')).toMatchObject({ type: 'int32' });
    expect(q.get('y')).toMatchObject({ type: 'int8', axis: -1 });
    // The float graph computes the dequantized network without the activations' rounding.
    const x = [0.5, -0.25, 1];
    const y = runGraph(g, x);
    const expected = [0, 1].map((o) => {
      let s = o === 0 ? Math.fround(100 * Math.fround(0.01 / 64)) : Math.fround(-50 * Math.fround(0.02 / 64));
      for (let i = 0; i < 3; i++) s += x[i]! * w[o * 3 + i]!;
      return s;
    });
    expect(y[0]).toBeCloseTo(expected[0]!, 12);
    expect(y[1]).toBeCloseTo(expected[1]!, 12);
  });

  it('folds QuantizeLinear of a constant into codes (round half to even, saturated)', () => {
    const g = importOnnx(
      model({
        opset: 13,
        input: ['x', [1, 4]],
        nodes: [n('QuantizeLinear', ['c', 's', 'z'], 'cq'), n('DequantizeLinear', ['cq', 's', 'z'], 'cd'), n('Add', ['x', 'cd'], 'y')],
        inits: [tensor('c', [4], [0.25, 0.75, 100, -100]), tensor('s', [], [0.5]), tensor('z', [], [0], 'int8')],
      }),
    );
    // 0.5 → 0 (even), 1.5 → 2, 200 → 127, −200 → −128.
    expect(runGraph(g, [0, 0, 0, 0])).toEqual([0, 1, 63.5, -64]);
  });

  const refuses = (what: string, spec: ModelSpec, message: RegExp) =>
    it(`refuses ${what}`, () => {
      expect(() => importOnnx(model(spec))).toThrow(ModelError);
      expect(() => importOnnx(model(spec))).toThrow(message);
    });

  refuses(
    'a quantized activation read by anything but DequantizeLinear',
    { ...qdqGemm(), nodes: [n('QuantizeLinear', ['x', 'xs', 'xz'], 'xq'), n('Relu', ['xq'], 'y')] },
    /only DequantizeLinear may read a quantized activation/,
  );
  refuses(
    'a DequantizeLinear of a computed tensor not made by QuantizeLinear',
    { ...qdqGemm(), nodes: [n('Relu', ['x'], 'r'), n('DequantizeLinear', ['r', 'xs', 'xz'], 'y')] },
    /not by a QuantizeLinear/,
  );
  refuses(
    'a pair whose two halves disagree',
    { ...qdqGemm(), nodes: [n('QuantizeLinear', ['x', 'xs', 'xz'], 'xq'), n('DequantizeLinear', ['xq', 'ys', 'xz'], 'y')] },
    /different scale or zero point/,
  );
  refuses(
    'a quantized graph output',
    { ...qdqGemm(), nodes: [n('QuantizeLinear', ['x', 'xs', 'xz'], 'y')] },
    /quantized integers/,
  );
  refuses(
    'a non-positive scale',
    { ...qdqGemm(), inits: [...qdqGemm().inits!.filter((t) => t.name !== 'xs'), tensor('xs', [], [0])] },
    /scales must be positive/,
  );
  refuses(
    'per-channel scales that do not match the axis',
    qdqGemm({ weightAxis: 1 }),
    /2 scales for axis 1 of length 3/,
  );
});

describe('the fixed-point engine in qdq mode', () => {
  it('uses the model\'s weight codes and activation parameters', () => {
    const g = importOnnx(model(qdqGemm()));
    const calibration = [Float64Array.from([0.5, -0.25, 1])];
    const e = createQuantEngine(g, { bits: 8, scales: 'model' }, calibration) as QuantEngine;
    expect(e.name).toBe('int8-qdq');
    const input = e.params[e.plan.input]!;
    expect(input.scale).toBe(Math.fround(1 / 64));
    expect(input.zeroPoint).toBe(0); // uint8 zero point 128, stored as signed int8 codes
    const output = e.params[e.plan.output]!;
    expect(output).toEqual({ scale: Math.fround(0.05), zeroPoint: 0 });
    const gemmStep = e.plan.steps.findIndex((s) => s.kind === 'Dense');
    expect(Array.from(e.weightScales[gemmStep]!)).toEqual([Math.fround(0.01), Math.fround(0.02)]);
    // Outputs are multiples of the output scale, within one step of the float graph's.
    const y = e.run(Float64Array.from([0.5, -0.25, 1]));
    const f = runGraph(g, [0.5, -0.25, 1]);
    for (let k = 0; k < 2; k++) {
      expect(Math.abs(y[k]! / Math.fround(0.05) - Math.round(y[k]! / Math.fround(0.05)))).toBeLessThan(1e-9);
      expect(Math.abs(y[k]! - f[k]!)).toBeLessThanOrEqual(Math.fround(0.05));
    }
  });

  it('refuses a model without QDQ parameters', () => {
    const g = importOnnx(model({ input: ['x', [1, 3]], nodes: [n('Relu', ['x'], 'y')] }));
    expect(() => createQuantEngine(g, { bits: 8, scales: 'model' }, [new Float64Array(3).fill(1)])).toThrow(/no QDQ quantization parameters/);
  });
});
