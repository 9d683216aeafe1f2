/**
 * The trainer's layers: one sample at a time, float64, plain loops in a fixed order so that a run is the same bit for
 * bit on every machine (only +, -, * and comparisons here). Each layer owns its output and input-gradient buffers;
 * parameter gradients accumulate over a mini-batch until the optimizer consumes them.
 *
 * Storage matches the graph format: Gemm weights [out, in], Conv weights [cout, cin, kh, kw], activations CHW.
 */

export interface Param {
  readonly name: string;
  readonly shape: readonly number[];
  readonly value: Float64Array;
  /** Sum of the per-sample gradients since the last optimizer step. */
  readonly grad: Float64Array;
  /** Momentum buffer. */
  readonly velocity: Float64Array;
  /** Weight decay applies to weights, not biases. */
  readonly decay: boolean;
}

export function makeParam(name: string, shape: readonly number[], decay: boolean): Param {
  const n = shape.reduce((a, b) => a * b, 1);
  return { name, shape: [...shape], value: new Float64Array(n), grad: new Float64Array(n), velocity: new Float64Array(n), decay };
}

export interface Layer {
  readonly params: readonly Param[];
  readonly outSize: number;
  /** Output for input `x`; the layer keeps what its backward pass needs. `x` must stay unchanged until backward. */
  forward(x: Float64Array): Float64Array;
  /**
   * Accumulate parameter gradients for output gradient `dy` and return the input gradient, or null when the layer was
   * built without one (the first layer).
   */
  backward(dy: Float64Array): Float64Array | null;
}

/**
 * Fully connected layer (ONNX Gemm with weights [out, in]). The input's nonzero entries are gathered first and only
 * they enter the sums: images and ReLU outputs are mostly zeros, so this is several times faster. Each sum runs over
 * the nonzero inputs in increasing index order, starting from the bias.
 */
export class Dense implements Layer {
  readonly weight: Param;
  readonly bias: Param;
  readonly params: readonly Param[];
  readonly outSize: number;
  private readonly out: Float64Array;
  private readonly dx: Float64Array | null;
  private readonly nzIndex: Int32Array;
  private readonly nzValue: Float64Array;
  private nnz = 0;

  constructor(
    name: string,
    readonly inSize: number,
    outSize: number,
    inputGradient: boolean,
  ) {
    this.outSize = outSize;
    this.weight = makeParam(`${name}.weight`, [outSize, inSize], true);
    this.bias = makeParam(`${name}.bias`, [outSize], false);
    this.params = [this.weight, this.bias];
    this.out = new Float64Array(outSize);
    this.dx = inputGradient ? new Float64Array(inSize) : null;
    this.nzIndex = new Int32Array(inSize);
    this.nzValue = new Float64Array(inSize);
  }

  forward(x: Float64Array): Float64Array {
    const { inSize, outSize, nzIndex, nzValue, out } = this;
    let nnz = 0;
    for (let i = 0; i < inSize; i++) {
      const v = x[i]!;
      if (v !== 0) {
        nzIndex[nnz] = i;
        nzValue[nnz++] = v;
      }
    }
    this.nnz = nnz;
    const w = this.weight.value;
    const b = this.bias.value;
    for (let j = 0; j < outSize; j++) {
      const row = j * inSize;
      let s = b[j]!;
      for (let t = 0; t < nnz; t++) s += w[row + nzIndex[t]!]! * nzValue[t]!;
      out[j] = s;
    }
    return out;
  }

  backward(dy: Float64Array): Float64Array | null {
    const { inSize, outSize, nzIndex, nzValue, nnz } = this;
    const gw = this.weight.grad;
    const gb = this.bias.grad;
    for (let j = 0; j < outSize; j++) {
      const g = dy[j]!;
      if (g === 0) continue;
      gb[j]! += g;
      const row = j * inSize;
      for (let t = 0; t < nnz; t++) gw[row + nzIndex[t]!]! += g * nzValue[t]!;
    }
    const dx = this.dx;
    if (dx === null) return null;
    dx.fill(0);
    const w = this.weight.value;
    for (let j = 0; j < outSize; j++) {
      const g = dy[j]!;
      if (g === 0) continue;
      const row = j * inSize;
      for (let i = 0; i < inSize; i++) dx[i]! += w[row + i]! * g;
    }
    return dx;
  }
}

export class Relu implements Layer {
  readonly params: readonly Param[] = [];
  private readonly out: Float64Array;
  private readonly dx: Float64Array;

  constructor(readonly outSize: number) {
    this.out = new Float64Array(outSize);
    this.dx = new Float64Array(outSize);
  }

  forward(x: Float64Array): Float64Array {
    const out = this.out;
    for (let i = 0; i < this.outSize; i++) {
      const v = x[i]!;
      out[i] = v > 0 ? v : 0;
    }
    return out;
  }

  backward(dy: Float64Array): Float64Array {
    const { out, dx } = this;
    for (let i = 0; i < this.outSize; i++) dx[i] = out[i]! > 0 ? dy[i]! : 0;
    return dx;
  }
}

/**
 * 3×3 convolution, stride 1, zero padding 1 (ONNX Conv with pads [1, 1, 1, 1]): input [cin, h, w], output
 * [cout, h, w]. Loops run over (cout, cin, ky, kx) with the whole output plane innermost; each output starts at its
 * bias and adds the taps in that order.
 */
export class Conv3x3 implements Layer {
  readonly weight: Param;
  readonly bias: Param;
  readonly params: readonly Param[];
  readonly outSize: number;
  private readonly out: Float64Array;
  private readonly dx: Float64Array | null;
  private x: Float64Array;

  constructor(
    name: string,
    readonly cin: number,
    readonly cout: number,
    readonly h: number,
    readonly w: number,
    inputGradient: boolean,
  ) {
    this.weight = makeParam(`${name}.weight`, [cout, cin, 3, 3], true);
    this.bias = makeParam(`${name}.bias`, [cout], false);
    this.params = [this.weight, this.bias];
    this.outSize = cout * h * w;
    this.out = new Float64Array(this.outSize);
    this.dx = inputGradient ? new Float64Array(cin * h * w) : null;
    this.x = new Float64Array(cin * h * w);
  }

  forward(x: Float64Array): Float64Array {
    this.x = x;
    const { cin, cout, h, w, out } = this;
    const hw = h * w;
    const wt = this.weight.value;
    const b = this.bias.value;
    for (let co = 0; co < cout; co++) {
      const ob = co * hw;
      out.fill(b[co]!, ob, ob + hw);
      for (let ci = 0; ci < cin; ci++) {
        const ib = ci * hw;
        for (let ky = 0; ky < 3; ky++) {
          const dy = ky - 1;
          const y0 = dy < 0 ? 1 : 0;
          const y1 = dy > 0 ? h - 1 : h;
          for (let kx = 0; kx < 3; kx++) {
            const dxo = kx - 1;
            const x0 = dxo < 0 ? 1 : 0;
            const x1 = dxo > 0 ? w - 1 : w;
            const k = wt[((co * cin + ci) * 3 + ky) * 3 + kx]!;
            for (let y = y0; y < y1; y++) {
              const orow = ob + y * w;
              const irow = ib + (y + dy) * w + dxo;
              for (let xx = x0; xx < x1; xx++) out[orow + xx]! += k * x[irow + xx]!;
            }
          }
        }
      }
    }
    return out;
  }

  backward(g: Float64Array): Float64Array | null {
    const { cin, cout, h, w, x } = this;
    const hw = h * w;
    const wt = this.weight.value;
    const gw = this.weight.grad;
    const gb = this.bias.grad;
    const dx = this.dx;
    if (dx !== null) dx.fill(0);
    for (let co = 0; co < cout; co++) {
      const ob = co * hw;
      let sb = 0;
      for (let i = 0; i < hw; i++) sb += g[ob + i]!;
      gb[co]! += sb;
      for (let ci = 0; ci < cin; ci++) {
        const ib = ci * hw;
        for (let ky = 0; ky < 3; ky++) {
          const dy = ky - 1;
          const y0 = dy < 0 ? 1 : 0;
          const y1 = dy > 0 ? h - 1 : h;
          for (let kx = 0; kx < 3; kx++) {
            const dxo = kx - 1;
            const x0 = dxo < 0 ? 1 : 0;
            const x1 = dxo > 0 ? w - 1 : w;
            const wi = ((co * cin + ci) * 3 + ky) * 3 + kx;
            const k = wt[wi]!;
            let s = 0;
            for (let y = y0; y < y1; y++) {
              const orow = ob + y * w;
              const irow = ib + (y + dy) * w + dxo;
              for (let xx = x0; xx < x1; xx++) s += g[orow + xx]! * x[irow + xx]!;
            }
            gw[wi]! += s;
            if (dx !== null) {
              for (let y = y0; y < y1; y++) {
                const orow = ob + y * w;
                const irow = ib + (y + dy) * w + dxo;
                for (let xx = x0; xx < x1; xx++) dx[irow + xx]! += k * g[orow + xx]!;
              }
            }
          }
        }
      }
    }
    return dx;
  }
}

/** 2×2 max pooling, stride 2, no padding (h and w even): [c, h, w] → [c, h/2, w/2]. Ties go to the first in scan order. */
export class MaxPool2 implements Layer {
  readonly params: readonly Param[] = [];
  readonly outSize: number;
  private readonly out: Float64Array;
  private readonly arg: Int32Array;
  private readonly dx: Float64Array;

  constructor(
    readonly c: number,
    readonly h: number,
    readonly w: number,
  ) {
    if (h % 2 !== 0 || w % 2 !== 0) throw new RangeError(`MaxPool2 needs even sizes, got ${h}×${w}`);
    this.outSize = (c * h * w) / 4;
    this.out = new Float64Array(this.outSize);
    this.arg = new Int32Array(this.outSize);
    this.dx = new Float64Array(c * h * w);
  }

  forward(x: Float64Array): Float64Array {
    const { c, h, w, out, arg } = this;
    const oh = h / 2;
    const ow = w / 2;
    let o = 0;
    for (let ch = 0; ch < c; ch++) {
      for (let y = 0; y < oh; y++) {
        for (let xx = 0; xx < ow; xx++) {
          const i0 = (ch * h + 2 * y) * w + 2 * xx;
          let best = i0;
          if (x[i0 + 1]! > x[best]!) best = i0 + 1;
          if (x[i0 + w]! > x[best]!) best = i0 + w;
          if (x[i0 + w + 1]! > x[best]!) best = i0 + w + 1;
          out[o] = x[best]!;
          arg[o++] = best;
        }
      }
    }
    return out;
  }

  backward(dy: Float64Array): Float64Array {
    const { dx, arg } = this;
    dx.fill(0);
    for (let o = 0; o < this.outSize; o++) dx[arg[o]!] = dy[o]!;
    return dx;
  }
}
