/**
 * A feed-forward stack of layers ending in logits, with the softmax cross-entropy loss. The softmax uses detExp (see
 * detmath.ts) so that gradients are the same bits on every machine; the loss value itself uses Math.log, but it is
 * only reported, never fed back into training.
 */

import { detExp } from './detmath.js';
import type { Layer, Param } from './layers.js';

export class Network {
  readonly params: readonly Param[];
  private readonly probs: Float64Array;
  private readonly dlogits: Float64Array;

  constructor(
    readonly layers: readonly Layer[],
    readonly classes: number,
  ) {
    if (layers.length === 0 || layers[layers.length - 1]!.outSize !== classes) {
      throw new RangeError(`the last layer must produce ${classes} logits`);
    }
    this.params = layers.flatMap((l) => l.params);
    this.probs = new Float64Array(classes);
    this.dlogits = new Float64Array(classes);
  }

  /** Logits for one input (a buffer owned by the last layer, valid until the next forward). */
  forward(x: Float64Array): Float64Array {
    let a = x;
    for (const layer of this.layers) a = layer.forward(a);
    return a;
  }

  /** Index of the largest logit (the first one on ties). */
  predict(x: Float64Array): number {
    return argmax(this.forward(x));
  }

  /** Whether the sample of the last `trainSample` was classified correctly. */
  lastCorrect = false;

  /**
   * Forward and backward pass for one labelled sample: adds its gradient of the softmax cross-entropy loss to every
   * parameter's `grad`. Returns the sample's loss.
   */
  trainSample(x: Float64Array, label: number): number {
    const z = this.forward(x);
    const n = this.classes;
    let max = z[0]!;
    for (let i = 1; i < n; i++) if (z[i]! > max) max = z[i]!;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const e = detExp(z[i]! - max);
      this.probs[i] = e;
      sum += e;
    }
    for (let i = 0; i < n; i++) this.dlogits[i] = this.probs[i]! / sum - (i === label ? 1 : 0);
    this.lastCorrect = argmax(z) === label;
    const loss = Math.log(sum) - (z[label]! - max);
    let g: Float64Array | null = this.dlogits;
    for (let l = this.layers.length - 1; l >= 0 && g !== null; l--) g = this.layers[l]!.backward(g);
    return loss;
  }
}

export function argmax(v: Float64Array): number {
  let best = 0;
  for (let i = 1; i < v.length; i++) if (v[i]! > v[best]!) best = i;
  return best;
}
