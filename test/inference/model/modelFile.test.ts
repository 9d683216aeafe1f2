/** The model file: exact round trips, the byte layout, atomic saving, and one clear error per malformed file. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createF64Engine } from '../../../src/inference/engines/f64/engine.js';
import { ModelError } from '../../../src/inference/model/errors.js';
import { foldBatchNorm } from '../../../src/inference/model/foldBatchNorm.js';
import type { Graph } from '../../../src/inference/model/graph.js';
import { loadModel, readModel, saveModel, writeModel } from '../../../src/inference/model/modelFile.js';
import { f64, graph, node, noise, tensor } from './graphs.js';

const net: Graph = graph(
  ['image', [1, 2, 6, 6]],
  [
    node('conv', 'Conv', ['image', 'conv.W', 'conv.b'], { pads: [1, 1, 1, 1], strides: [2, 2], dilations: [1, 1], group: 1 }),
    node('relu6', 'Clip', ['conv'], { min: 0, max: 6 }),
    node('pool', 'AveragePool', ['relu6'], { kernel: [2, 2], pads: [0, 0, 1, 1], countIncludePad: true }),
    node('scale', 'Mul', ['pool', 'k']),
    node('flat', 'Flatten', ['scale'], { axis: 1 }),
    node('fc', 'Gemm', ['flat', 'fc.W', 'fc.b']),
    node('out', 'Softmax', ['fc'], { axis: -1 }),
  ],
  [
    tensor('conv.W', [3, 2, 3, 3], noise(1)),
    tensor('conv.b', [3], noise(2)),
    tensor('k', [1, 3, 1, 1], [1, 0.5, -2]),
    tensor('fc.W', [4, 27], noise(3)),
    tensor('fc.b', [4], [0.1, 1e-300, 3, -3]),
  ],
);

/** Everything a graph says, in comparable form. */
function describeGraph(g: Graph): unknown {
  return {
    name: g.name,
    inputs: g.inputs,
    outputs: g.outputs.map((o) => o.name),
    nodes: g.nodes.map((n) => ({ ...n, attrs: { ...n.attrs } })),
    initializers: [...g.initializers].map(([k, t]) => [k, t.name, t.shape, Array.from(t.data)]),
  };
}

interface Header {
  [key: string]: unknown;
  nodes: { op: string; inputs: string[]; attrs: Record<string, unknown> }[];
  initializers: { name: string; shape: number[]; dtype: string; byteOffset: number; byteLength: number }[];
  weightsLength: number;
}

function split(bytes: Uint8Array): { header: Header; weights: Uint8Array } {
  const len = new DataView(bytes.buffer, bytes.byteOffset).getUint32(4, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + len))) as Header;
  const start = Math.ceil((8 + len) / 8) * 8;
  return { header, weights: bytes.slice(start) };
}

function join8(header: unknown, weights: Uint8Array): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(header));
  const start = Math.ceil((8 + json.length) / 8) * 8;
  const out = new Uint8Array(start + weights.length);
  out.set([0x46, 0x50, 0x4c, 0x4d]);
  new DataView(out.buffer).setUint32(4, json.length, true);
  out.set(json, 8);
  out.set(weights, start);
  return out;
}

/** Re-encode a valid file after changing its header (and optionally its weights). */
function rewrite(bytes: Uint8Array, edit: (h: Header, w: Uint8Array) => Uint8Array | void): Uint8Array {
  const { header, weights } = split(bytes);
  const w = edit(header, weights) ?? weights;
  return join8(header, w);
}

function rejects(bytes: Uint8Array, message: RegExp): void {
  let error: unknown;
  try {
    readModel(bytes);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ModelError);
  expect((error as ModelError).message).toMatch(message);
}

describe('round trip', () => {
  it('float64 weights: read(write(g)) equals g exactly', () => {
    const back = readModel(writeModel(net, 'float64'));
    expect(describeGraph(back)).toEqual(describeGraph({ ...net, outputs: [{ name: 'out', shape: [1, 4] }] }));
    expect(back.outputs).toEqual([{ name: 'out', shape: [1, 4] }]);
    const x = f64(noise(4), 72);
    expect(Array.from(createF64Engine(back).run(x))).toEqual(Array.from(createF64Engine(net).run(x)));
  });
  it('float32 weights: every weight rounded to binary32 once', () => {
    const small: Graph = { ...net, initializers: new Map(net.initializers).set('fc.b', tensor('fc.b', [4], [0.1, 1e-50, 3e38, -3])) };
    const back = readModel(writeModel(small));
    for (const [name, t] of small.initializers) {
      expect(Array.from(back.initializers.get(name)!.data)).toEqual(Array.from(t.data, Math.fround));
    }
    expect(Array.from(back.initializers.get('fc.b')!.data)).toEqual([Math.fround(0.1), 0, Math.fround(3e38), -3]);
    // and again: a binary32 model round-trips exactly
    expect(describeGraph(readModel(writeModel(back)))).toEqual(describeGraph(back));
  });
  it('a float32 overflow is refused at write time', () => {
    const big = new Map(net.initializers).set('fc.b', tensor('fc.b', [4], [0.1, 1e-300, 1e300, -3]));
    expect(() => writeModel({ ...net, initializers: big }, 'float32')).toThrowError(/^initializer "fc.b" element 2 \(1e\+300\) overflows float32; write the model as float64$/);
  });
  it('BatchNormalization is folded on reading', () => {
    const g = graph(
      ['x', [1, 3]],
      [node('fc', 'Gemm', ['x', 'W']), node('bn', 'BatchNormalization', ['fc', 's', 'b', 'm', 'v'], { epsilon: 0.001 })],
      [tensor('W', [2, 3], noise(5)), tensor('s', [2], [1, 2]), tensor('b', [2], [0, 1]), tensor('m', [2], [0.5, 0]), tensor('v', [2], [1, 4])],
    );
    const back = readModel(writeModel(g, 'float64'));
    expect(back.nodes.map((n) => n.op)).toEqual(['Gemm']);
    expect(describeGraph(back)).toEqual(describeGraph({ ...foldBatchNorm(g), outputs: back.outputs }));
  });
  it('the byte layout is as spec/model.md says', () => {
    const bytes = writeModel(net, 'float32');
    expect(Array.from(bytes.subarray(0, 4))).toEqual([0x46, 0x50, 0x4c, 0x4d]);
    const { header, weights } = split(bytes);
    expect(header.format).toBe('fpuless-model');
    expect(header.version).toBe(1);
    expect(header.weightsLength).toBe(weights.length);
    expect(bytes.length % 8).toBe(0);
    let end = 0;
    for (const e of header.initializers) {
      expect(e.byteOffset % 8).toBe(0);
      expect(e.byteOffset).toBeGreaterThanOrEqual(end);
      expect(e.dtype).toBe('float32');
      end = e.byteOffset + e.byteLength;
    }
    const k = header.initializers.find((e) => e.name === 'k')!;
    expect(k).toEqual({ name: 'k', shape: [1, 3, 1, 1], dtype: 'float32', byteOffset: k.byteOffset, byteLength: 12 });
    const view = new DataView(weights.buffer, weights.byteOffset + k.byteOffset);
    expect([0, 1, 2].map((i) => view.getFloat32(4 * i, true))).toEqual([1, 0.5, -2]);
  });
  it('reads from a Uint8Array view that does not start its buffer', () => {
    const bytes = writeModel(net, 'float64');
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    expect(describeGraph(readModel(shifted.subarray(3)))).toEqual(describeGraph(readModel(bytes)));
  });
});

describe('malformed files: one clear ModelError each', () => {
  const good = writeModel(net, 'float64');
  it('bad magic', () => {
    const b = good.slice();
    b[0] = 0x7f;
    rejects(b, /^model file: bad magic bytes 7f 50 4c 4d; expected 46 50 4c 4d \("FPLM"\): not an fpuless model file$/);
  });
  it('truncated anywhere', () => {
    rejects(good.subarray(0, 5), /^model file: truncated: 5 bytes, fewer than the 8-byte preamble/);
    rejects(good.subarray(0, 40), /^model file: truncated: the header length is \d+ bytes, but only 32 follow the preamble$/);
    rejects(good.subarray(0, good.length - 1), /^model file: truncated: the header announces \d+ weight bytes, but only \d+ follow$/);
    const { header } = split(good);
    rejects(good.subarray(0, good.length - header.weightsLength), /^model file: truncated: the header announces/);
  });
  it('trailing bytes and non-zero padding', () => {
    const longer = new Uint8Array(good.length + 8);
    longer.set(good);
    rejects(longer, /^model file: 8 unexpected bytes after the weights$/);
    const len = new DataView(good.buffer).getUint32(4, true);
    if ((8 + len) % 8 !== 0) {
      const b = good.slice();
      b[8 + len] = 1;
      rejects(b, /^model file: padding byte at offset \d+ is 1, not 0$/);
    }
  });
  it('header not JSON, wrong format or version, unknown key', () => {
    const garbage = join8({}, new Uint8Array(0));
    garbage.set(new TextEncoder().encode('{"a'), 8);
    rejects(garbage, /^model file: the header is not valid JSON/);
    rejects(rewrite(good, (h) => void (h.format = 'onnx')), /^model file: header format is "onnx", expected "fpuless-model"$/);
    rejects(rewrite(good, (h) => void (h.version = 2)), /^model file: unsupported version 2 \(this reader knows version 1\)$/);
    rejects(rewrite(good, (h) => void (h.extra = true)), /^model file: header has an unknown key "extra"$/);
    rejects(rewrite(good, (h) => void delete (h as Record<string, unknown>).nodes), /^model file: header lacks the key "nodes"$/);
  });
  it('initializer offset or length out of range', () => {
    rejects(
      rewrite(good, (h) => void (h.initializers[4]!.byteOffset = h.weightsLength)),
      /^model file: initializer "fc.b" occupies bytes \d+ … \d+, beyond the \d+-byte weights section$/,
    );
    rejects(rewrite(good, (h) => void (h.initializers[1]!.byteOffset = 4)), /^model file: initializer "conv.b" byteOffset 4 must be a non-negative multiple of 8$/);
    rejects(rewrite(good, (h) => void (h.initializers[1]!.byteOffset = -8)), /byteOffset -8 must be a non-negative multiple of 8/);
    rejects(
      rewrite(good, (h) => void (h.initializers[1]!.byteLength = 16)),
      /^model file: initializer "conv.b" byteLength 16 does not match shape \[3\] as float64 \(24 bytes\)$/,
    );
    rejects(rewrite(good, (h) => void (h.initializers[1]!.dtype = 'int8')), /initializer "conv.b" has dtype "int8"; only "float32" and "float64" are supported/);
    rejects(rewrite(good, (h) => void (h.initializers[1]!.name = 'conv.W')), /^model file: initializer "conv.W" appears twice/);
    rejects(rewrite(good, (h) => void (h.initializers[1]!.shape = [1 << 20, 1 << 20])), /^model file: initializer "conv.b" has shape \[1048576, 1048576\]: more than 2\^28/);
  });
  it('NaN and infinite weights, naming the tensor', () => {
    const nan = rewrite(good, (h, w) => {
      const e = h.initializers.find((i) => i.name === 'fc.W')!;
      const copy = w.slice();
      new DataView(copy.buffer).setFloat64(e.byteOffset + 8 * 5, NaN, true);
      return copy;
    });
    rejects(nan, /^model file: initializer "fc.W" element 5 is NaN$/);
    const inf = rewrite(writeModel(net, 'float32'), (h, w) => {
      const e = h.initializers.find((i) => i.name === 'conv.b')!;
      const copy = w.slice();
      new DataView(copy.buffer).setFloat32(e.byteOffset + 4, -Infinity, true);
      return copy;
    });
    rejects(inf, /^model file: initializer "conv.b" element 1 is -Infinity$/);
  });
  it('unknown operator, naming the node; output shape declared or not', () => {
    const unspecified = readModel(rewrite(good, (h) => void ((h.outputs as { shape: number[] }[])[0]!.shape = [])));
    expect(unspecified.outputs).toEqual([{ name: 'out', shape: [1, 4] }]);
    rejects(rewrite(good, (h) => void ((h.outputs as { shape: number[] }[])[0]!.shape = [1, 5])), /^graph output "out" is declared \[1, 5\] but computes to \[1, 4\]$/);
    rejects(rewrite(good, (h) => void (h.nodes[1]!.op = 'Relu7')), /^node "relu6" \(Relu7\): unknown operator "Relu7"$/);
  });
  it('shape mismatch, naming the node', () => {
    const bad = rewrite(good, (h) => {
      const e = h.initializers.find((i) => i.name === 'fc.W')!;
      e.shape = [4, 9, 3];
      // same byte length, wrong rank
    });
    rejects(bad, /^node "fc" \(Gemm\): weight "fc.W" must be 2-D \[out, in\], got \[4, 9, 3\]$/);
    const wrongIn = rewrite(good, (h) => void (h.initializers.find((i) => i.name === 'fc.W')!.shape = [3, 36]));
    rejects(wrongIn, /^node "fc" \(Gemm\): weight "fc.W" has shape \[3, 36\], but the input has 27 features: expected \[3, 27\]$/);
  });
  it('bad attribute values and node structure', () => {
    rejects(rewrite(good, (h) => void (h.nodes[0]!.attrs.strides = [2, '2'])), /^node "conv" \(Conv\): attribute strides \[2,"2"\]: each value must be an integer/);
    rejects(rewrite(good, (h) => void (h.nodes[0]!.attrs = 3 as never)), /^model file: header.nodes\[0\].attrs must be an object$/);
    rejects(rewrite(good, (h) => void (h.nodes[0]!.inputs = 'image' as never)), /^model file: header.nodes\[0\].inputs must be an array$/);
    // JSON.parse makes "__proto__" an ordinary key; it must be refused like any unknown attribute
    const { header, weights } = split(good);
    const text = JSON.stringify(header).replace('"attrs":{', '"attrs":{"__proto__":{"group":2},');
    const json = new TextEncoder().encode(text);
    const proto = join8(header, weights);
    const patched = new Uint8Array(Math.ceil((8 + json.length) / 8) * 8 + weights.length);
    patched.set(proto.subarray(0, 4));
    new DataView(patched.buffer).setUint32(4, json.length, true);
    patched.set(json, 8);
    patched.set(weights, patched.length - weights.length);
    rejects(patched, /^node "conv" \(Conv\): unknown attribute __proto__$/);
  });
});

describe('saveModel / loadModel', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fpuless-model-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes atomically and reads back', () => {
    const path = join(dir, 'net.fplm');
    saveModel(path, net, 'float64');
    expect(readdirSync(dir)).toEqual(['net.fplm']);
    expect(describeGraph(loadModel(path))).toEqual(describeGraph(readModel(writeModel(net, 'float64'))));
    expect(new Uint8Array(readFileSync(path))).toEqual(writeModel(net, 'float64'));
  });
  it('an invalid graph never touches the existing file', () => {
    const path = join(dir, 'keep.fplm');
    writeFileSync(path, 'old');
    const broken: Graph = { ...net, nodes: net.nodes.slice(1) };
    expect(() => saveModel(path, broken)).toThrowError(ModelError);
    expect(readFileSync(path, 'utf8')).toBe('old');
    expect(readdirSync(dir).sort()).toEqual(['keep.fplm', 'net.fplm']);
  });
  it('a failed rename leaves no temporary file behind', () => {
    const target = join(dir, 'occupied');
    mkdirSync(join(target, 'child'), { recursive: true });
    expect(() => saveModel(target, net, 'float64')).toThrowError();
    expect(readdirSync(dir).sort()).toEqual(['keep.fplm', 'net.fplm', 'occupied']);
    expect(() => saveModel(join(dir, 'missing', 'x.fplm'), net, 'float64')).toThrowError(/ENOENT/);
  });
});
