/**
 * What the sinh and cosh tests share: both are (v ± 1/v)/2 with v = e^|x| from one kernel (coshSinhCore; sinh below 1
 * has a series of its own) and overflow from the same |x| (0x42b30000 = 89.5 and up), so both are sampled alike.
 */
import { biasedF32 } from '../support.js';

export const SINH_COSH = {
  /** For mathSuite: around zero, where the tiny path and the series meet, and up to overflow on both sides. */
  regions: [
    [-(2 ** -6), 2 ** -6],
    [2 ** -12, 2 ** -8],
    [-1, 1],
    [-8, 8],
    [1, 90],
    [-90, -1],
  ],
  tinyRegion: [-(2 ** -10), 2 ** -10],
  /** For slowPathSuite. */
  slowPathRegions: [
    [-89, 89],
    [-1, 1],
    [2 ** -12, 2 ** -9],
  ],
  /** For referenceSelfCheckSuite. */
  referenceRegions: [
    [-90, 90],
    [-1, 1],
  ],
  /** The 3,000 binary32 arguments the kernel error bounds are checked on. */
  kernelSample: () => biasedF32(3000, [[2 ** -12, 1], [1, 89.5], [2 ** -12, 2 ** -8]], 3),
  /** The kernels' domain, |x| from 2^-12 (below it, x itself nudged) to where the result overflows (0x42b30000). */
  kernelDomain: (x: number) => x >>> 23 >= 0x7f - 12 && x < 0x42b30000,
} as const;
