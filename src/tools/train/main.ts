/**
 * `npm run train` (built to dist/train.js): retrain the bundled MNIST models and write models/mnist-mlp.fplm and
 * models/mnist-cnn.fplm (float32 weights). Training is deterministic (spec/data.md), so the files come out the same
 * bytes on every machine; `--check` retrains without writing and fails unless the existing files match.
 *
 *   node dist/train.js [--out DIR] [--only mlp|cnn] [--check] [--verbose]
 */

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createF64Engine } from '../../inference/engines/f64/index.js';
import type { Graph } from '../../inference/model/graph.js';
import { readModel, saveModel, writeModel } from '../../inference/model/modelFile.js';
import { MNIST_PIXELS, getMnistSplit, type MnistSet } from '../data/mnist.js';
import { MODEL_KINDS, RECIPES, trainModel, type ModelKind } from './models.js';
import { argmax } from './network.js';

const USAGE = `usage: node dist/train.js [--out DIR] [--only mlp|cnn] [--check] [--verbose]
  --out DIR    where the model files go (default: models)
  --only KIND  train one model: mlp or cnn (default: both)
  --check      retrain and compare with the existing files instead of writing them (exit status 1 on a difference)
  --verbose    report test accuracy after every epoch
`;

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Accuracy of `graph` on `set` with the float64 reference engine, and its predictions. */
function engineAccuracy(graph: Graph, set: MnistSet): { accuracy: number; predictions: Uint8Array } {
  const engine = createF64Engine(graph);
  const predictions = new Uint8Array(set.count);
  let correct = 0;
  for (let i = 0; i < set.count; i++) {
    const p = argmax(engine.run(set.images.subarray(i * MNIST_PIXELS, (i + 1) * MNIST_PIXELS)));
    predictions[i] = p;
    if (p === set.labels[i]) correct++;
  }
  return { accuracy: correct / set.count, predictions };
}

function percent(x: number): string {
  return `${(100 * x).toFixed(2)}%`;
}

function main(argv: string[]): number {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        out: { type: 'string', default: 'models' },
        only: { type: 'string' },
        check: { type: 'boolean', default: false },
        verbose: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    process.stderr.write(`train: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (values.only !== undefined && !MODEL_KINDS.includes(values.only as ModelKind)) {
    process.stderr.write(`train: --only must be mlp or cnn, got ${JSON.stringify(values.only)}\n`);
    return 2;
  }
  const kinds = values.only === undefined ? MODEL_KINDS : [values.only as ModelKind];
  const out = values.out;
  if (!values.check) mkdirSync(out, { recursive: true });

  const split = getMnistSplit();
  let status = 0;
  for (const kind of kinds) {
    const recipe = RECIPES[kind];
    const path = join(out, `${recipe.name}.fplm`);
    process.stdout.write(`${recipe.name}: training on ${split.train.count} images, ${JSON.stringify(recipe.sgd)}\n`);
    const result = trainModel(kind, {
      split,
      evaluateEachEpoch: values.verbose,
      onEpoch: (e) => {
        const test = e.testAccuracy === undefined ? '' : `, test ${percent(e.testAccuracy)}`;
        process.stdout.write(
          `  epoch ${e.epoch}: lr ${e.learningRate.toPrecision(3)}, loss ${e.trainLoss.toFixed(4)}, train ${percent(e.trainAccuracy)}${test} (${e.cpuSeconds.toFixed(1)} s)\n`,
        );
      },
    });
    const bytes = writeModel(result.graph, 'float32');
    const hash = sha256(bytes);
    const engine = engineAccuracy(readModel(bytes), split.test);
    process.stdout.write(
      `  test accuracy ${percent(result.testAccuracy)} (float32 weights; ${percent(result.testAccuracyF64)} before rounding), ` +
        `f64 engine on the file ${percent(engine.accuracy)}; ${result.cpuSeconds.toFixed(1)} s CPU\n`,
    );
    if (values.check) {
      if (!existsSync(path)) {
        process.stdout.write(`  ${path}: missing (retrained SHA-256 ${hash})\n`);
        status = 1;
        continue;
      }
      const existing = sha256(readFileSync(path));
      const same = existing === hash;
      process.stdout.write(`  ${path}: ${same ? 'identical' : 'DIFFERENT'} (file ${existing}, retrained ${hash})\n`);
      if (!same) status = 1;
    } else {
      saveModel(path, result.graph, 'float32');
      const written = readFileSync(path);
      process.stdout.write(`  wrote ${path}: ${written.length} bytes, SHA-256 ${sha256(written)}\n`);
      if (sha256(written) !== hash) status = 1;
    }
  }
  return status;
}

process.exitCode = main(process.argv.slice(2));
