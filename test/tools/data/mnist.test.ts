import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  MNIST_PIXELS,
  MNIST_TEST_COUNT,
  MNIST_TOTAL,
  MNIST_TRAIN_COUNT,
  getMnistSplit,
  loadMnist,
  mnistImage,
  mnistSplitOrder,
} from '../../../src/tools/data/mnist.js';

function sha256(a: ArrayBufferView): string {
  return createHash('sha256').update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength)).digest('hex');
}

function histogram(labels: Uint8Array): number[] {
  const h = new Array<number>(10).fill(0);
  for (const l of labels) h[l]!++;
  return h;
}

describe('MNIST split', () => {
  const split = getMnistSplit();

  it('has 8,000 training and 2,000 test images of 784 values in [0, 1]', () => {
    expect(split.train.count).toBe(MNIST_TRAIN_COUNT);
    expect(split.test.count).toBe(MNIST_TEST_COUNT);
    for (const set of [split.train, split.test]) {
      expect(set.images.length).toBe(set.count * MNIST_PIXELS);
      expect(set.labels.length).toBe(set.count);
      expect(set.sources.length).toBe(set.count);
      let bad = 0;
      for (const v of set.images) if (!(v >= 0 && v <= 1)) bad++;
      expect(bad).toBe(0);
      expect(Math.max(...set.labels)).toBe(9);
      expect(mnistImage(set, 1)).toEqual(set.images.subarray(MNIST_PIXELS, 2 * MNIST_PIXELS));
    }
  });

  it('train and test are disjoint and together cover all 10,000 images', () => {
    const all = [...split.train.sources, ...split.test.sources].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: MNIST_TOTAL }, (_, i) => i));
  });

  it('is the documented split (spec/data.md): same labels, images and order on every machine', () => {
    expect(histogram(split.train.labels)).toEqual([810, 899, 808, 821, 788, 693, 818, 841, 734, 788]);
    expect(histogram(split.test.labels)).toEqual([191, 228, 183, 211, 192, 170, 196, 229, 210, 190]);
    expect([...split.train.sources.subarray(0, 8)]).toEqual([2112, 9085, 4900, 9133, 7060, 5791, 958, 2028]);
    expect([...split.test.sources.subarray(0, 8)]).toEqual([4147, 7473, 1795, 840, 9914, 3030, 2596, 6712]);
    expect(sha256(split.train.labels)).toBe('ea7df0425cd453c0ae3af63b1a0bd7681d82effec8b2d8cff56aa674f402db18');
    expect(sha256(split.test.labels)).toBe('5daeb41c5189177f3f35d3572ba4636a9349be717f411cbfe58aa19edcdcfdea');
    expect(sha256(split.train.images)).toBe('a74927532393e28ab8f37978bd1587d5befc5d71dcc326a6f3f344c2641fee2c');
    expect(sha256(split.test.images)).toBe('48f318be37451e84b1cf0a72e8c7e26a4e38ed2923ba30ae0ea220f5316b49db');
  });

  it('is deterministic and hands out fresh arrays', () => {
    const again = getMnistSplit();
    expect(again.train.images === split.train.images).toBe(false);
    expect(sha256(again.train.images)).toBe(sha256(split.train.images));
    expect(sha256(again.test.labels)).toBe(sha256(split.test.labels));
    expect([...mnistSplitOrder()]).toEqual([...split.train.sources, ...split.test.sources]);
  });

  it('image k of a split is canonical image sources[k]', () => {
    const all = loadMnist();
    expect(all.count).toBe(MNIST_TOTAL);
    for (const set of [split.train, split.test]) {
      for (const k of [0, 1, 777, set.count - 1]) {
        const src = set.sources[k]!;
        expect(set.labels[k]).toBe(all.labels[src]);
        expect(mnistImage(set, k)).toEqual(mnistImage(all, src));
      }
    }
  });

  it('reads exactly the values JSON.parse gives for the package files', () => {
    const all = loadMnist();
    const digits = join(dirname(createRequire(import.meta.url).resolve('mnist/package.json')), 'src', 'digits');
    // Canonical order starts with every 0, then every 1.
    let at = 0;
    let mismatches = 0;
    for (const d of [0, 1]) {
      const data = (JSON.parse(readFileSync(join(digits, `${d}.json`), 'utf8')) as { data: number[] }).data;
      for (let i = 0; i < data.length; i++) if (!Object.is(data[i], all.images[at + i])) mismatches++;
      for (let i = 0; i < data.length / MNIST_PIXELS; i++) if (all.labels[at / MNIST_PIXELS + i] !== d) mismatches++;
      at += data.length;
    }
    expect(mismatches).toBe(0);
  });
});
