import { describe, expect, it } from 'vitest';
import { detExp, detSqrt } from '../../../src/tools/train/detmath.js';

/** Distance in units in the last place between two positive doubles. */
function ulps(a: number, b: number): number {
  const view = new DataView(new ArrayBuffer(16));
  view.setFloat64(0, a);
  view.setFloat64(8, b);
  return Number(view.getBigInt64(0) - view.getBigInt64(8));
}

describe('detExp', () => {
  it('is within 2 ulp of Math.exp over the range it serves', () => {
    let worst = 0;
    for (let i = 0; i <= 100000; i++) {
      const x = -708 + (1417 * i) / 100000;
      worst = Math.max(worst, Math.abs(ulps(detExp(x), Math.exp(x))));
    }
    expect(worst).toBeLessThanOrEqual(2);
  });

  it('is exact where it must be and saturates outside the range', () => {
    expect(detExp(0)).toBe(1);
    expect(detExp(-0)).toBe(1);
    expect(detExp(710)).toBe(Infinity);
    expect(detExp(-709)).toBe(0);
    expect(detExp(-Infinity)).toBe(0);
    expect(Number.isNaN(detExp(NaN))).toBe(true);
  });

  it('gives fixed bits (a change here changes every trained model)', () => {
    const bits = (x: number) => {
      const v = new DataView(new ArrayBuffer(8));
      v.setFloat64(0, x);
      return v.getBigUint64(0).toString(16);
    };
    expect([1, -1, -0.5, -3.75, -20, 0.3465].map((x) => bits(detExp(x)))).toEqual([
      '4005bf0a8b14576a', '3fd78b56362cef38', '3fe368b2fc6f960a', '3f981509354f0d29', '3e21b48655f37267', '3ff6a03146cf6ead',
    ]);
  });
});

describe('detSqrt', () => {
  it('is within 1 ulp of the correctly rounded root', () => {
    let worst = 0;
    for (let i = 1; i < 20000; i++) {
      const x = i * 0.37 + 1 / i;
      worst = Math.max(worst, Math.abs(ulps(detSqrt(x), Math.sqrt(x))));
    }
    for (const x of [6 / 784, 6 / 9, 6 / 72, 6 / 128, 6 / 64, 5e-324, 1e308, 0.25, 4]) {
      worst = Math.max(worst, Math.abs(ulps(detSqrt(x), Math.sqrt(x))));
    }
    expect(worst).toBeLessThanOrEqual(1);
    expect(detSqrt(0)).toBe(0);
    expect(() => detSqrt(-1)).toThrow(RangeError);
    expect(() => detSqrt(Infinity)).toThrow(RangeError);
  });
});
