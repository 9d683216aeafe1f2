/**
 * Loading the model named by --model for `compare` and `eval`: an fpuless model file (.fplm) or an ONNX file (.onnx),
 * chosen by extension. Every failure becomes one CompareError naming the option and the file.
 */
import { extname, join, resolve } from 'node:path';
import type { Graph } from '../../inference/model/graph.js';
import { loadModel } from '../../inference/model/modelFile.js';
import { loadOnnx } from '../../inference/onnx/index.js';
import { CompareError } from './errors.js';
import { DEFAULT_MODEL, packageRoot } from './paths.js';

export interface LoadedModel {
  readonly graph: Graph;
  /** The path as the user gave it (or the bundled model's path). */
  readonly shown: string;
  readonly kind: 'fplm' | 'onnx';
}

/** The model at `option` (relative to `cwd`), or the bundled MNIST MLP when `option` is undefined and `required` is false. */
export function loadModelOption(option: string | undefined, cwd: string, required = false): LoadedModel {
  if (option === undefined && required) throw new CompareError('--model is required (an .onnx or .fplm file)');
  const path = option === undefined ? join(packageRoot(), DEFAULT_MODEL) : resolve(cwd, option);
  const shown = option ?? path;
  const ext = extname(path).toLowerCase();
  if (ext !== '.fplm' && ext !== '.onnx') {
    throw new CompareError(`--model ${shown}: unknown model type "${ext || '(no extension)'}"; expected an ONNX file (.onnx) or an fpuless model file (.fplm)`);
  }
  const kind = ext === '.onnx' ? 'onnx' : 'fplm';
  try {
    return { graph: kind === 'onnx' ? loadOnnx(path) : loadModel(path), shown, kind };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CompareError(`--model ${shown}: no such file`);
    if (code === 'EISDIR') throw new CompareError(`--model ${shown}: is a directory`);
    if (code !== undefined) throw new CompareError(`--model ${shown}: cannot read (${(e as Error).message})`);
    if (e instanceof Error && e.name === 'ModelError') throw new CompareError(`--model ${shown}: ${e.message}`);
    throw e;
  }
}
