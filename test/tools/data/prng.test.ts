import { describe, expect, it } from 'vitest';
import { Mulberry32 } from '../../../src/tools/data/prng.js';

describe('mulberry32', () => {
  it('produces the published mulberry32 sequence', () => {
    // Values of the widely used JavaScript mulberry32 for these seeds.
    const a = new Mulberry32(20261128);
    expect(Array.from({ length: 6 }, () => a.nextU32())).toEqual([4134877445, 809051511, 1505209704, 377473590, 3784608785, 2150855175]);
    const b = new Mulberry32(0);
    expect(Array.from({ length: 3 }, () => b.nextU32())).toEqual([1144304738, 1416247, 958946056]);
  });

  it('nextFloat is nextU32 / 2^32', () => {
    const a = new Mulberry32(7);
    const b = new Mulberry32(7);
    for (let i = 0; i < 100; i++) expect(a.nextFloat()).toBe(b.nextU32() / 2 ** 32);
  });

  it('nextBelow stays in range and reaches every value', () => {
    const r = new Mulberry32(3);
    for (const n of [1, 2, 3, 7, 10, 1000]) {
      const seen = new Set<number>();
      for (let i = 0; i < 20 * n; i++) {
        const v = r.nextBelow(n);
        expect(Number.isInteger(v) && v >= 0 && v < n).toBe(true);
        seen.add(v);
      }
      expect(seen.size).toBe(n);
    }
    expect(() => r.nextBelow(0)).toThrow(RangeError);
    expect(() => r.nextBelow(1.5)).toThrow(RangeError);
    expect(() => new Mulberry32(0.5)).toThrow(RangeError);
  });

  it('shuffle is a seeded permutation', () => {
    const make = (seed: number) => new Mulberry32(seed).shuffle(Uint32Array.from({ length: 100 }, (_, i) => i));
    const p = make(11);
    expect([...p].sort((x, y) => x - y)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect([...make(11)]).toEqual([...p]);
    expect([...make(12)]).not.toEqual([...p]);
  });
});
