/**
 * The integer requantization helpers against BigInt references of the exact arithmetic they stand for: gemmlowp's
 * SaturatingRoundingDoublingHighMul and RoundingDivideByPOT, their composition (TFLite's
 * MultiplyByQuantizedMultiplier), the single-rounding 64-bit requantization, the rounding multiply-shift of the
 * Softmax normalization, and the magic-number divisions of the pools; rounding ties and saturation explicitly.
 * Also the host-side multiplier quantization.
 */
import { describe, expect, it } from 'vitest';
import {
  INT32_MAX,
  INT32_MIN,
  divideByMagic,
  mulShiftRound,
  rdbpot,
  requantize,
  requantize64,
  roundedDivide,
  saturatingShiftLeft,
  srdhm,
} from '../../../../src/inference/engines/quant/run/fixedpoint.js';
import { divisionMagic, multiplierValue, quantizeMultiplier } from '../../../../src/inference/engines/quant/prepare/scales.js';

// ---------------------------------------------------------------------------------------------------------------
// References

const TWO31 = 1n << 31n;

/** gemmlowp, literally: (a·b + nudge) / 2^31 with C's truncating division; −2^31·−2^31 saturates. */
function refSrdhm(a: number, b: number): number {
  if (a === INT32_MIN && b === INT32_MIN) return INT32_MAX;
  const ab = BigInt(a) * BigInt(b);
  const nudge = ab >= 0n ? 1n << 30n : 1n - (1n << 30n);
  return Number((ab + nudge) / TWO31);
}

/** n / d to nearest, ties away from zero (d > 0). */
function roundAway(n: bigint, d: bigint): bigint {
  const m = n < 0n ? -n : n;
  const q = (2n * m + d) / (2n * d);
  return n < 0n ? -q : q;
}

function sat32(v: bigint): number {
  return v > BigInt(INT32_MAX) ? INT32_MAX : v < BigInt(INT32_MIN) ? INT32_MIN : Number(v);
}

/** TFLite's MultiplyByQuantizedMultiplier with a saturating left shift, in BigInt. */
function refRequantize(x: number, mult: number, shift: number): number {
  if (mult === 0) return shift >= 0 ? Number(roundAway(BigInt(x), 1n << BigInt(shift))) : sat32(BigInt(x) << BigInt(-shift));
  const left = shift < 0 ? sat32(BigInt(x) << BigInt(-shift)) : x;
  const high = refSrdhm(left, mult);
  return shift > 0 ? Number(roundAway(BigInt(high), 1n << BigInt(shift))) : high;
}

class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0 || 1;
  }
  u32(): number {
    this.s ^= this.s << 13;
    this.s >>>= 0;
    this.s ^= this.s >>> 17;
    this.s ^= this.s << 5;
    this.s >>>= 0;
    return this.s;
  }
  below(n: number): number {
    return this.u32() % n;
  }
  /** int32 with a spread of magnitudes and the edge values. */
  i32(): number {
    switch (this.below(5)) {
      case 0:
        return (this.u32() | 0) >> this.below(31);
      case 1:
        return [INT32_MIN, INT32_MAX, 0, 1, -1, 1 << 30, -(1 << 30), INT32_MIN + 1][this.below(8)]!;
      default:
        return this.u32() | 0;
    }
  }
  /** A Q31 multiplier mantissa in [2^30, 2^31), either sign. */
  mult(): number {
    const m = (this.u32() >>> 1) | 0x40000000;
    return this.below(2) === 0 ? m : -m;
  }
}

const N = 200_000;

describe('srdhm (SaturatingRoundingDoublingHighMul)', () => {
  it('equals the BigInt definition on random and edge operands', () => {
    const r = new Rng(1);
    for (let i = 0; i < N; i++) {
      const a = r.i32();
      const b = r.i32();
      if (srdhm(a, b) !== refSrdhm(a, b)) expect([a, b, srdhm(a, b)]).toEqual([a, b, refSrdhm(a, b)]);
    }
  });
  it('saturates the one overflowing product and rounds ties toward +∞', () => {
    expect(srdhm(INT32_MIN, INT32_MIN)).toBe(INT32_MAX);
    expect(srdhm(INT32_MIN, INT32_MAX)).toBe(INT32_MIN + 1);
    // a·b = ±2^30 is ±1/2 in units of 2^31
    expect(srdhm(1 << 15, 1 << 15)).toBe(1);
    expect(srdhm(-(1 << 15), 1 << 15)).toBe(0);
    // ±3/2
    expect(srdhm(3 << 15, 1 << 15)).toBe(2);
    expect(srdhm(-3 << 15, 1 << 15)).toBe(-1);
    expect(srdhm(0, INT32_MIN)).toBe(0);
  });
});

describe('rdbpot (RoundingDivideByPOT)', () => {
  it('is x / 2^e to nearest, ties away from zero, for every exponent 0 … 40', () => {
    const r = new Rng(2);
    for (let i = 0; i < N; i++) {
      const x = r.i32();
      const e = r.below(41);
      const want = Number(roundAway(BigInt(x), 1n << BigInt(e)));
      if (rdbpot(x, e) !== want) expect([x, e, rdbpot(x, e)]).toEqual([x, e, want]);
    }
  });
  it('rounds ties away from zero', () => {
    expect([rdbpot(1, 1), rdbpot(-1, 1), rdbpot(3, 1), rdbpot(-3, 1), rdbpot(5, 2), rdbpot(6, 2), rdbpot(-6, 2)]).toEqual([
      1, -1, 2, -2, 1, 2, -2,
    ]);
    expect(rdbpot(INT32_MIN, 31)).toBe(-1);
    expect(rdbpot(INT32_MIN, 32)).toBe(-1);
    expect(rdbpot(INT32_MAX, 31)).toBe(1);
    expect(rdbpot(INT32_MAX, 32)).toBe(0);
    expect(rdbpot(INT32_MIN, 33)).toBe(0);
  });
});

describe('requantize (MultiplyByQuantizedMultiplier)', () => {
  it('equals the BigInt composition for multipliers of both signs and shifts −31 … 62, and shift-only pairs', () => {
    const r = new Rng(3);
    for (let i = 0; i < N; i++) {
      const x = r.i32();
      const shiftOnly = r.below(4) === 0;
      const mult = shiftOnly ? 0 : r.mult();
      const shift = shiftOnly ? r.below(64) - 31 : r.below(94) - 31;
      const want = refRequantize(x, mult, shift);
      if (requantize(x, mult, shift) !== want) expect([x, mult, shift, requantize(x, mult, shift)]).toEqual([x, mult, shift, want]);
    }
  });
  it('is within one unit of the exact single rounding round(x·m)', () => {
    const r = new Rng(4);
    for (let i = 0; i < N; i++) {
      const x = r.i32() >> 8;
      const mult = r.mult();
      const shift = r.below(20);
      const exact = roundAway(BigInt(x) * BigInt(mult), 1n << BigInt(31 + shift));
      const d = BigInt(requantize(x, mult, shift)) - exact;
      if (d > 1n || d < -1n) expect([x, mult, shift, requantize(x, mult, shift)]).toEqual([x, mult, shift, Number(exact)]);
    }
  });
  it('saturates left shifts', () => {
    expect(saturatingShiftLeft(1 << 20, 11)).toBe(INT32_MAX);
    expect(saturatingShiftLeft(-(1 << 20), 11)).toBe(INT32_MIN);
    expect(saturatingShiftLeft(-(1 << 20), 10)).toBe(-(1 << 30));
    expect(saturatingShiftLeft(5, 40)).toBe(INT32_MAX);
    expect(requantize(1 << 20, 0, -12)).toBe(INT32_MAX);
    expect(requantize(-3, 0x40000000, -31)).toBe(INT32_MIN / 2);
  });
});

describe('requantize64', () => {
  it('is round(v·mult·2^-(31+shift)) (or round(v·2^-shift)), ties away, saturated, for 64-bit v', () => {
    const r = new Rng(5);
    for (let i = 0; i < N; i++) {
      const hi = r.i32();
      const lo = r.u32();
      const shiftOnly = r.below(3) === 0;
      const mult = shiftOnly ? 0 : r.mult();
      const shift = shiftOnly ? r.below(127) - 63 : r.below(126) - 31;
      const v = (BigInt(hi) << 32n) + BigInt(lo);
      const total = shiftOnly ? shift : shift + 31;
      const p = shiftOnly ? v : v * BigInt(mult);
      const want = sat32(total >= 0 ? roundAway(p, 1n << BigInt(total)) : p << BigInt(-total));
      const got = requantize64(hi, lo | 0, mult, shift);
      if (got !== want) expect([hi, lo, mult, shift, got]).toEqual([hi, lo, mult, shift, want]);
    }
  });
  it('rounds ties away from zero and saturates at both ends', () => {
    expect(requantize64(0, 3, 0, 1)).toBe(2);
    expect(requantize64(-1, -3, 0, 1)).toBe(-2);
    expect(requantize64(0x7fffffff, -1, 0, 0)).toBe(INT32_MAX);
    expect(requantize64(INT32_MIN, 0, 0, 0)).toBe(INT32_MIN);
    expect(requantize64(-1, INT32_MIN, 0, 0)).toBe(INT32_MIN);
    expect(requantize64(0, INT32_MIN, 0, 0)).toBe(INT32_MAX);
  });
});

describe('mulShiftRound', () => {
  it('is round(a·b / 2^s), ties up, for unsigned a, b and s = 1 … 63', () => {
    const r = new Rng(6);
    let checked = 0;
    while (checked < N) {
      const a = r.u32() >>> r.below(32);
      const b = r.u32() >>> r.below(32);
      const s = 1 + r.below(63);
      const want = (BigInt(a) * BigInt(b) + (1n << BigInt(s - 1))) >> BigInt(s);
      if (want >= 1n << 32n) continue;
      checked++;
      if (mulShiftRound(a, b, s) !== Number(want)) expect([a, b, s, mulShiftRound(a, b, s)]).toEqual([a, b, s, Number(want)]);
    }
  });
});

describe('magic-number division', () => {
  it('⌊t / d⌋ is exact for every divisor 2 … 2^16 at the critical numerators and random ones', () => {
    const r = new Rng(7);
    for (let d = 2; d <= 65536; d++) {
      const [m, l] = divisionMagic(d);
      // Around every multiple of d near the top of the range, and random numerators.
      const top = 0x7fffffff - (0x7fffffff % d);
      for (const t of [0, 1, d - 1, d, d + 1, top - 1, top, 0x7fffffff, r.u32() >>> 1, r.u32() >>> 1]) {
        const got = divideByMagic(t, m, l);
        if (got !== Math.floor(t / d)) expect([t, d, got]).toEqual([t, d, Math.floor(t / d)]);
      }
    }
  });
  it('exhaustive for the pooling divisors of every count 1 … 64 over the int8 sums', () => {
    for (let n = 1; n <= 64; n++) {
      const [m, l] = divisionMagic(2 * n);
      for (let sum = -128 * n; sum <= 128 * n; sum++) {
        const want = Number(roundAway(BigInt(sum), BigInt(n)));
        const got = roundedDivide(sum, n, m, l);
        if (got !== want) expect([sum, n, got]).toEqual([sum, n, want]);
      }
    }
  });
  it('rounds ties away from zero', () => {
    const [m, l] = divisionMagic(4);
    expect([roundedDivide(1, 2, m, l), roundedDivide(-1, 2, m, l), roundedDivide(3, 2, m, l), roundedDivide(-3, 2, m, l)]).toEqual([
      1, -1, 2, -2,
    ]);
  });
});

describe('quantizeMultiplier (host)', () => {
  it('represents positive and negative reals within 2^-31 relative', () => {
    const r = new Rng(8);
    for (let i = 0; i < 20000; i++) {
      const real = (r.u32() / 2 ** 32 + 1e-9) * 2 ** (r.below(60) - 40) * (r.below(2) ? 1 : -1);
      const q = quantizeMultiplier(real);
      expect(Math.abs(multiplierValue(q) - real)).toBeLessThanOrEqual(Math.abs(real) * 2 ** -31);
      if (q.mult !== 0) expect(Math.abs(q.mult)).toBeGreaterThanOrEqual(2 ** 30);
    }
  });
  it('turns exact powers of two into shift-only pairs, and zero into a full shift', () => {
    expect(quantizeMultiplier(0.25)).toEqual({ mult: 0, shift: 2 });
    expect(quantizeMultiplier(8)).toEqual({ mult: 0, shift: -3 });
    expect(quantizeMultiplier(1)).toEqual({ mult: 0, shift: 0 });
    expect(quantizeMultiplier(0)).toEqual({ mult: 0, shift: 64 });
    expect(quantizeMultiplier(-0.5).mult).toBe(-(2 ** 30));
    expect(quantizeMultiplier(2 ** 40)).toEqual({ mult: INT32_MAX, shift: -31 });
  });
  it('rounds a mantissa that reaches 2^31 up into the next binade', () => {
    const q = quantizeMultiplier(1 - 2 ** -40);
    expect(multiplierValue(q)).toBe(1);
  });
});
