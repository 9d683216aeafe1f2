/**
 * π for the BigInt references, as a fixed value π·2^640 (PREC bits of fraction), by Machin's formula
 * π/4 = 4·atan(1/5) − atan(1/239); each series term is truncated, so the error is below 2^-620.
 */
import { ONE, bf, type BF } from '../bigref.js';

function atanInv(k: bigint): bigint {
  const kk = k * k;
  let term = ONE / k;
  let sum = 0n;
  for (let i = 1n; term !== 0n; i += 2n) {
    sum += (i & 2n) === 0n ? term / i : -(term / i);
    term /= kk;
  }
  return sum;
}

export const PI_FIXED = 4n * (4n * atanInv(5n) - atanInv(239n));
export const PI: BF = bf(PI_FIXED, -640);
