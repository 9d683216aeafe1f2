/**
 * Shape computations folded at import: PyTorch's `x.view(x.size(0), -1)` chain (Shape, Gather, Unsqueeze, Concat,
 * Reshape) with a dynamic batch, and Slice, Squeeze and Cast on constants; computed inputs are refused.
 */
import { describe, expect, it } from 'vitest';
import { importOnnx } from '../../../src/inference/onnx/index.js';
import { int, ints, model, n, tensor } from './build.js';
import { runGraph } from './reference.js';

describe('shape computations', () => {
  it("fold PyTorch's x.view(x.size(0), -1) with a dynamic batch into a Reshape to [1, -1]", () => {
    const g = importOnnx(
      model({
        opset: 13,
        input: ['x', ['batch', 2, 2, 2]],
        nodes: [
          n('Relu', ['x'], 'r'),
          n('Shape', ['r'], 's'),
          n('Gather', ['s', 'zero'], 'b', { axis: int(0) }),
          n('Unsqueeze', ['b', 'axes0'], 'bu'),
          n('Concat', ['bu', 'minus1'], 'target', { axis: int(0) }),
          n('Reshape', ['r', 'target'], 'y'),
        ],
        inits: [tensor('zero', [], [0], 'int64'), tensor('axes0', [1], [0], 'int64'), tensor('minus1', [1], [-1], 'int64')],
      }),
    );
    expect(g.outputs[0]!.shape).toEqual([1, 8]);
    expect(runGraph(g, [1, -2, 3, -4, 5, -6, 7, -8])).toEqual([1, 0, 3, 0, 5, 0, 7, 0]);
  });

  it('fold Slice, Squeeze (opset 11 attribute and opset 13 input) and Cast of constants', () => {
    for (const opset of [11, 13]) {
      const squeeze = opset >= 13 ? n('Squeeze', ['sl', 'ax'], 'sq') : n('Squeeze', ['sl'], 'sq', { axes: ints([0]) });
      const g = importOnnx(
        model({
          opset,
          input: ['x', [1, 2]],
          nodes: [
            n('Slice', ['c', 'st', 'en', 'ax1', 'step'], 'sl'),
            squeeze,
            n('Cast', ['sq'], 'cf', { to: int(1) }),
            n('Add', ['x', 'cf'], 'y'),
          ],
          inits: [
            tensor('c', [1, 5], [10, 20, 30, 40, 50]),
            tensor('st', [1], [-1], 'int64'),
            tensor('en', [1], [-6], 'int64'),
            tensor('ax1', [1], [1], 'int64'),
            tensor('step', [1], [-3], 'int64'),
            tensor('ax', [1], [0], 'int64'),
          ],
        }),
      );
      // c[0, -1::-3] = [50, 20].
      expect(runGraph(g, [1, 2])).toEqual([51, 22]);
    }
  });

  it('refuse Gather on a computed tensor', () => {
    expect(() =>
      importOnnx(
        model({
          opset: 13,
          input: ['x', [1, 4]],
          nodes: [n('Gather', ['x', 'i'], 'y', { axis: int(1) })],
          inits: [tensor('i', [2], [0, 1], 'int64')],
        }),
      ),
    ).toThrow(/computed from the graph input; Gather is supported on constants and shapes only/);
  });
});
