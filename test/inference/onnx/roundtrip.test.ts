/**
 * import → saveModel → loadModel gives the same network: a small CNN built here (every layer kind the importer
 * normalizes: Conv with pads and groups, MaxPool, the GELU pattern, GlobalAveragePool, Flatten, Gemm with transB=0
 * and alpha, Sub, Div, Softmax), saved as float64 and as float32, loaded back and run.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createF64Engine } from '../../../src/inference/engines/f64/index.js';
import { createSoftEngine } from '../../../src/inference/engines/soft/index.js';
import { loadModel, saveModel } from '../../../src/inference/model/modelFile.js';
import { importOnnx, loadOnnx } from '../../../src/inference/onnx/index.js';
import { float, int, ints, model, n, tensor, values } from './build.js';
import { expectClose } from './reference.js';

const dir = mkdtempSync(join(tmpdir(), 'fpuless-onnx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cnn = model({
  opset: 13,
  input: ['image', ['batch', 2, 6, 6]],
  nodes: [
    n('Conv', ['image', 'c1.w', 'c1.b'], 'c1', { pads: ints([1, 1, 1, 1]) }),
    n('Relu', ['c1'], 'r1'),
    n('MaxPool', ['r1'], 'p1', { kernel_shape: ints([2, 2]), strides: ints([2, 2]) }),
    n('Conv', ['p1', 'c2.w'], 'c2', { group: int(2), pads: ints([1, 1, 1, 1]) }),
    n('Div', ['c2', 'sqrt2'], 'g.div'),
    n('Erf', ['g.div'], 'g.erf'),
    n('Add', ['g.erf', 'one'], 'g.add'),
    n('Mul', ['c2', 'g.add'], 'g.mul'),
    n('Mul', ['g.mul', 'half'], 'g'),
    n('GlobalAveragePool', ['g'], 'gap'),
    n('Flatten', ['gap'], 'flat'),
    n('Sub', ['flat', 'mean'], 'centered'),
    n('Div', ['centered', 'scale'], 'norm'),
    n('Gemm', ['norm', 'fc.w', 'fc.b'], 'logits', { alpha: float(0.5) }),
    n('Softmax', ['logits'], 'probs'),
  ],
  inits: [
    tensor('c1.w', [4, 2, 3, 3], values(72, 1)),
    tensor('c1.b', [4], values(4, 2)),
    tensor('c2.w', [4, 2, 3, 3], values(72, 3), 'float32', true),
    tensor('sqrt2', [], [Math.SQRT2]),
    tensor('one', [], [1]),
    tensor('half', [], [0.5]),
    tensor('mean', [4], [0.125, -0.25, 0.5, 0]),
    tensor('scale', [], [2]),
    tensor('fc.w', [4, 3], values(12, 4)),
    tensor('fc.b', [3], values(3, 5)),
  ],
});

describe('import → saveModel → loadModel', () => {
  const graph = importOnnx(cnn);
  const inputs = [values(72, 10), values(72, 11), values(72, 12)].map((v) => Float64Array.from(v));
  const before = createF64Engine(graph);

  it('the imported graph is what the file describes', () => {
    expect(graph.inputs[0]).toEqual({ name: 'image', shape: [1, 2, 6, 6] });
    expect(graph.outputs[0]).toEqual({ name: 'probs', shape: [1, 3] });
    expect(graph.nodes.map((v) => v.op)).toEqual(['Conv', 'Relu', 'MaxPool', 'Conv', 'Gelu', 'GlobalAveragePool', 'Flatten', 'Add', 'Mul', 'Gemm', 'Softmax']);
  });

  for (const dtype of ['float64', 'float32'] as const) {
    it(`as ${dtype}: the same outputs, bit for bit`, () => {
      const path = join(dir, `cnn.${dtype}.fplm`);
      saveModel(path, graph, dtype);
      const loaded = loadModel(path);
      expect(loaded.nodes.map((v) => v.op)).toEqual(graph.nodes.map((v) => v.op));
      const after = createF64Engine(loaded);
      for (const x of inputs) expect(after.run(x)).toEqual(before.run(x));
    });
  }

  it('a model with BatchNormalization: loadModel folds it, the outputs agree to rounding', () => {
    const bytes = model({
      input: ['x', [1, 2, 4, 4]],
      nodes: [
        n('Conv', ['x', 'w'], 'c'),
        n('BatchNormalization', ['c', 'g', 'b', 'm', 'v'], 'bn'),
        n('Relu', ['bn'], 'r'),
        n('BatchNormalization', ['r', 'g', 'b', 'm', 'v'], 'y'),
      ],
      inits: [
        tensor('w', [3, 2, 3, 3], values(54, 20)),
        tensor('g', [3], [1.5, 0.5, -1]),
        tensor('b', [3], [0.1, -0.2, 0.3]),
        tensor('m', [3], [0.05, -0.1, 0.2]),
        tensor('v', [3], [0.5, 2, 1]),
      ],
    });
    const path = join(dir, 'bn.onnx');
    const fplm = join(dir, 'bn.fplm');
    // Through a file on disk both ways.
    writeFileSync(path, bytes);
    const g = loadOnnx(path);
    saveModel(fplm, g, 'float64');
    const loaded = loadModel(fplm);
    expect(loaded.nodes.map((v) => v.op)).toEqual(['Conv', 'Relu', 'Mul', 'Add']);
    const x = Float64Array.from(values(32, 21));
    const reference = Array.from(createF64Engine(g).run(x));
    expectClose(Array.from(createF64Engine(loaded).run(x)), reference, 1e-13);
    // The rewritten graph is one every engine takes: the soft binary32 engine agrees to float32 accuracy.
    const soft = createSoftEngine(g, { format: 'f32', accumulation: 'sequential' });
    expectClose(Array.from(soft.run(x)), reference, 1e-5);
  });
});
