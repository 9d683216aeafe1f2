/**
 * Mini-batch SGD with momentum over an MNIST set, deterministic: the PRNG is mulberry32, every epoch visits the
 * training samples in a fresh Fisher–Yates order, per-sample gradients are summed in that order, and the update is
 *
 *   v ← μ·v − η·(g/B + λ·w)    (λ only for weights, not biases)
 *   w ← w + v
 *
 * with a learning rate η that falls linearly from `learningRate` in the first epoch to `learningRate·finalFraction`
 * in the last. Optional augmentation shifts each training image by a whole number of pixels (zero fill), drawn from
 * the same PRNG. Timing is measured but never influences the result.
 */

import { MNIST_PIXELS, MNIST_SIDE, type MnistSet } from '../data/mnist.js';
import type { Mulberry32 } from '../data/prng.js';
import type { Network } from './network.js';

export interface SgdConfig {
  readonly epochs: number;
  readonly batchSize: number;
  readonly learningRate: number;
  /** Learning rate of the last epoch as a fraction of the first (1 keeps it constant). */
  readonly finalFraction: number;
  readonly momentum: number;
  readonly weightDecay: number;
  /** Largest random shift of a training image along each axis, in pixels (0: no augmentation). */
  readonly maxShift: number;
}

export interface EpochReport {
  readonly epoch: number;
  readonly learningRate: number;
  readonly trainLoss: number;
  readonly trainAccuracy: number;
  /** Accuracy on the evaluation set, when one was given. */
  readonly testAccuracy: number | undefined;
  /** CPU time of the epoch (training and evaluation), in seconds. */
  readonly cpuSeconds: number;
}

export function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

/** Fraction of `set` that `net` classifies correctly. */
export function accuracy(net: Network, set: MnistSet): number {
  let correct = 0;
  for (let i = 0; i < set.count; i++) {
    if (net.predict(set.images.subarray(i * MNIST_PIXELS, (i + 1) * MNIST_PIXELS)) === set.labels[i]) correct++;
  }
  return set.count === 0 ? 0 : correct / set.count;
}

/** Copy image `src` into `dst` moved by (sx, sy) pixels, filling uncovered pixels with 0. */
function shiftImage(src: Float64Array, dst: Float64Array, sx: number, sy: number): void {
  dst.fill(0);
  for (let y = 0; y < MNIST_SIDE; y++) {
    const fy = y - sy;
    if (fy < 0 || fy >= MNIST_SIDE) continue;
    for (let x = 0; x < MNIST_SIDE; x++) {
      const fx = x - sx;
      if (fx >= 0 && fx < MNIST_SIDE) dst[y * MNIST_SIDE + x] = src[fy * MNIST_SIDE + fx]!;
    }
  }
}

function checkConfig(c: SgdConfig): void {
  const ok =
    Number.isSafeInteger(c.epochs) && c.epochs >= 0 &&
    Number.isSafeInteger(c.batchSize) && c.batchSize >= 1 &&
    c.learningRate > 0 && c.finalFraction >= 0 && c.momentum >= 0 && c.momentum < 1 && c.weightDecay >= 0 &&
    Number.isSafeInteger(c.maxShift) && c.maxShift >= 0 && c.maxShift < MNIST_SIDE;
  if (!ok) throw new RangeError(`invalid SGD configuration ${JSON.stringify(c)}`);
}

/** Apply one update from the accumulated gradients of `batch` samples and clear them. */
function step(net: Network, batch: number, lr: number, momentum: number, weightDecay: number): void {
  const inv = 1 / batch;
  for (const p of net.params) {
    const { value, grad, velocity } = p;
    const wd = p.decay ? weightDecay : 0;
    for (let i = 0; i < value.length; i++) {
      const v = momentum * velocity[i]! - lr * (grad[i]! * inv + wd * value[i]!);
      velocity[i] = v;
      value[i]! += v;
      grad[i] = 0;
    }
  }
}

/** Train `net` in place on `train`; `rng` drives the epoch orders and augmentation. */
export function trainSgd(
  net: Network,
  train: MnistSet,
  config: SgdConfig,
  rng: Mulberry32,
  options: { readonly test?: MnistSet; readonly onEpoch?: (report: EpochReport) => void } = {},
): EpochReport[] {
  checkConfig(config);
  const reports: EpochReport[] = [];
  const order = new Uint32Array(train.count);
  const shifted = new Float64Array(MNIST_PIXELS);
  for (let epoch = 0; epoch < config.epochs; epoch++) {
    const start = cpuSeconds();
    const t = config.epochs > 1 ? epoch / (config.epochs - 1) : 0;
    const lr = config.learningRate * (1 - t * (1 - config.finalFraction));
    for (let i = 0; i < order.length; i++) order[i] = i;
    rng.shuffle(order);
    let loss = 0;
    let correct = 0;
    let inBatch = 0;
    for (let n = 0; n < order.length; n++) {
      const k = order[n]!;
      let image = train.images.subarray(k * MNIST_PIXELS, (k + 1) * MNIST_PIXELS);
      if (config.maxShift > 0) {
        const span = 2 * config.maxShift + 1;
        const sx = rng.nextBelow(span) - config.maxShift;
        const sy = rng.nextBelow(span) - config.maxShift;
        shiftImage(image, shifted, sx, sy);
        image = shifted;
      }
      loss += net.trainSample(image, train.labels[k]!);
      if (net.lastCorrect) correct++;
      if (++inBatch === config.batchSize || n === order.length - 1) {
        step(net, inBatch, lr, config.momentum, config.weightDecay);
        inBatch = 0;
      }
    }
    const testAccuracy = options.test === undefined ? undefined : accuracy(net, options.test);
    const report: EpochReport = {
      epoch: epoch + 1,
      learningRate: lr,
      trainLoss: train.count === 0 ? 0 : loss / train.count,
      trainAccuracy: train.count === 0 ? 0 : correct / train.count,
      testAccuracy,
      cpuSeconds: cpuSeconds() - start,
    };
    reports.push(report);
    options.onEpoch?.(report);
  }
  return reports;
}
