/**
 * Working storage shared by an engine's kernels: one bucket array for the exact accumulator, grown when a run needs
 * more (never per operation), and all zeros between uses (every kernel clears the bands it used).
 */
export class Scratch {
  private b = new Int32Array(1024);

  /** A zeroed bucket array of at least n entries. */
  buckets(n: number): Int32Array {
    if (this.b.length < n) this.b = new Int32Array(n);
    return this.b;
  }
}
