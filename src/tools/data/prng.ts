/**
 * Mulberry32: a small 32-bit integer PRNG (Tommy Ettinger's constants). Every step is integer arithmetic
 * (Math.imul, shifts, xor), so a seed gives the same sequence on every machine and JavaScript engine. Used for the
 * MNIST split and for everything random in the trainer (weight initialisation, epoch shuffles).
 */

export class Mulberry32 {
  private state: number;

  constructor(seed: number) {
    if (!Number.isSafeInteger(seed)) throw new RangeError(`PRNG seed must be an integer, got ${seed}`);
    this.state = seed >>> 0;
  }

  /** Next value, a uint32. */
  nextU32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** Uniform double in [0, 1): a uint32 divided by 2^32, which is exact. */
  nextFloat(): number {
    return this.nextU32() / 4294967296;
  }

  /**
   * Uniform integer in [0, n) for 1 <= n <= 2^32, by rejection so there is no modulo bias; only integer operations
   * decide the result.
   */
  nextBelow(n: number): number {
    if (!Number.isSafeInteger(n) || n < 1 || n > 4294967296) throw new RangeError(`nextBelow: bad bound ${n}`);
    // Largest multiple of n that fits in 2^32; values at or above it are rejected.
    const limit = 4294967296 - (4294967296 % n);
    for (;;) {
      const u = this.nextU32();
      if (u < limit) return u % n;
    }
  }

  /** Fisher–Yates shuffle of `a` in place (from the last element down, swapping with a uniform earlier index). */
  shuffle(a: Uint32Array): Uint32Array {
    for (let i = a.length - 1; i > 0; i--) {
      const j = this.nextBelow(i + 1);
      const t = a[i]!;
      a[i] = a[j]!;
      a[j] = t;
    }
    return a;
  }
}
