import { afterEach, describe, expect, it } from 'vitest';
import { env, type RoundingMode } from '../../src/env/environment.js';
import { coshSinhCore, sinhSmallCore } from '../../src/math/kernels/hyperbolic.js';
import { zivStats } from '../../src/math/kernels/round.js';
import { bf16_sinh, f16_sinh, f32_sinh } from '../../src/math/sinh.js';
import { F32, MODES } from '../reference/exact.js';
import { restore } from '../support/exhaustive.js';
import { hex } from '../support/harness.js';
import * as H from './bigref/hyperbolic.js';
import { makeReference, preciseResult } from './reference.js';
import './specs/sinh.js';
import { biasedF32, boundHolds, mathSuite, slowPathSuite } from './support.js';

const OPS = { f32: f32_sinh, f16: f16_sinh, bf16: bf16_sinh };
const REGIONS = [
  [-(2 ** -6), 2 ** -6],
  [2 ** -12, 2 ** -8],
  [-1, 1],
  [-8, 8],
  [1, 90],
  [-90, -1],
] as const;

mathSuite('sinh', OPS, REGIONS, [-(2 ** -10), 2 ** -10], true, 0.5);

afterEach(() => {
  zivStats.force = false;
  restore();
});


describe('sinh: special values and flags', () => {
  const cases: [number, number, number, number][] = [
    // [mode, a, result, flags]
    [0, 0x00000000, 0x00000000, 0],
    [0, 0x80000000, 0x80000000, 0],
    [0, 0x7f800000, 0x7f800000, 0],
    [0, 0xff800000, 0xff800000, 0],
    [0, 0x7f800001, 0x7fc00001, 0x10],
    [0, 0x42b30000, 0x7f800000, 0x05],
    [1, 0x42b30000, 0x7f7fffff, 0x05],
    [2, 0xc2b30000, 0xff800000, 0x05],
    [3, 0xc2b30000, 0xff7fffff, 0x05],
    [0, 0x7f7fffff, 0x7f800000, 0x05],
    // Tiny: x nudged away from zero; subnormals underflow.
    [0, 0x00000001, 0x00000001, 0x03],
    [3, 0x00000001, 0x00000002, 0x03],
    [2, 0x80000001, 0x80000002, 0x03],
    [1, 0x80000001, 0x80000001, 0x03],
    [3, 0x39000000, 0x39000001, 0x01],
  ];
  it('binary32', () => {
    for (const [mode, a, want, flags] of cases) {
      env.roundingMode = mode as RoundingMode;
      env.flags = 0;
      const got = f32_sinh(a);
      expect([hex(F32, a), mode, hex(F32, got), env.flags]).toEqual([hex(F32, a), mode, hex(F32, want), flags]);
    }
  });
  it('the 16-bit formats: zeros, infinities, overflow', () => {
    env.flags = 0;
    expect([f16_sinh(0x8000), bf16_sinh(0x8000), f16_sinh(0x7c00), bf16_sinh(0xff80), env.flags]).toEqual([0x8000, 0x8000, 0x7c00, 0xff80, 0]);
    expect([f16_sinh(0x4a00), env.flags]).toEqual([0x7c00, 0x05]);
  });
});

slowPathSuite('sinh', OPS, [[-89, 89], [-1, 1], [2 ** -12, 2 ** -9]]);


describe('sinh: the kernel error bounds', () => {
  it('hold against the BigInt value on 3,000 binary32 arguments', () => {
    const bad: string[] = [];
    for (const a of biasedF32(3000, [[2 ** -12, 1], [1, 89.5], [2 ** -12, 2 ** -8]], 3)) {
      const x = a & 0x7fffffff;
      const expA = x >>> 23;
      if (expA < 0x7f - 12 || x >= 0x42b30000) continue;
      const m = (x & 0x7fffff) | 0x800000;
      const E = expA - 150;
      if (expA < 0x7f) sinhSmallCore(m, E);
      else coshSinhCore(m, E, true);
      const [u, err] = boundHolds(H.sinh({ m: BigInt(m), e: E }));
      if (u > err) bad.push(`${hex(F32, x)}: ${u} units > ${err}`);
    }
    expect(bad).toEqual([]);
  });
});

describe('sinh: reference self-check (doubles against BigInt)', () => {
  it('150 binary32 words, every mode', () => {
    const ref = makeReference(F32, 'sinh');
    const bad: string[] = [];
    for (const a of biasedF32(150, [[-90, 90], [-1, 1]], 5)) {
      for (const mode of MODES) {
        const fast = ref(a, mode);
        const exact = preciseResult(F32, 'sinh', a, mode);
        if (fast.bits !== exact.bits || fast.flagsAfter !== exact.flagsAfter || fast.flagsBefore !== exact.flagsBefore) {
          bad.push(`sinh(${hex(F32, a)}) mode ${mode}: double ${hex(F32, fast.bits)}, BigInt ${hex(F32, exact.bits)}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });
});
