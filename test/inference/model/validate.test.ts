/** Graph validation and shape inference: inferred shapes, and one clear ModelError for each kind of mistake. */
import { describe, expect, it } from 'vitest';
import { ModelError } from '../../../src/inference/model/errors.js';
import type { Graph, GraphNode } from '../../../src/inference/model/graph.js';
import { validateGraph } from '../../../src/inference/model/validate.js';
import { graph, node, single, tensor } from './graphs.js';

function fails(g: Graph, message: RegExp): void {
  let error: unknown;
  try {
    validateGraph(g);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ModelError);
  expect((error as ModelError).message).toMatch(message);
}

const W = tensor('W', [4, 3, 3, 3], () => 0.5);

describe('shape inference', () => {
  it('infers every value of a small network', () => {
    const g = graph(
      ['x', [1, 3, 8, 8]],
      [
        node('conv', 'Conv', ['x', 'W'], { strides: [2, 2], pads: [1, 1, 1, 1] }),
        node('pool', 'MaxPool', ['conv'], { kernel: [2, 2], strides: [2, 2] }),
        node('avg', 'AveragePool', ['conv'], { kernel: [3, 3], strides: [2, 2], pads: [1, 1, 1, 1] }),
        node('cat', 'Concat', ['pool', 'avg'], { axis: -3 }),
        node('gap', 'GlobalAveragePool', ['cat']),
        node('flat', 'Flatten', ['gap']),
        node('fc', 'MatMul', ['flat', 'M']),
        node('r', 'Reshape', ['fc'], { shape: [1, -1, 2] }),
        node('sm', 'Softmax', ['r']),
      ],
      [W, tensor('M', [8, 6], () => 1)],
    );
    const shapes = validateGraph(g);
    expect(Object.fromEntries(shapes)).toEqual({
      x: [1, 3, 8, 8],
      conv: [1, 4, 4, 4],
      pool: [1, 4, 2, 2],
      avg: [1, 4, 2, 2],
      cat: [1, 8, 2, 2],
      gap: [1, 8, 1, 1],
      flat: [1, 8],
      fc: [1, 6],
      r: [1, 3, 2],
      sm: [1, 3, 2],
    });
  });
  it('dilation and asymmetric padding', () => {
    const g = single('Conv', [1, 3, 10, 9], { dilations: [2, 3], pads: [0, 1, 2, 0] }, [W]);
    // height: 10 + 2 − (2·2 + 1) + 1 = 8; width: 9 + 1 − (3·2 + 1) + 1 = 4
    expect(validateGraph(g).get('n')).toEqual([1, 4, 8, 4]);
  });
});

describe('one clear error per mistake', () => {
  it('names undefined inputs and use before definition', () => {
    fails(graph(['x', [1, 2]], [node('a', 'Relu', ['zz'])]), /^node "a" \(Relu\): input 0 "zz" is not defined before this node/);
    fails(graph(['x', [1, 2]], [node('b', 'Relu', ['a']), node('a', 'Relu', ['x'])], [], 'b'), /node "b" \(Relu\): input 0 "a" is not defined/);
  });
  it('rejects unknown operators and attributes', () => {
    const bad = { name: 'q', op: 'Foo', inputs: ['x'], outputs: ['q'], attrs: {} } as unknown as GraphNode;
    fails(graph(['x', [1, 2]], [bad]), /^node "q" \(Foo\): unknown operator "Foo"$/);
    fails(single('Relu', [1, 2], { alpha: 1 }), /node "n" \(Relu\): attribute alpha does not apply to Relu/);
    fails(single('Relu', [1, 2], { foo: 1 } as never), /node "n" \(Relu\): unknown attribute foo/);
  });
  it('checks attribute ranges', () => {
    fails(single('Conv', [1, 3, 8, 8], { strides: [0, 1] }, [W]), /node "n" \(Conv\): attribute strides \[0,1\]: each value must be an integer in 1/);
    fails(single('Conv', [1, 3, 8, 8], { pads: [1, 1, 1] }, [W]), /attribute pads must be an array of 4 integers/);
    fails(single('Conv', [1, 3, 8, 8], { group: 0 }, [W]), /attribute group must be a positive integer/);
    fails(single('Conv', [1, 3, 8, 8], { group: 2 }, [W]), /group 2 does not divide the 3 input channels/);
    fails(single('Conv', [1, 3, 8, 8], { kernel: [2, 2] }, [W]), /attribute kernel \[2, 2\] does not match weight "W" kernel \[3, 3\]/);
    fails(single('Clip', [1, 2], { min: 2, max: 1 }), /node "n" \(Clip\): attribute min 2 is greater than max 1/);
    fails(single('Clip', [1, 2], { min: NaN }), /attribute min must be a finite number, got NaN/);
    fails(single('LeakyRelu', [1, 2], { alpha: Infinity }), /attribute alpha must be a finite number/);
    fails(single('BatchNormalization', [1, 2], { epsilon: -1 }, []), /attribute epsilon must be a finite number >= 0/);
    fails(single('MaxPool', [1, 1, 4, 4]), /node "n" \(MaxPool\): attribute kernel is required/);
    fails(single('MaxPool', [1, 1, 4, 4], { kernel: [2, 2], pads: [2, 0, 0, 0] }), /pads \[2, 0, 0, 0\] must each be smaller than the kernel/);
    fails(single('Softmax', [1, 2, 3], { axis: 1 }), /node "n" \(Softmax\): axis 1 is not supported: only the last axis/);
    fails(single('Flatten', [1, 2, 3], { axis: 4 }), /axis 4 is out of range for rank 3/);
    fails(single('Reshape', [1, 6], { shape: [-1, -1] }), /shape \[-1, -1\] has more than one -1/);
  });
  it('checks initializer shapes against the operator', () => {
    fails(single('Conv', [1, 4, 8, 8], {}, [W]), /^node "n" \(Conv\): weight "W" has shape \[4, 3, 3, 3\], but the input has 4 channels and group is 1: expected \[4, 4, 3, 3\]$/);
    fails(single('Conv', [1, 3, 8, 8], {}, [W, tensor('b', [3], () => 0)]), /node "n" \(Conv\): bias "b" has shape \[3\], expected \[4\]/);
    fails(single('Gemm', [1, 5], {}, [tensor('F', [2, 4], () => 0)]), /node "n" \(Gemm\): weight "F" has shape \[2, 4\], but the input has 5 features: expected \[2, 5\]/);
    fails(single('Gemm', [1, 1, 2, 2], {}, [tensor('F', [2, 4], () => 0)]), /node "n" \(Gemm\): input must be 2-D \[1, in\]/);
    fails(single('Add', [1, 2, 2, 3], {}, [tensor('k', [2], [1, 2])]), /node "n" \(Add\): constant "k" of shape \[2\] does not broadcast/);
    fails(single('Add', [1, 2, 2, 3], {}, [tensor('k', [2, 1, 3], () => 1)]), /in a pattern that is not supported/);
    fails(single('Conv', [1, 3, 2, 2], {}, [W]), /node "n" \(Conv\): height: kernel extent 3 \(kernel 3, dilation 1\) exceeds the padded input 2/);
    const bn = [tensor('s', [3], () => 1), tensor('b', [3], () => 0), tensor('m', [3], () => 0), tensor('v', [2], () => 1)];
    fails(single('BatchNormalization', [1, 3], {}, bn), /node "n" \(BatchNormalization\): variance "v" has shape \[2\], expected \[3\]/);
    const neg = [...bn.slice(0, 3), tensor('v', [3], [1, -1, 1])];
    fails(single('BatchNormalization', [1, 3], {}, neg), /variance "v" channel 1: variance \+ epsilon = -0.99999 must be positive/);
  });
  it('checks value shapes', () => {
    const two = (op: 'Add' | 'Concat', b: number[]): Graph =>
      graph(['x', [1, 2, 2]], [node('r', 'Reshape', ['x'], { shape: b }), node('n', op, ['x', 'r'])]);
    fails(two('Add', [1, 4]), /node "n" \(Add\): operands "x" \[1, 2, 2\] and "r" \[1, 4\] must have the same shape/);
    fails(two('Concat', [1, 1, 4]), /node "n" \(Concat\): input "r" \[1, 1, 4\] does not match "x" \[1, 2, 2\] outside axis 1/);
    fails(single('Reshape', [1, 6], { shape: [1, 4] }), /cannot reshape \[1, 6\] \(6 elements\) to \[1, 4\] \(4 elements\)/);
    fails(single('Reshape', [1, 6], { shape: [2, -1] }), /node "n" \(Reshape\): output "n" has shape \[2, 3\]: the batch dimension must stay 1/);
    fails(single('Flatten', [1, 2, 3], { axis: 2 }), /node "n" \(Flatten\): output "n" has shape \[2, 3\]: the batch dimension must stay 1/);
  });
  it('checks input kinds and counts', () => {
    fails(graph(['x', [1, 2]], [node('n', 'Add', ['k', 'k'])], [tensor('k', [1], [1])]), /node "n" \(Add\): at least one input must be a computed tensor/);
    fails(graph(['x', [1, 2]], [node('n', 'Gemm', ['x', 'x'])]), /node "n" \(Gemm\): input 1 "x" must be an initializer/);
    fails(graph(['x', [1, 2]], [node('n', 'Relu', ['k'])], [tensor('k', [1, 2], [1, 2])]), /input 0 "k" is an initializer, but this input must be a computed tensor/);
    fails(graph(['x', [1, 2]], [node('n', 'Relu', ['x', 'x'])]), /node "n" \(Relu\): expects 1 inputs, got 2/);
    fails(graph(['x', [1, 2]], [node('n', 'Gemm', ['x'])]), /node "n" \(Gemm\): expects 2 or 3 inputs, got 1/);
  });
  it('checks names and graph structure', () => {
    fails(graph(['x', [1, 2]], [node('a', 'Relu', ['x']), node('a', 'Relu', ['a'], {}, 'b')]), /node "a" \(Relu\): another node has the same name/);
    fails(graph(['x', [1, 2]], [node('a', 'Relu', ['x']), node('b', 'Relu', ['a'], {}, 'a')]), /node "b" \(Relu\): output "a" is already defined/);
    fails(graph(['x', [1, 2]], [node('a', 'Relu', ['x'], {}, 'x')]), /output "x" is already defined/);
    const g = graph(['x', [1, 2]], [node('a', 'Relu', ['x'])]);
    fails({ ...g, inputs: [...g.inputs, { name: 'y', shape: [1, 2] }] }, /^the graph must have exactly one input, got 2$/);
    fails({ ...g, outputs: [{ name: 'zz', shape: [] }] }, /^graph output "zz" is not produced by any node$/);
    fails({ ...g, outputs: [{ name: 'a', shape: [1, 3] }] }, /graph output "a" is declared \[1, 3\] but computes to \[1, 2\]/);
    fails({ ...g, nodes: [] }, /the graph has no nodes/);
    fails(graph(['x', [2, 2]], [node('a', 'Relu', ['x'])]), /graph input "x" has shape \[2, 2\]: the batch dimension must be 1/);
    fails(graph(['x', [1, 0]], [node('a', 'Relu', ['x'])]), /graph input "x" has dimension 1 = 0; dimensions must be positive integers/);
    fails(graph(['W', [1, 3, 8, 8]], [node('a', 'Relu', ['W'])], [W]), /graph input "W" has the same name as an initializer/);
  });
  it('checks initializers', () => {
    const bad = { name: 'k', shape: [2], data: Float64Array.of(1, 2, 3) };
    fails(single('Add', [1, 2], {}, [bad]), /^initializer "k" has shape \[2\] \(2 elements\) but 3 values$/);
    fails(single('Add', [1, 2], {}, [tensor('k', [2], [1, NaN])]), /^initializer "k" element 1 is NaN$/);
    fails(single('Add', [1, 2], {}, [tensor('k', [2], [-Infinity, 1])]), /^initializer "k" element 0 is -Infinity$/);
  });
});

describe('memory limits are enforced before anything is allocated', () => {
  it('rejects an oversized input', () => {
    fails(graph(['x', [1, 65536, 65536]], [node('a', 'Relu', ['x'])]), /graph input "x" has shape \[1, 65536, 65536\]: more than 2\^28/);
    fails(graph(['x', [1, 2 ** 60]], [node('a', 'Relu', ['x'])]), /^graph input "x" has shape \[1, 1152921504606847000\]: more than 2\^28/);
  });
  it('rejects an oversized intermediate, naming the node', () => {
    const w = tensor('w', [2, 1, 1, 1], [1, 1]);
    fails(single('Conv', [1, 1, 16384, 16384], {}, [w]), /^node "n" \(Conv\): output "n" has shape \[1, 2, 16384, 16384\]: more than 2\^28/);
    const pads = single('Conv', [1, 1, 8, 8], { pads: [65536, 65536, 65536, 65536] }, [tensor('w1', [1, 1, 1, 1], [1])]);
    fails(pads, /node "n" \(Conv\): output "n" has shape \[1, 1, 131080, 131080\]: more than 2\^28/);
    fails(single('Conv', [1, 1, 8, 8], { pads: [65537, 0, 0, 0] }, [tensor('w1', [1, 1, 1, 1], [1])]), /attribute pads .* each value must be an integer in 0 … 65536/);
  });
  it('rejects graphs whose activations together exceed 2^29 elements', () => {
    const g = graph(['x', [1, 16384, 16384]], [node('a', 'Relu', ['x']), node('b', 'Relu', ['a'])]);
    fails(g, /^node "b" \(Relu\): output "b" brings the activations of the graph above 2\^29/);
  });
  it('rejects an oversized initializer shape', () => {
    const huge = { name: 'k', shape: [1 << 20, 1 << 20], data: new Float64Array(1) };
    fails(single('Add', [1, 2], {}, [huge]), /^initializer "k" has shape \[1048576, 1048576\]: more than 2\^28/);
  });
});
