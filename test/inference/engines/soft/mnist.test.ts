/**
 * The bundled MNIST models (models/mnist-mlp.fplm, models/mnist-cnn.fplm; skipped until they exist) on the 2,000
 * test images: the binary16 and bfloat16 exact engines pick the same top-1 class as the float64 reference for at least
 * 99% of the images, and binary32 exact for at least 99.9%.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createF64Engine } from '../../../../src/inference/engines/f64/engine.js';
import { createSoftEngine } from '../../../../src/inference/engines/soft/index.js';
import { loadModel } from '../../../../src/inference/model/modelFile.js';
import { getMnistSplit, mnistImage } from '../../../../src/tools/data/mnist.js';

/** models/, or the directory FPULESS_MODELS_DIR names (to check freshly trained files before they are committed). */
const MODELS = process.env.FPULESS_MODELS_DIR
  ? `${process.env.FPULESS_MODELS_DIR}/`
  : fileURLToPath(new URL('../../../../models/', import.meta.url));

function argmax(v: Float64Array): number {
  let best = 0;
  for (let i = 1; i < v.length; i++) if (v[i]! > v[best]!) best = i;
  return best;
}

describe.each(['mnist-mlp', 'mnist-cnn'])('%s', (name) => {
  const path = `${MODELS}${name}.fplm`;
  it.skipIf(!existsSync(path))('exact engines agree with the float64 reference on the top-1 class', () => {
    const graph = loadModel(path);
    const test = getMnistSplit().test;
    const reference = createF64Engine(graph);
    const expected = Array.from({ length: test.count }, (_, i) => argmax(reference.run(mnistImage(test, i))));
    for (const [format, floor] of [['f16', 0.99], ['bf16', 0.99], ['f32', 0.999]] as const) {
      const engine = createSoftEngine(graph, { format, accumulation: 'exact' });
      let agree = 0;
      for (let i = 0; i < test.count; i++) if (argmax(engine.run(mnistImage(test, i))) === expected[i]) agree++;
      expect(agree / test.count, `${engine.name}: ${agree} of ${test.count}`).toBeGreaterThanOrEqual(floor);
    }
  });
});
