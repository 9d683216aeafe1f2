/** binary32 multiplication, correctly rounded in the current mode. */
import { env, flag_invalid, round_near_even } from '../../env/environment.js';
import { isNormalF32 } from './addNearEven.js';
import { umulHi } from '../../primitives/integer.js';
import { invalidNaNF32, propagateNaNF32 } from '../specialize.js';
import { packF32, roundPackToF32, subnormalExpF32, subnormalSigF32 } from './roundPack.js';

export function f32_mul(a: number, b: number): number {
  if (env.roundingMode === round_near_even && isNormalF32(a) && isNormalF32(b)) {
    const z = mulNearEvenF32(a, b);
    if (z >= 0) return z;
  }
  return mulF32(a, b);
}

/**
 * The common case, small enough for V8 to inline: nearest-even, normal operands and a normal finite result; -1
 * otherwise. The 24-bit significands are split in 12-bit halves so that every partial product fits a 32-bit word.
 */
function mulNearEvenF32(a: number, b: number): number {
  const expZ = ((a >>> 23) & 0xff) + ((b >>> 23) & 0xff) - 0x7f;
  if (expZ - 1 >>> 0 >= 0xfb) return -1;
  const sigA = (a & 0x007fffff) | 0x00800000;
  const sigB = (b & 0x007fffff) | 0x00800000;
  const highA = sigA >>> 12;
  const lowA = sigA & 0xfff;
  const highB = sigB >>> 12;
  const lowB = sigB & 0xfff;
  const middle = Math.imul(highA, lowB) + Math.imul(lowA, highB);
  const low = ((middle & 0xfff) << 12) + Math.imul(lowA, lowB);
  // The 48-bit product is high·2^24 + (low mod 2^24), with high in [2^22, 2^24).
  const high = Math.imul(highA, highB) + (middle >>> 12) + (low >>> 24);
  const rest = low & 0xffffff;
  let sigZ: number;
  let exp = expZ;
  if (high >= 0x00800000) {
    sigZ = (high << 7) | (rest >>> 17) | ((rest & 0x1ffff) !== 0 ? 1 : 0);
  } else {
    exp--;
    sigZ = (high << 8) | (rest >>> 16) | ((rest & 0xffff) !== 0 ? 1 : 0);
  }
  const roundBits = sigZ & 0x7f;
  env.flags |= -roundBits >>> 31;
  return packF32((a ^ b) >>> 31, exp, ((sigZ + 0x40) >>> 7) & ~(((roundBits ^ 0x40) - 1) >>> 31));
}

/** Every case: specials, subnormals, all rounding modes. */
function mulF32(a: number, b: number): number {
  let expA = (a >>> 23) & 0xff;
  let sigA = a & 0x007fffff;
  let expB = (b >>> 23) & 0xff;
  let sigB = b & 0x007fffff;
  const signZ = (a ^ b) >>> 31;
  if (expA === 0xff || expB === 0xff) {
    if ((expA === 0xff && sigA !== 0) || (expB === 0xff && sigB !== 0)) return propagateNaNF32(a, b);
    // Infinity times zero has no meaningful value.
    if ((expA | sigA) === 0 || (expB | sigB) === 0) {
      env.flags |= flag_invalid;
      return invalidNaNF32();
    }
    return packF32(signZ, 0xff, 0);
  }
  if (expA === 0) {
    if (sigA === 0) return packF32(signZ, 0, 0);
    expA = subnormalExpF32(sigA);
    sigA = subnormalSigF32(sigA);
  }
  if (expB === 0) {
    if (sigB === 0) return packF32(signZ, 0, 0);
    expB = subnormalExpF32(sigB);
    sigB = subnormalSigF32(sigB);
  }
  let expZ = expA + expB - 0x7f;
  // 24-bit significands placed at 2^30 and 2^31: the high word of their product holds the leading bit at 2^29 or
  // 2^30, and the low word only matters as a sticky bit.
  sigA = (sigA | 0x00800000) << 7;
  sigB = ((sigB | 0x00800000) << 8) >>> 0;
  let sigZ = umulHi(sigA, sigB) | (Math.imul(sigA, sigB) !== 0 ? 1 : 0);
  if (sigZ < 0x40000000) {
    expZ--;
    sigZ <<= 1;
  }
  return roundPackToF32(signZ, expZ, sigZ);
}
