/**
 * binary32 IEEE remainder a - n·b, n the integer nearest a/b (ties to even). The result is always exact, so no
 * rounding mode applies and only invalid can be raised; a zero result has a's sign.
 */
import { env, flag_invalid } from '../../env/environment.js';
import { umDivMod, wide } from '../../primitives/integer.js';
import { invalidNaNF32, propagateNaNF32 } from '../specialize.js';
import { normRoundPackToF32, subnormalExpF32, subnormalSigF32 } from './roundPack.js';

export function f32_rem(a: number, b: number): number {
  let expA = (a >>> 23) & 0xff;
  let sigA = a & 0x007fffff;
  let expB = (b >>> 23) & 0xff;
  let sigB = b & 0x007fffff;
  if (expA === 0xff) {
    if (sigA !== 0 || (expB === 0xff && sigB !== 0)) return propagateNaNF32(a, b);
    env.flags |= flag_invalid;
    return invalidNaNF32();
  }
  if (expB === 0xff) return sigB !== 0 ? propagateNaNF32(a, b) : a;
  if (expB === 0) {
    if (sigB === 0) {
      env.flags |= flag_invalid;
      return invalidNaNF32();
    }
    expB = subnormalExpF32(sigB);
    sigB = subnormalSigF32(sigB);
  }
  if (expA === 0) {
    if (sigA === 0) return a;
    expA = subnormalExpF32(sigA);
    sigA = subnormalSigF32(sigA);
  }
  let expDiff = expA - expB;
  // |a| < |b|/2: n = 0.
  if (expDiff < -1) return a;
  sigA |= 0x00800000;
  sigB |= 0x00800000;
  // In units of the lsb of b (or half of it when a is the smaller binade), a = x and b = y with integers x, y; the
  // remainder is r = x mod y, and q's parity decides ties.
  let y = sigB;
  let expR = expB + 6;
  let r = sigA;
  let q = 0;
  if (expDiff < 0) {
    y = sigB << 1;
    expR--;
  } else {
    if (r >= y) {
      r -= y;
      q = 1;
    }
    // x = sigA·2^expDiff is reduced a word at a time: (r·2^k) mod y only needs the previous remainder, and with
    // r < y the quotient fits in 32 bits. The last quotient's low bit is the low bit of the whole quotient.
    while (expDiff > 0) {
      const k = expDiff < 32 ? expDiff : 32;
      q = k === 32 ? umDivMod(r, 0, y) : umDivMod(r >>> (32 - k), (r << k) >>> 0, y);
      r = wide.rem;
      expDiff -= k;
    }
  }
  let signR = a >>> 31;
  // r or r - y, whichever is nearer zero; at a tie the one that makes n even.
  const twice = r << 1;
  if (twice > y || (twice === y && (q & 1) !== 0)) {
    r = y - r;
    signR ^= 1;
  }
  return normRoundPackToF32(signR, expR, r);
}
