/** The numbers behind `fpuless compare`: weight statistics, the int8 grid, SQNR, argmax, histograms, formatting. */
import { describe, expect, it } from 'vitest';
import { bytes, decibels, magnitude, percent, rate, textTable, times } from '../../../src/tools/compare/format.js';
import {
  SqnrAccumulator,
  argmax,
  int8Level,
  logBinsFor,
  logHistogram,
  roundHalfEven,
  sqnrDb,
  weightStats,
} from '../../../src/tools/compare/stats.js';
import { niceTicks, tickDecimals, tickLabel } from '../../../src/tools/compare/svg.js';

describe('weight statistics', () => {
  it('rounds ties to even', () => {
    expect([-2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 2.4999, 2.5001].map(roundHalfEven)).toEqual([-2, -2, -0, 0, 2, 2, 2, 3]);
  });

  it('computes moments, the int8 grid and outliers of a known tensor', () => {
    // 1000 weights uniform on a grid in [−1, 1] plus one at 10: the outlier sets the int8 step.
    const w = new Float64Array(1001);
    for (let i = 0; i < 1000; i++) w[i] = -1 + (2 * i) / 999;
    w[1000] = 10;
    const s = weightStats(w);
    expect(s.count).toBe(1001);
    expect(s.maxAbs).toBe(10);
    const mean = 10 / 1001;
    expect(s.mean).toBeCloseTo(mean, 12);
    let m2 = 0;
    for (const v of w) m2 += (v - mean) ** 2;
    expect(s.std).toBeCloseTo(Math.sqrt(m2 / 1001), 12);
    expect(s.maxOverStd).toBeCloseTo(10 / s.std, 12);
    let m3 = 0;
    let m4 = 0;
    for (const v of w) {
      m3 += (v - mean) ** 3;
      m4 += (v - mean) ** 4;
    }
    expect(s.skew).toBeCloseTo(m3 / 1001 / (m2 / 1001) ** 1.5, 9);
    expect(s.excessKurtosis).toBeCloseTo(m4 / 1001 / (m2 / 1001) ** 2 - 3, 9);
    expect(s.skew).toBeGreaterThan(3); // one large positive outlier
    expect(s.excessKurtosis).toBeGreaterThan(50);
    expect(s.outliers).toBe(1);
    expect(s.outlierValues).toEqual([10]);
    expect(s.int8Scale).toBe(10 / 127);
    // |w| ≤ 1 lands on |q| ≤ round(12.7) = 13; |q| ≤ 2 is |w| < 2.5·step.
    let central = 0;
    for (let i = 0; i < 1000; i++) if (Math.abs(roundHalfEven(w[i]! / (10 / 127))) <= 2) central++;
    expect(s.centralFraction).toBeCloseTo(central / 1001, 12);
    expect(s.int8LevelsUsed).toBe(27 + 1); // −13 … 13 and 127
    expect(s.int8Histogram.reduce((a, b) => a + b, 0)).toBe(1001);
    expect(s.int8Histogram[127 + 127]).toBe(1);
  });

  it('has zero skew and excess kurtosis −1.2 for a symmetric uniform grid', () => {
    const w = Float64Array.from({ length: 20001 }, (_, i) => -1 + i / 10000);
    const s = weightStats(w);
    expect(Math.abs(s.skew)).toBeLessThan(1e-9);
    expect(s.excessKurtosis).toBeCloseTo(-1.2, 3);
    expect(s.outliers).toBe(0);
    expect(s.int8LevelsUsed).toBe(255);
  });

  it('handles an all-zero tensor', () => {
    const s = weightStats(new Float64Array(5));
    expect(s).toMatchObject({ maxAbs: 0, std: 0, maxOverStd: 0, skew: 0, excessKurtosis: 0, int8Scale: 0, centralFraction: 1, int8LevelsUsed: 1 });
  });

  it('clamps int8 levels to ±127', () => {
    expect(int8Level(1, 1 / 127)).toBe(127);
    expect(int8Level(-2, 1 / 127)).toBe(-127);
    expect(int8Level(0.3, 0)).toBe(0);
  });
});

describe('SQNR, argmax and histograms', () => {
  it('measures SQNR in dB', () => {
    expect(sqnrDb([1, 2, 3], [1, 2, 3])).toBe(Infinity);
    // signal 1+4+9 = 14, noise 0.01 → 10·log10(1400)
    expect(sqnrDb([1, 2, 3], [1.1, 2, 3])).toBeCloseTo(10 * Math.log10(1400), 9);
    expect(sqnrDb([1, 2], [NaN, 2])).toBe(-Infinity);
    const acc = new SqnrAccumulator();
    acc.add([1, 0], [1, 0.5]);
    acc.add([2], [2]);
    expect(acc.db()).toBeCloseTo(10 * Math.log10(5 / 0.25), 9);
  });

  it('argmax takes the first maximum and ignores NaN', () => {
    expect(argmax([1, 3, 3, 2])).toBe(1);
    expect(argmax([NaN, -1, NaN])).toBe(1);
    expect(argmax([NaN, NaN])).toBe(-1);
    expect(argmax([-Infinity, -Infinity])).toBe(0);
  });

  it('bins |Δ| on whole decades', () => {
    const values = [0, 0, 1e-7, 3e-7, 0.02, 5, Infinity];
    const bins = logBinsFor(values, 2);
    expect(bins).toEqual({ lo: -7, hi: 1, perDecade: 2 });
    const h = logHistogram(values, bins);
    expect(h.zero).toBe(2);
    expect(h.nonFinite).toBe(1);
    expect(h.counts.length).toBe(16);
    expect(h.counts[0]).toBe(2); // 1e-7 and 3e-7 (< 10^−6.5)
    expect(h.counts[10]).toBe(1); // 0.02: (log10 0.02 + 7)·2 = 10.6
    expect(h.counts[15]).toBe(1); // 5: (0.699 + 7)·2 = 15.4
    expect(h.counts.reduce((a, b) => a + b, 0)).toBe(4);
    expect(logBinsFor([0, 0], 2)).toEqual({ lo: -1, hi: 0, perDecade: 2 });
  });
});

describe('formatting', () => {
  it('formats numbers for the tables', () => {
    expect(percent(0.97854)).toBe('97.85%');
    expect(percent(null)).toBe('—');
    expect(magnitude(0)).toBe('0');
    expect(magnitude(0.0123456)).toBe('0.01235');
    expect(magnitude(7.6e-6)).toBe('7.60e-6');
    expect(magnitude(Infinity)).toBe('∞');
    expect(decibels(Infinity)).toBe('exact');
    expect(decibels(-Infinity)).toBe('−∞');
    expect(decibels(45.26)).toBe('45.3');
    expect(decibels(undefined)).toBe('—');
    expect(bytes(512)).toBe('512 B');
    expect(bytes(875110)).toBe('854.6 KiB');
    expect(rate(2969.4)).toBe('2,969');
    expect(rate(71.43)).toBe('71.4');
    expect(times(1)).toBe('1.00×');
    expect(times(0.345)).toBe('0.34×');
    expect(times(0.9999)).toBe('1.00×');
    expect(times(22.94)).toBe('22.9×');
  });

  it('lays out a text table with aligned columns and no trailing spaces', () => {
    const t = textTable(['engine', 'acc'], [
      ['f64', '96.05%'],
      ['soft-f16-exact', '9.1%'],
    ]);
    expect(t).toBe(['engine             acc', '──────────────  ──────', 'f64             96.05%', 'soft-f16-exact    9.1%'].join('\n'));
  });

  it('chooses round ticks and enough decimals', () => {
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6000000000000001, 0.8, 1]);
    expect(tickDecimals([0, 0.25])).toBe(2);
    expect(tickDecimals([0, 0.2])).toBe(1);
    expect(tickDecimals([0, 50])).toBe(0);
    expect(tickLabel(-0.25, 2)).toBe('−0.25');
    expect(tickLabel(-0.0001, 2)).toBe('0.00');
  });
});
