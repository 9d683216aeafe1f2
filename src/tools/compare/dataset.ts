/**
 * The samples `fpuless compare` runs and the ones the quantized engines calibrate on: by default the fixed MNIST
 * split (the 2,000 test images; calibration on the first training images), or the user's .npy arrays.
 */
import { existsSync } from 'node:fs';
import type { Graph } from '../../inference/model/graph.js';
import { MNIST_PIXELS, getMnistSplit } from '../data/mnist.js';
import { type NpyArray, NpyError, npyToFloat64, readNpy } from '../data/npy.js';
import { CompareError } from './errors.js';

export interface Dataset {
  /** 'mnist': the fixed test split; 'npy': the user's files. */
  readonly source: 'mnist' | 'npy';
  /** One line for the report header, e.g. "2000 MNIST test images". */
  readonly description: string;
  readonly inputsPath: string | null;
  readonly labelsPath: string | null;
  readonly count: number;
  /** Values per sample (the model input's element count). */
  readonly sampleSize: number;
  /** `count` rows of `sampleSize` doubles. */
  readonly images: Float64Array;
  /** Class of each sample, or null when no labels were given (accuracy is then not reported). */
  readonly labels: Int32Array | null;
  readonly calibration: Float64Array[];
  /** e.g. "first 200 MNIST training images". */
  readonly calibrationSource: string;
  /** What was done to the inputs: 1 (used as is) or 1/255 (uint8 pixels scaled to [0, 1]). */
  readonly inputScale: number;
}

export interface DatasetOptions {
  readonly inputs?: string | undefined;
  readonly labels?: string | undefined;
  readonly limit?: number | undefined;
  /** Calibration samples; by default DEFAULT_CALIB, or all the samples there are when fewer. */
  readonly calib?: number | undefined;
}

/** Calibration samples when --calib is not given. */
export const DEFAULT_CALIB = 200;

/** The calibration count: as asked (an error beyond `available`), or the default capped at `available`. */
function calibCount(options: DatasetOptions, available: number, what: string): number {
  if (options.calib === undefined) return Math.min(DEFAULT_CALIB, available);
  if (options.calib > available) throw new CompareError(`--calib ${options.calib} is more than the ${available} ${what}`);
  return options.calib;
}

function product(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

export function formatShape(shape: readonly (number | string)[]): string {
  return `[${shape.join(', ')}]`;
}

/** Element count of the graph's input and output (batch 1). */
export function modelSizes(graph: Graph): { input: number; output: number; inputShape: readonly number[] } {
  const input = graph.inputs[0]!;
  const output = graph.outputs[0]!;
  return { input: product(input.shape), output: product(output.shape), inputShape: input.shape };
}

function read(path: string, what: string): NpyArray {
  if (!existsSync(path)) throw new CompareError(`${what} ${path}: no such file`);
  try {
    return readNpy(path);
  } catch (e) {
    if (e instanceof NpyError) throw new CompareError(`${what} ${e.message}`);
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CompareError(`${what} ${path}: no such file`);
    throw new CompareError(`${what} ${path}: cannot read (${(e as Error).message})`);
  }
}

function sliceRows(data: Float64Array, rowSize: number, count: number): Float64Array {
  return data.length === rowSize * count ? data : data.slice(0, rowSize * count);
}

function rows(data: Float64Array, rowSize: number, count: number): Float64Array[] {
  return Array.from({ length: count }, (_, i) => data.slice(i * rowSize, (i + 1) * rowSize));
}

function loadMnist(graph: Graph, options: DatasetOptions): Dataset {
  const { input, inputShape } = modelSizes(graph);
  if (input !== MNIST_PIXELS) {
    throw new CompareError(
      `the model's input ${formatShape(inputShape)} is not an MNIST image (${MNIST_PIXELS} values): give --inputs X.npy (and --labels Y.npy)`,
    );
  }
  const split = getMnistSplit();
  const calib = calibCount(options, split.train.count, 'MNIST training images');
  const count = Math.min(options.limit ?? split.test.count, split.test.count);
  return {
    source: 'mnist',
    description: `${count} MNIST test images`,
    inputsPath: null,
    labelsPath: null,
    count,
    sampleSize: input,
    images: sliceRows(split.test.images, input, count),
    labels: Int32Array.from(split.test.labels.subarray(0, count)),
    calibration: rows(split.train.images, input, calib),
    calibrationSource: `first ${calib} MNIST training images`,
    inputScale: 1,
  };
}

function loadNpy(graph: Graph, inputsPath: string, options: DatasetOptions): Dataset {
  const { input, output, inputShape } = modelSizes(graph);
  const x = read(inputsPath, '--inputs');
  if (x.dtype !== 'float32' && x.dtype !== 'float64' && x.dtype !== 'uint8') {
    throw new CompareError(`--inputs ${inputsPath}: dtype ${x.dtype}; images must be float32, float64 or uint8`);
  }
  const perSample = x.shape.length >= 2 ? product(x.shape.slice(1)) : -1;
  if (x.shape.length < 2 || x.shape[0]! < 1 || perSample !== input) {
    const want = formatShape(['N', ...inputShape.slice(1)]);
    throw new CompareError(
      `--inputs ${inputsPath}: shape ${formatShape(x.shape)} does not match the model input ${formatShape(inputShape)} ` +
        `(need ${want}, or any [N, ...] with ${input} values per sample)`,
    );
  }
  const total = x.shape[0]!;
  let labels: Int32Array | null = null;
  if (options.labels !== undefined) {
    const y = read(options.labels, '--labels');
    if (y.dtype !== 'int64' && y.dtype !== 'int32' && y.dtype !== 'uint8') {
      throw new CompareError(`--labels ${options.labels}: dtype ${y.dtype}; labels must be int64, int32 or uint8`);
    }
    if (y.shape.length !== 1 || y.shape[0] !== total) {
      throw new CompareError(
        `--labels ${options.labels}: shape ${formatShape(y.shape)} does not match --inputs ${inputsPath} shape ` +
          `${formatShape(x.shape)} (need [${total}])`,
      );
    }
    const values = npyToFloat64(y, options.labels);
    labels = new Int32Array(total);
    for (let i = 0; i < total; i++) {
      const v = values[i]!;
      if (!(v >= 0 && v < output)) {
        throw new CompareError(
          `--labels ${options.labels}: label ${i} is ${v}, outside 0 … ${output - 1} (the model has ${output} outputs)`,
        );
      }
      labels[i] = v;
    }
  }
  const calib = calibCount(options, total, `samples in ${inputsPath}`);
  const data = npyToFloat64(x, inputsPath);
  const inputScale = x.dtype === 'uint8' ? 1 / 255 : 1;
  const all = inputScale === 1 ? data : data.map((v) => v * inputScale);
  const count = Math.min(options.limit ?? total, total);
  return {
    source: 'npy',
    description: `${count} samples from ${inputsPath}`,
    inputsPath,
    labelsPath: options.labels ?? null,
    count,
    sampleSize: input,
    images: sliceRows(all, input, count),
    labels: labels === null ? null : labels.subarray(0, count),
    calibration: rows(all, input, calib),
    calibrationSource: `first ${calib} samples of ${inputsPath}`,
    inputScale,
  };
}

/** The evaluation and calibration samples for `graph`; a CompareError for anything missing or mis-shaped. */
export function loadDataset(graph: Graph, options: DatasetOptions): Dataset {
  if (options.inputs === undefined) {
    if (options.labels !== undefined) throw new CompareError('--labels needs --inputs');
    return loadMnist(graph, options);
  }
  return loadNpy(graph, options.inputs, options);
}

/** Sample `i` of the dataset as a view. */
export function sample(data: Dataset, i: number): Float64Array {
  return data.images.subarray(i * data.sampleSize, (i + 1) * data.sampleSize);
}
