/**
 * Everything the importer refuses: each case must throw a ModelError (never return a partial graph) whose message
 * names the node, tensor or field at fault.
 */
import { describe, expect, it } from 'vitest';
import { ModelError } from '../../../src/inference/model/errors.js';
import { type OnnxImportOptions, importOnnx } from '../../../src/inference/onnx/index.js';
import { type ModelSpec, encode, float, int, ints, model, modelProto, n, str, tensor, tensorAttr, valueInfo, values } from './build.js';

function error(bytes: Uint8Array, options?: OnnxImportOptions): ModelError {
  let result: unknown;
  try {
    result = importOnnx(bytes, options);
  } catch (e) {
    expect(e).toBeInstanceOf(ModelError);
    expect((e as Error).name).toBe('ModelError');
    return e as ModelError;
  }
  throw new Error(`expected a ModelError, got a graph: ${JSON.stringify(result)}`);
}

function fails(spec: ModelSpec | Uint8Array, message: RegExp | string, options?: OnnxImportOptions): ModelError {
  const e = error(spec instanceof Uint8Array ? spec : model(spec), options);
  if (typeof message === 'string') expect(e.message).toContain(message);
  else expect(e.message).toMatch(message);
  return e;
}

const W = tensor('W', [2, 3], values(6, 1));
const gemm = (inits = [W], extra: Partial<ModelSpec> = {}): ModelSpec => ({
  input: ['x', [1, 3]],
  nodes: [n('Gemm', ['x', 'W'], 'y', { transB: int(1) })],
  inits,
  ...extra,
});

describe('unsupported operators', () => {
  it('are all listed at once, with node names, op types and domains', () => {
    const e = fails(
      {
        opset: 20,
        input: ['x', [1, 4]],
        nodes: [
          n('Erf', ['x'], 'a'),
          n('Exp', ['a'], 'b'),
          n('Exp', ['b'], 'c'),
          { ...n('FastGelu', ['c'], 'd'), domain: 'com.microsoft' },
          n('Gelu', ['d'], 'e', { approximate: str('tanh') }),
          n('Relu', ['e'], 'y'),
        ],
      },
      'onnx: 5 nodes use operators fpuless does not support: Erf ("a"); Exp ("b", "c"); com.microsoft.FastGelu ("d"); ' +
        'Gelu (approximate="tanh") ("e"). Erf is imported only as part of the exact GELU pattern',
    );
    expect(e.message).toContain('Supported: Gemm, MatMul, Add, Sub, Mul, Div, Conv,');
    expect(e.node).toBeUndefined();
  });

  it('long lists are cut after five names per operator', () => {
    const nodes = [0, 1, 2, 3, 4, 5, 6].map((i) => n('Exp', [i === 0 ? 'x' : `e${i - 1}`], `e${i}`));
    fails({ input: ['x', [1, 2]], nodes }, 'Exp ("e0", "e1", "e2", "e3", "e4", … 2 more)');
  });

  it('a single one is reported in the node form', () => {
    const e = fails({ input: ['x', [1, 2]], nodes: [n('Exp', ['x'], 'y')] }, /^node "y" \(Exp\): operator Exp is not supported/);
    expect(e.node).toBe('y');
    expect(e.op).toBe('Exp');
  });

  it('an Erf whose GELU intermediates are used elsewhere is not fused', () => {
    fails(
      {
        input: ['x', [1, 2]],
        nodes: [n('Div', ['x', 'r'], 'a'), n('Erf', ['a'], 'e'), n('Add', ['e', 'o'], 'p'), n('Mul', ['x', 'p'], 'q'), n('Mul', ['q', 'h'], 'g'), n('Add', ['g', 'e'], 'y')],
        inits: [tensor('r', [], [Math.SQRT2]), tensor('o', [], [1]), tensor('h', [], [0.5])],
      },
      /node "e" \(Erf\): operator Erf is not supported by fpuless\. Erf is imported only as part of the exact GELU/,
    );
  });

  it('a GELU pattern with a wrong constant is not fused', () => {
    fails(
      {
        input: ['x', [1, 2]],
        nodes: [n('Div', ['x', 'r'], 'a'), n('Erf', ['a'], 'e'), n('Add', ['e', 'o'], 'p'), n('Mul', ['x', 'p'], 'q'), n('Mul', ['q', 'h'], 'y')],
        inits: [tensor('r', [], [1.5]), tensor('o', [], [1]), tensor('h', [], [0.5])],
      },
      '(Erf): operator Erf is not supported',
    );
  });
});

describe('the protobuf', () => {
  const good = model(gemm([tensor('W', [2, 3], values(6, 1), 'float32', true)]));

  it('every truncation of a file is a ModelError', () => {
    expect(importOnnx(good).nodes).toHaveLength(1);
    for (let len = 0; len < good.length; len++) error(good.subarray(0, len));
    expect(error(good.subarray(0, 40)).message).toMatch(/^onnx: /);
  });

  it('corrupt bytes are a ModelError', () => {
    const bad = Uint8Array.from(good);
    bad[0] = 0x7f; // field 15 with wire type 7, which does not exist
    fails(bad, /onnx: not a valid ONNX protobuf \(truncated or corrupt file: invalid wire type 7/);
    fails(new TextEncoder().encode('this is not an onnx file at all'), /^onnx: /);
    fails(Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), /^onnx: not a valid ONNX protobuf/);
    fails(new Uint8Array(0), 'onnx: the file is empty');
    expect(error('x' as unknown as Uint8Array).message).toBe('onnx: expected the file contents as a Uint8Array');
  });

  it('a model without a graph, or without the default opset, or with an opset out of range', () => {
    fails(encode({ irVersion: 8, opsetImport: [{ domain: '', version: 13 }] }), 'onnx: the model has no graph');
    const proto = modelProto(gemm());
    fails(encode({ ...proto, opsetImport: [{ domain: 'ai.onnx.ml', version: 3 }] }), 'onnx: the model imports no version of the default ONNX operator set');
    fails(model(gemm([W], { opset: 6 })), 'onnx: opset 6 is not supported (supported: 7 … 20)');
    fails(model(gemm([W], { opset: 21 })), 'onnx: opset 21 is not supported');
  });
});

describe('tensors', () => {
  it('external data', () => {
    const ext = { name: 'W', dims: [2, 3], dataType: 1, dataLocation: 1, externalData: [{ key: 'location', value: 'weights.bin' }] };
    fails(gemm([ext]), 'initializer "W" keeps its data in an external file ("weights.bin"), which is not supported');
  });

  it('dimensions beyond the memory limit are refused before anything is allocated', () => {
    const t0 = performance.now();
    fails(gemm([{ name: 'W', dims: [65536, 65536, 2], dataType: 1 }]), 'initializer "W" has dims [65536, 65536, 2]: more than 2^28 (268435456) elements, which exceeds the memory limit');
    fails(gemm([{ name: 'W', dims: [2 ** 40], dataType: 1 }]), 'initializer "W" has dimension 0 = 1099511627776: more than 2^28');
    fails(gemm([{ name: 'W', dims: [2, -3], dataType: 1 }]), 'initializer "W" has dimension 1 = -3; dimensions must be non-negative');
    expect(performance.now() - t0).toBeLessThan(1000);
    fails({ input: ['x', [1, 100000, 100000]], nodes: [n('Relu', ['x'], 'y')] }, 'graph input "x" has shape [1, 100000, 100000]: more than 2^28');
    fails(
      { input: ['x', [1, 2, 3]], nodes: [n('Reshape', ['x', 's'], 'y')], inits: [tensor('s', [2], [1, 2 ** 29], 'int64')] },
      'node "y" (Reshape): shape [1, 536870912] asks for a dimension of 536870912, which exceeds the memory limit',
    );
    fails(
      { input: ['x', [1, 16384, 16384]], nodes: [n('Relu', ['x'], 'a'), n('Relu', ['a'], 'y')] },
      'node "y" (Relu): output "y" brings the activations of the graph above 2^29',
    );
  });

  it('non-finite weights, named with their node', () => {
    fails(gemm([tensor('W', [2, 3], [1, NaN, 0, 0, 0, 0], 'float32', true)]), 'node "y" (Gemm): weight "W" element 1 is NaN; weights must be finite');
    fails(gemm([tensor('W', [2, 3], [1, 2, 3, Infinity, 0, 0], 'float16')]), 'node "y" (Gemm): weight "W" element 3 is Infinity');
    fails(
      { input: ['x', [1, 2]], nodes: [n('Constant', [], 'k', { value: tensorAttr(tensor('', [2], [1, -Infinity])) }), n('Mul', ['x', 'k'], 'y')] },
      'node "y" (Mul): weight "k" element 1 is -Infinity',
    );
    fails(
      { input: ['x', [1, 2]], nodes: [n('Div', ['x', 'k'], 'y')], inits: [tensor('k', [], [1e-310], 'float64')] },
      'node "y" (Div): divisor "k" element 0 (1e-310) has no finite reciprocal',
    );
    fails({ input: ['x', [1, 2]], nodes: [n('Div', ['x', 'k'], 'y')], inits: [tensor('k', [2], [1, 0])] }, 'node "y" (Div): divisor "k" element 1 is 0');
  });

  it('data whose length does not match the dims', () => {
    const raw = tensor('W', [2, 3], values(6, 1), 'float32', true);
    fails(gemm([{ ...raw, rawData: raw.rawData!.subarray(0, 20) }]), 'initializer "W" has 20 bytes of data, but dims [2, 3] of float32 need 24');
    fails(gemm([tensor('W', [2, 3], values(5, 1))]), 'initializer "W" has 5 values in float_data, but dims [2, 3] need 6');
    fails(gemm([{ ...raw, floatData: values(6, 1) }]), 'initializer "W" has both raw_data and float_data; a tensor must use one');
    fails(gemm([{ name: 'W', dims: [2, 3], dataType: 1 }]), 'initializer "W" has 0 bytes of data, but dims [2, 3] of float32 need 24');
    fails(gemm([{ name: 'W', dims: [2, 3], dataType: 10, int32Data: [0, 1, 2, 3, 4, 70000] }]), 'initializer "W" element 5: 70000 in int32_data is not a 16-bit float16 pattern');
  });

  it('element types that cannot be weights', () => {
    fails(gemm([{ name: 'W', dims: [2, 3], dataType: 12, rawData: new Uint8Array(24) }]), 'initializer "W" has element type uint32; supported are');
    fails(
      gemm([{ name: 'W', dims: [2, 3], dataType: 3, rawData: new Uint8Array(6) }]),
      'node "y" (Gemm): constant "W" holds int8 codes; quantized weights must go through a DequantizeLinear',
    );
    fails(gemm([{ name: 'W', dims: [2, 3], dataType: 0 }]), 'element type undefined');
  });

  it('missing and duplicated initializers', () => {
    fails(gemm([]), 'node "y" (Gemm): input 1 "W" is not defined: it is not the graph input, an initializer, or the output of an earlier node (a missing initializer?)');
    fails(gemm([W, W]), 'onnx: initializer "W" is defined twice');
    fails({ input: ['x', [1, 2]], nodes: [n('Relu', ['x'], 'r'), n('Relu', ['x'], 'r'), n('Relu', ['r'], 'y')] }, 'output "r" is already defined');
  });
});

describe('graph inputs and outputs', () => {
  it('more than one input or output, or none', () => {
    fails(gemm([W], { extraInputs: [['mask', [1, 3]]] }), 'onnx: the graph has 2 inputs ("x", "mask"); fpuless supports exactly one');
    fails(gemm([W], { output: ['y', 'x'] }), 'onnx: the graph has 2 outputs ("y", "x"); fpuless supports exactly one');
    const proto = modelProto(gemm());
    fails(encode({ ...proto, graph: { ...proto.graph, input: [valueInfo('W', [2, 3])] } }), 'onnx: the graph has no input');
    fails(encode({ ...proto, graph: { ...proto.graph, output: [] } }), 'onnx: the graph has no output');
  });

  it('a fixed batch, symbolic dimensions, a mismatching inputShape, a non-float input', () => {
    fails(gemm([W], { input: ['x', [4, 3]] }), 'onnx: graph input "x" has a fixed batch of 4');
    fails(gemm([W], { input: ['x', ['N', 'F']] }), 'onnx: graph input "x" dimension 1 is symbolic ("F"); pass options.inputShape to fix it');
    fails(gemm([W], { input: ['x', ['N', 3]] }), 'onnx: options.inputShape [1, 2] does not agree with graph input "x" [1, 3]', { inputShape: [1, 2] });
    fails(gemm([W], { input: ['x', ['N', 'F']] }), 'onnx: options.inputShape [2, 3] must start with the batch dimension 1', { inputShape: [2, 3] });
    fails(gemm([W], { input: ['x', null] }), 'onnx: graph input "x" has no shape in the file; pass options.inputShape');
    const proto = modelProto(gemm());
    proto.graph!.input = [valueInfo('x', [1, 3], 7)];
    fails(encode(proto), 'onnx: graph input "x" has element type int64; only floating-point inputs are supported');
  });

  it('an output that is a constant, the input itself, or produced by nothing', () => {
    fails({ input: ['x', [1, 2]], nodes: [n('Identity', ['W'], 'y'), n('Relu', ['x'], 'r')], inits: [W], output: 'y' }, 'onnx: the graph output "y" is a constant');
    fails({ input: ['x', [1, 2]], nodes: [n('Identity', ['x'], 'y')] }, 'onnx: the graph output "y" is the graph input itself');
    fails({ input: ['x', [1, 2]], nodes: [n('Relu', ['x'], 'r')], output: 'nothing' }, 'onnx: the graph output "nothing" is not produced by any node');
  });
});

describe('operators used in ways the graph cannot express', () => {
  const one = (nodes: ReturnType<typeof n>[], inits: ReturnType<typeof tensor>[] = [], dims: number[] = [1, 2, 3], opset = 13): ModelSpec => ({
    opset,
    input: ['x', dims],
    nodes,
    inits,
  });
  const img = [1, 2, 4, 4];

  const cases: [string, ModelSpec, string | RegExp][] = [
    ['MatMul of two computed tensors', one([n('MatMul', ['x', 'x'], 'y')], [], [1, 3, 3]),
      'node "y" (MatMul): input B "x" must be a constant weight; a MatMul of two computed tensors is not supported'],
    ['MatMul with a 1-D weight', one([n('MatMul', ['x', 'v'], 'y')], [tensor('v', [3], [1, 2, 3])]), 'input B "v" must be a 2-D constant [in, out], got [3]'],
    ['division by a computed tensor', one([n('Div', ['x', 'x'], 'y')]), 'node "y" (Div): division by a computed tensor is not supported'],
    ['a constant divided by a tensor', one([n('Div', ['k', 'x'], 'y')], [tensor('k', [], [1])]), 'division by a computed tensor is not supported'],
    ['a constant that enlarges the tensor', one([n('Add', ['x', 'k'], 'y')], [tensor('k', [4, 1, 1], [1, 2, 3, 4])]),
      'constant "k" of shape [4, 1, 1] would broadcast the input [1, 2, 3] to [4, 2, 3]'],
    ['a constant that does not broadcast', one([n('Mul', ['x', 'k'], 'y')], [tensor('k', [2], [1, 2])]), 'constant "k" of shape [2] does not broadcast to the input [1, 2, 3]'],
    ['two computed tensors of different shapes', one([n('Relu', ['x'], 'r'), n('Flatten', ['x'], 'f'), n('Sub', ['r', 'f'], 'y')]),
      /^node "y" \(Sub as Add\): operands "r" \[1, 2, 3\] and "y\/neg:out" \[1, 6\] must have the same shape/],
    ['Transpose of a computed tensor', one([n('Transpose', ['x'], 'y', { perm: ints([0, 2, 1]) })]),
      'node "y" (Transpose): transposing the computed tensor [1, 2, 3] by [0, 2, 1] is not supported'],
    ['Transpose with a bad perm', one([n('Transpose', ['x'], 'y', { perm: ints([0, 1, 1]) })]), 'attribute perm [0, 1, 1] is not a permutation of the 3 axes'],
    ['Concat along axis 2', one([n('Concat', ['x', 'x'], 'y', { axis: int(2) })]), 'node "y" (Concat): concatenation along axis 2 is not supported: only along the channel axis 1'],
    ['Concat of a constant and a tensor', one([n('Concat', ['x', 'k'], 'y', { axis: int(1) })], [tensor('k', [1, 1, 3], [1, 2, 3])]),
      'concatenating constants with computed tensors is not supported'],
    ['Concat without axis', one([n('Concat', ['x', 'x'], 'y')]), 'node "y" (Concat): attribute axis is required'],
    ['Softmax over a middle axis', one([n('Softmax', ['x'], 'y', { axis: int(1) })]), 'softmax over axis 1 of [1, 2, 3] is not supported: only over the last axis'],
    ['Gemm with transA on a [1, K] input', one([n('Gemm', ['x', 'B'], 'y', { transA: int(1) })], [tensor('B', [1, 2], [1, 2])], [1, 3]),
      'transA=1 with A of shape [1, 3] would make the batch axis a feature axis'],
    ['Gemm with a computed C', one([n('Relu', ['x'], 'c'), n('Gemm', ['x', 'B', 'c'], 'y', { transB: int(1) })], [tensor('B', [3, 3], values(9, 2))], [1, 3]),
      'node "y" (Gemm): input C "c" must be a constant, not a computed tensor'],
    ['Gemm with a constant A', one([n('Gemm', ['B', 'x'], 'y')], [tensor('B', [1, 3], [1, 2, 3])], [3, 1].length ? [1, 3] : []),
      'input A must be a computed tensor (a constant A times a computed B is not supported)'],
    ['Gemm inner dimensions that disagree', one([n('Gemm', ['x', 'B'], 'y', { transB: int(1) })], [tensor('B', [2, 4], values(8, 3))], [1, 3]),
      'input B "B" has shape [2, 4] (transB=1), whose inner dimension 4 does not match the 3 features of A'],
    ['Gemm transB that is not 0 or 1', one([n('Gemm', ['x', 'B'], 'y', { transB: int(2) })], [tensor('B', [3, 3], values(9, 3))], [1, 3]),
      'attribute transB must be 0 or 1, got 2'],
    ['an attribute of the wrong type', one([n('Gemm', ['x', 'B'], 'y', { transB: float(1) })], [tensor('B', [3, 3], values(9, 3))], [1, 3]),
      'node "y" (Gemm): attribute transB must be of type int, got float'],
    ['an unknown attribute', one([n('Relu', ['x'], 'y', { slope: float(1) })]), 'node "y" (Relu): attribute slope is not supported for Relu (supported: none)'],
    ['a 1-D Conv', one([n('Conv', ['x', 'k'], 'y')], [tensor('k', [1, 2, 2], [1, 1, 1, 1])]), 'node "y" (Conv): only 2-D Conv on a 4-D NCHW input is supported, got input [1, 2, 3]'],
    ['Conv kernel_shape that disagrees with W', one([n('Conv', ['x', 'k'], 'y', { kernel_shape: ints([3, 3]) })], [tensor('k', [1, 2, 2, 2], values(8, 4))], img),
      'attribute kernel_shape [3, 3] does not match weight "k" [1, 2, 2, 2]'],
    ['Conv with group 0', one([n('Conv', ['x', 'k'], 'y', { group: int(0) })], [tensor('k', [1, 2, 2, 2], values(8, 4))], img), 'attribute group must be a positive integer, got 0'],
    ['Conv with negative pads', one([n('Conv', ['x', 'k'], 'y', { pads: ints([0, -1, 0, 0]) })], [tensor('k', [1, 2, 2, 2], values(8, 4))], img),
      'attribute pads [0, -1, 0, 0]: each value must be in 0 … 65536'],
    ['Conv with an unknown auto_pad', one([n('Conv', ['x', 'k'], 'y', { auto_pad: str('SAME') })], [tensor('k', [1, 2, 2, 2], values(8, 4))], img),
      'attribute auto_pad "SAME" is not one of NOTSET, SAME_UPPER, SAME_LOWER, VALID'],
    ['Conv with a channel count that disagrees', one([n('Conv', ['x', 'k'], 'y')], [tensor('k', [1, 3, 2, 2], values(12, 4))], img),
      /^node "y" \(Conv\): weight "k" has shape \[1, 3, 2, 2\], but the input has 2 channels and group is 1/],
    ['MaxPool with dilations', one([n('MaxPool', ['x'], 'y', { kernel_shape: ints([2, 2]), dilations: ints([2, 2]) })], [], img),
      'attribute dilations [2, 2] is not supported for pooling (only [1, 1])'],
    ['MaxPool without kernel_shape', one([n('MaxPool', ['x'], 'y')], [], img), 'node "y" (MaxPool): attribute kernel_shape is required'],
    ['MaxPool whose indices are used', one([n('MaxPool', ['x'], ['p', 'i'], { kernel_shape: ints([2, 2]) }), n('Add', ['p', 'i'], 'y')], [], img),
      'node "p" (MaxPool): output 1 "i" is used, but only the first output of MaxPool is supported'],
    ['AveragePool ceil_mode with count_include_pad and a partial window',
      one([n('AveragePool', ['x'], 'y', { kernel_shape: ints([3, 3]), strides: ints([2, 2]), ceil_mode: int(1), count_include_pad: int(1) })], [], img),
      'ceil_mode=1 with count_include_pad=1 adds a partial window whose divisor the graph cannot express'],
    ['a pool pad as large as the kernel', one([n('MaxPool', ['x'], 'y', { kernel_shape: ints([2, 2]), pads: ints([2, 0, 0, 0]) })], [], img),
      /^node "y" \(MaxPool\): pads \[2, 0, 0, 0\] must each be smaller than the kernel \[2, 2\]/],
    ['Pad with reflection', one([n('Pad', ['x', 'p'], 'q', { mode: str('reflect') }), n('Conv', ['q', 'k'], 'y')], [tensor('p', [8], [0, 0, 1, 1, 0, 0, 1, 1], 'int64'), tensor('k', [1, 2, 1, 1], [1, 1])], img),
      'node "q" (Pad): only zero padding is supported, got mode "reflect" with value 0'],
    ['Pad of the channels', one([n('Pad', ['x', 'p'], 'q'), n('Conv', ['q', 'k'], 'y')], [tensor('p', [8], [0, 1, 0, 0, 0, 0, 0, 0], 'int64'), tensor('k', [1, 3, 1, 1], [1, 1, 1])], img),
      'only padding of the two spatial axes of a 4-D tensor is supported'],
    ['Pad with negative pads', one([n('Pad', ['x', 'p'], 'q'), n('Relu', ['q'], 'y')], [tensor('p', [8], [0, 0, -1, 0, 0, 0, 0, 0], 'int64')], img),
      'negative pads [0, 0, -1, 0, 0, 0, 0, 0] (cropping) are not supported'],
    ['Pad before something other than Conv or AveragePool', one([n('Pad', ['x', 'p'], 'q'), n('Relu', ['q'], 'y')], [tensor('p', [8], [0, 0, 1, 1, 0, 0, 1, 1], 'int64')], img),
      'node "y" (Relu): input 0 "q" comes from a Pad, which is supported only directly before a Conv or an AveragePool'],
    ['Pad before a MaxPool (padding would compete in the max)', one([n('Pad', ['x', 'p'], 'q'), n('MaxPool', ['q'], 'y', { kernel_shape: ints([2, 2]) })], [tensor('p', [8], [0, 0, 1, 1, 0, 0, 1, 1], 'int64')], img),
      'comes from a Pad, which is supported only directly before a Conv or an AveragePool'],
    ['BatchNormalization in training mode', one([n('BatchNormalization', ['x', 's', 's', 's', 's'], 'y', { training_mode: int(1) })], [tensor('s', [2], [1, 1])]),
      'node "y" (BatchNormalization): training_mode=1 is not supported'],
    ['BatchNormalization with a computed scale', one([n('Relu', ['x'], 'r'), n('BatchNormalization', ['x', 'r', 's', 's', 's'], 'y')], [tensor('s', [2], [1, 1])]),
      'node "y" (BatchNormalization): scale "r" is computed by the graph; only a constant (initializer) is supported here'],
    ['BatchNormalization whose parameters do not fit', one([n('BatchNormalization', ['x', 's', 's', 's', 't'], 'y')], [tensor('s', [2], [1, 1]), tensor('t', [3], [1, 1, 1])]),
      'node "y" (BatchNormalization): variance "t" has shape [3], expected [2]'],
    ['Dropout in training mode', one([n('Dropout', ['x', 'r', 't'], 'y')], [tensor('r', [], [0.5]), tensor('t', [], [1], 'bool')]), 'node "y" (Dropout): training_mode is true'],
    ['Dropout whose mask is used', one([n('Dropout', ['x'], ['d', 'm']), n('Add', ['d', 'm'], 'y')]), 'node "d" (Dropout): output 1 "m" is used'],
    ['Clip with a computed bound', one([n('Relu', ['x'], 'r'), n('Clip', ['x', 'r'], 'y')]), 'node "y" (Clip): min "r" must be a constant, not a computed tensor'],
    ['Clip with a bound of several values', one([n('Clip', ['x', 'k'], 'y')], [tensor('k', [2], [0, 1])]), 'min "k" must hold a single value, got shape [2]'],
    ['Clip with min above max', one([n('Clip', ['x'], 'y', { min: float(2), max: float(1) })], [], [1, 2, 3], 10), 'node "y" (Clip): attribute min 2 is greater than max 1'],
    ['Clip attributes from opset 11', one([n('Clip', ['x'], 'y', { min: float(0) })], [], [1, 2, 3], 11), 'attribute min is not supported for Clip (supported: none)'],
    ['Reshape with a computed shape', one([n('Reshape', ['x', 'x'], 'y')]), 'node "y" (Reshape): input shape "x" is computed by the graph'],
    ['Reshape with allowzero and a 0', one([n('Reshape', ['x', 's'], 'y', { allowzero: int(1) })], [tensor('s', [2], [0, 6], 'int64')]),
      'allowzero=1 with a 0 in shape [0, 6] makes an empty tensor'],
    ['Reshape to a different element count', one([n('Reshape', ['x', 's'], 'y')], [tensor('s', [2], [1, 5], 'int64')]),
      /^node "y" \(Reshape\): cannot reshape \[1, 2, 3\] \(6 elements\) to \[1, 5\]/],
    ['Reshape that changes the batch', one([n('Reshape', ['x', 's'], 'y')], [tensor('s', [2], [2, 3], 'int64')]),
      'node "y" (Reshape): output "y" has shape [2, 3]: the batch dimension must stay 1'],
    ['a string Constant', one([n('Constant', [], 'k', { value_string: str('hi') }), n('Add', ['x', 'k'], 'y')]), 'node "k" (Constant): string constants (attribute value_string) are not supported'],
    ['a Constant with two values', one([n('Constant', [], 'k', { value_float: float(1), value_int: int(1) }), n('Add', ['x', 'k'], 'y')]),
      'node "k" (Constant): must have exactly one value attribute, got value_float, value_int'],
    ['a Gelu with the tanh approximation', one([n('Gelu', ['x'], 'y', { approximate: str('tanh') })], [], [1, 2, 3], 20), 'node "y" (Gelu (approximate="tanh")): operator Gelu (approximate="tanh") is not supported'],
    ['a Relu of a constant', one([n('Relu', ['k'], 'r'), n('Add', ['x', 'r'], 'y')], [tensor('k', [], [1])]), 'node "r" (Relu): input X "k" is a constant; it must be a computed tensor here'],
    ['a BatchNormalization that cannot be folded but has no channel axis', one([n('Flatten', ['x'], 'f'), n('BatchNormalization', ['f', 's', 's', 's', 's'], 'y')], [tensor('s', [2], [1, 1])]),
      'node "y" (BatchNormalization): scale "s" has shape [2], expected [6]'],
  ];
  for (const [label, spec, message] of cases) {
    it(label, () => {
      fails(spec, message);
    });
  }
});
