/**
 * The error bounds that f32_div and f32_sqrt rely on, checked for every input those operations can pass:
 * approxRecip32 sees d = sig·2^8 for each of the 2^23 binary32 significands sig, and approxRecipSqrt32 sees
 * M = sig·2^7 or sig·2^8 (2^24 values). Exact arithmetic in BigInt.
 */
import { describe, expect, it } from 'vitest';
import { approxRecip32, approxRecipSqrt32 } from '../../src/primitives/integer.js';

describe('approximations on every binary32 significand', () => {
  it('approxRecip32(d) is within 2^-29 of 2^63/d', () => {
    // |X·d - 2^63| <= 2^63·2^-29 = 2^34, i.e. the relative error of X is at most 2^-29.
    let worst = 0n;
    for (let sig = 0x800000; sig < 0x1000000; sig++) {
      const d = sig * 256;
      const error = BigInt(approxRecip32(d)) * BigInt(d) - (1n << 63n);
      const magnitude = error < 0n ? -error : error;
      if (magnitude > worst) worst = magnitude;
    }
    expect(worst <= 1n << 34n).toBe(true);
  });

  it('approxRecipSqrt32(M) is within 2^-28 of 2^31/sqrt(M/2^30)', () => {
    // Y ≈ 2^46/sqrt(M): relative error e satisfies Y^2·M = 2^92·(1+e)^2, so |Y^2·M - 2^92| <= 2^92·2.01·2^-28.
    const bound = (1n << 64n) * 201n / 100n;
    let worst = 0n;
    for (let shift = 7; shift <= 8; shift++) {
      for (let sig = 0x800000; sig < 0x1000000; sig++) {
        const m = sig * 2 ** shift;
        const y = BigInt(approxRecipSqrt32(m));
        const error = y * y * BigInt(m) - (1n << 92n);
        const magnitude = error < 0n ? -error : error;
        if (magnitude > worst) worst = magnitude;
      }
    }
    expect(worst <= bound).toBe(true);
  });
});
