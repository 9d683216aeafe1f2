/**
 * soft-f32-sequential against PyTorch: test/fixtures/pytorch/mnist-mlp-logits.npy holds the float32 logits that
 * PyTorch 1.13 (CPU, one thread, batch 1) computed for the bundled MNIST MLP on the first 200 test digits
 * (test/fixtures/pytorch/make.py). The sequential policy is defined to be what such a float32 loop computes, so the
 * logits must agree bit for bit.
 */
import { describe, expect, it } from 'vitest';
import { createSoftEngine } from '../../../../src/inference/engines/soft/index.js';
import { loadModel } from '../../../../src/inference/model/modelFile.js';
import { getMnistSplit } from '../../../../src/tools/data/mnist.js';
import { readNpy } from '../../../../src/tools/data/npy.js';

const FIXTURE_SAMPLES = 200;
const root = new URL('../../../../', import.meta.url).pathname;

describe('soft-f32-sequential reproduces PyTorch float32', () => {
  it('gives PyTorch’s logits bit for bit on the bundled MLP', () => {
    const graph = loadModel(`${root}models/mnist-mlp.fplm`);
    const reference = readNpy(`${root}test/fixtures/pytorch/mnist-mlp-logits.npy`);
    expect(reference.shape).toEqual([FIXTURE_SAMPLES, 10]);
    const logits = reference.data as Float32Array;
    const { test } = getMnistSplit();
    const engine = createSoftEngine(graph, { format: 'f32', accumulation: 'sequential' });
    let identical = 0;
    for (let i = 0; i < FIXTURE_SAMPLES; i++) {
      const input = test.images.subarray(i * 784, (i + 1) * 784);
      const out = engine.run(input);
      let same = true;
      for (let k = 0; k < 10; k++) if (out[k] !== logits[i * 10 + k]) same = false;
      if (same) identical++;
    }
    expect(identical).toBe(FIXTURE_SAMPLES);
  });
});
