/**
 * Initializers in every element type and storage form the importer reads, the graph input (dynamic batch, symbolic
 * dimensions, initializers listed as inputs), names, opsets, and the notes the importer reports.
 */
import { describe, expect, it } from 'vitest';
import { importOnnx } from '../../../src/inference/onnx/index.js';
import { type Dim, type Dtype, encode, int, ints, model, modelProto, n, tensor, values } from './build.js';
import { convRef, expectClose, run } from './reference.js';

/** y = x·W^T for x [1, 3] and W [2, 3] stored as `dtype`, raw or typed. */
function gemmWith(w: number[], dtype: Dtype, raw: boolean): Uint8Array {
  return model({
    input: ['x', [1, 3]],
    nodes: [n('Gemm', ['x', 'W', 'C'], 'y', { transB: int(1) })],
    inits: [tensor('W', [2, 3], w, dtype, raw), tensor('C', [2], [0.25, -0.5], dtype, raw)],
  });
}

describe('initializers', () => {
  const x = [1, -2, 0.5];
  const expected = (w: number[]): number[] => [0, 1].map((o) => x.reduce((s, v, k) => s + v * w[o * 3 + k]!, 0) + [0.25, -0.5][o]!);

  for (const raw of [false, true]) {
    const form = raw ? 'raw_data' : 'typed field';
    it(`float32 in the ${form}`, () => {
      const w = values(6, 1);
      expect(run(gemmWith(w, 'float32', raw), x)).toEqual(expected(w));
    });
    it(`float16 in the ${form}, including subnormals and the largest finite value`, () => {
      const w = [0.5, -1.25, 2 ** -24, 65504, -3 * 2 ** -20, 0.0999755859375];
      expect(run(gemmWith(w, 'float16', raw), x)).toEqual(expected(w));
    });
    it(`bfloat16 in the ${form}`, () => {
      const w = [0.5, -1.25, 3.140625, 2 ** -126, -1e30, 7];
      const bf = w.map((v) => {
        const view = new DataView(new ArrayBuffer(4));
        view.setFloat32(0, v);
        view.setUint32(0, view.getUint32(0) & 0xffff0000);
        return view.getFloat32(0);
      });
      expect(run(gemmWith(bf, 'bfloat16', raw), x)).toEqual(expected(bf));
    });
    it(`float64 in the ${form}, kept to the last bit`, () => {
      const w = [0.1, -1 / 3, Math.PI, 1e-300, 2 ** 60, -0.7];
      const g = importOnnx(gemmWith(w, 'float64', raw));
      expect(Array.from(g.initializers.get('W')!.data)).toEqual(w);
      expect(run(gemmWith(w, 'float64', raw), x)).toEqual(expected(w));
    });
  }

  it('raw data that is not aligned in the file is read correctly', () => {
    // A one-byte name shifts the following raw bytes to an odd offset.
    const w = values(6, 2);
    const bytes = model({
      input: ['x', [1, 3]],
      nodes: [n('Gemm', ['x', 'W'], 'y', { transB: int(1) })],
      inits: [{ ...tensor('W', [2, 3], w, 'float32', true), docString: 'a' }],
    });
    expect(run(bytes, x)).toEqual(expected(w).map((v, i) => v - [0.25, -0.5][i]!));
  });

  it('scalar initializers (dims []) and one-element ones', () => {
    const bytes = model({
      input: ['x', [1, 3]],
      nodes: [n('Mul', ['x', 's'], 'm'), n('Add', ['m', 't'], 'y')],
      inits: [tensor('s', [], [2], 'float64', true), tensor('t', [1, 1], [0.5], 'float16')],
    });
    expect(run(bytes, x)).toEqual([2.5, -3.5, 1.5]);
  });

  it('unused initializers are ignored, even of types the importer does not read', () => {
    const bytes = model({
      input: ['x', [1, 3]],
      nodes: [n('Relu', ['x'], 'y')],
      inits: [{ name: 'text', dims: [1], dataType: 8, stringData: [new TextEncoder().encode('hi')] }, tensor('nan', [1], [NaN])],
    });
    const g = importOnnx(bytes);
    expect(g.initializers.size).toBe(0);
    expect(run(bytes, x)).toEqual([1, 0, 0.5]);
  });

  it('initializers also listed as graph inputs (IR version 3) are constants', () => {
    const bytes = model({
      input: ['x', [1, 3]],
      nodes: [n('Gemm', ['x', 'W'], 'y', { transB: int(1) })],
      inits: [tensor('W', [1, 3], [1, 1, 1])],
      initsAsInputs: true,
    });
    expect(importOnnx(bytes).inputs).toEqual([{ name: 'x', shape: [1, 3] }]);
    expect(run(bytes, x)).toEqual([-0.5]);
  });
});

describe('the graph input', () => {
  const relu = (dims: Dim[] | null, options = {}): { shape: readonly number[]; notes: string[] } => {
    const notes: string[] = [];
    const g = importOnnx(model({ input: ['x', dims], nodes: [n('Relu', ['x'], 'y')] }), { ...options, onNote: (s) => notes.push(s) });
    return { shape: g.inputs[0]!.shape, notes };
  };

  it('a dynamic batch (dim_param, 0, -1 or unknown) becomes 1 and the per-sample shape is reported', () => {
    for (const batch of ['N', 0, -1, null] as Dim[]) {
      const { shape, notes } = relu([batch, 3, 2]);
      expect(shape).toEqual([1, 3, 2]);
      expect(notes.some((s) => /dynamic batch dimension/.test(s)), JSON.stringify(batch)).toBe(true);
      expect(notes).toContain('graph input "x": per-sample shape [1, 3, 2]');
    }
    expect(relu(['batch', 3]).notes[0]).toBe('graph input "x": dynamic batch dimension "batch" set to 1');
  });

  it('a fixed batch of 1 is taken as it is', () => {
    const { shape, notes } = relu([1, 4]);
    expect(shape).toEqual([1, 4]);
    expect(notes.some((s) => /dynamic/.test(s))).toBe(false);
  });

  it('options.inputShape fixes symbolic spatial dimensions', () => {
    const w = values(2 * 3 * 3 * 3, 3);
    const bytes = model({
      input: ['x', ['N', 3, 'H', 'W']],
      nodes: [n('Conv', ['x', 'K'], 'y', { pads: ints([1, 1, 1, 1]) })],
      inits: [tensor('K', [2, 3, 3, 3], w)],
    });
    const g = importOnnx(bytes, { inputShape: [1, 3, 4, 5] });
    expect(g.inputs[0]!.shape).toEqual([1, 3, 4, 5]);
    expect(g.outputs[0]!.shape).toEqual([1, 2, 4, 5]);
    const xs = values(60, 4);
    expectClose(run(bytes, xs, { inputShape: [1, 3, 4, 5] }), convRef(xs, [3, 4, 5], w, [2, 3, 3, 3], null, { pads: [1, 1, 1, 1] }).y, 1e-14);
    // A shape-less input needs it too.
    expect(relu(null, { inputShape: [1, 7] }).shape).toEqual([1, 7]);
  });
});

describe('names, opsets and notes', () => {
  it('the graph name comes from the file, or from options.name', () => {
    const bytes = model({ name: 'tiny', input: ['x', [1, 2]], nodes: [n('Relu', ['x'], 'y')] });
    expect(importOnnx(bytes).name).toBe('tiny');
    expect(importOnnx(bytes, { name: 'other' }).name).toBe('other');
  });

  it('nodes without a name or with a repeated one get unique names', () => {
    const proto = modelProto({ input: ['x', [1, 2]], nodes: [n('Relu', ['x'], 'a'), n('Sigmoid', ['a'], 'b'), n('Tanh', ['b'], 'y')] });
    const nodes = proto.graph!.node!;
    nodes[0]!.name = '';
    nodes[1]!.name = 'same';
    nodes[2]!.name = 'same';
    const g = importOnnx(encode(proto));
    expect(g.nodes.map((v) => v.name)).toEqual(['Relu_0', 'Sigmoid_1', 'Tanh_2']);
  });

  it('nodes the output does not depend on are dropped, even unsupported ones', () => {
    const notes: string[] = [];
    const bytes = model({
      input: ['x', [1, 2]],
      nodes: [n('Relu', ['x'], 'y'), n('Shape', ['x'], 'shape'), n('Tanh', ['x'], 'unused')],
      output: 'y',
    });
    const g = importOnnx(bytes, { onNote: (s) => notes.push(s) });
    expect(g.nodes.map((v) => v.op)).toEqual(['Relu']);
    expect(notes).toContain('2 node(s) that do not contribute to the output were dropped');
  });

  it('opsets 7 and 20 are accepted; the output shape is the inferred one', () => {
    for (const opset of [7, 11, 18, 20]) {
      const g = importOnnx(model({ opset, input: ['x', ['N', 2, 3]], nodes: [n('Flatten', ['x'], 'y')], outputDims: ['N', 6] }));
      expect(g.outputs[0]).toEqual({ name: 'y', shape: [1, 6] });
    }
  });

  it('a declared output shape that disagrees with the computed one is noted', () => {
    const notes: string[] = [];
    importOnnx(model({ input: ['x', [1, 2, 3]], nodes: [n('Flatten', ['x'], 'y')], outputDims: [1, 5] }), { onNote: (s) => notes.push(s) });
    expect(notes).toContain('graph output "y" is declared [1, 5] but computes to [1, 6]');
  });

  it('a GELU fusion is reported', () => {
    const notes: string[] = [];
    importOnnx(
      model({
        opset: 13,
        input: ['x', [1, 2]],
        nodes: [n('Div', ['x', 'r'], 'a'), n('Erf', ['a'], 'e'), n('Add', ['e', 'o'], 'p'), n('Mul', ['x', 'p'], 'q'), n('Mul', ['q', 'h'], 'y')],
        inits: [tensor('r', [], [Math.SQRT2]), tensor('o', [], [1]), tensor('h', [], [0.5])],
      }),
      { onNote: (s) => notes.push(s) },
    );
    expect(notes).toContain('1 exact GELU pattern(s) (Div, Erf, Add, Mul, Mul) fused into Gelu');
  });
});
