/**
 * Test suites shared by the three formats: each takes the format's public words and checks them against the exact
 * reference (test/reference/exact.ts) on generated inputs (test/support/arbitraries.ts) and on every combination of
 * special words, in every rounding mode, both tininess settings and both NaN modes.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import * as R from '../reference/exact.js';
import type { RoundingMode } from '../../src/env/environment.js';
import type { Format, Mode } from '../reference/exact.js';
import * as A from './arbitraries.js';
import { checkFloat, checkSticky, checkValue, checkWithModeArg, hex, runs } from './harness.js';

type Un = (a: number) => number;
type Bin = (a: number, b: number) => number;
type Tri = (a: number, b: number, c: number) => number;
type Pred = (a: number, b: number) => boolean;

/** Run a property with a fixed seed by default (reproducible), or FPULESS_SEED if given. */
export function property<T>(arb: fc.Arbitrary<T>, check: (t: T) => void, numRuns: number): void {
  const seed = process.env.FPULESS_SEED !== undefined ? Number(process.env.FPULESS_SEED) : undefined;
  fc.assert(
    fc.property(arb, (t) => {
      check(t);
    }),
    { numRuns: runs(numRuns), ...(seed !== undefined ? { seed } : {}), endOnFailure: false },
  );
}

/** All pairs from a list. */
export function pairs(xs: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const a of xs) for (const b of xs) out.push([a, b]);
  return out;
}

/** A smaller set of special words for triples. */
export function fewSpecials(fmt: Format): number[] {
  const s = A.specialWords(fmt);
  const keep = [0, 1, 5, 7, 11, 17, 20, 21, 24];
  const mags = keep.map((i) => s[2 * i]!);
  return mags.flatMap((m) => [m, m + fmt.signBit]);
}

export interface Arithmetic {
  add: Bin;
  sub: Bin;
  mul: Bin;
  div: Bin;
  sqrt: Un;
  mulAdd: Tri;
  rem: Bin;
}

export function arithmeticSuite(fmt: Format, ops: Arithmetic, scale = 1): void {
  const n = (base: number) => Math.max(50, Math.round(base * scale));
  const f = fmt.name;
  const bin = (name: 'add' | 'sub' | 'mul' | 'div', ref: (fmt: Format, a: number, b: number, m: Mode) => R.FloatResult) =>
    (a: number, b: number) =>
      checkFloat(fmt, `${f}_${name}`, [a, b], () => ops[name](a, b), (m) => ref(fmt, a, b, m));

  describe(`${f} add / sub`, () => {
    const add = bin('add', R.add);
    const sub = bin('sub', R.sub);
    it('every pair of special words', () => {
      for (const [a, b] of pairs(A.specialWords(fmt))) {
        add(a, b);
        sub(a, b);
      }
    });
    it('ties, near ties, cancellation, far-apart exponents, random pairs', () => {
      property(A.addPairArb(fmt), ([a, b]) => {
        add(a, b);
        sub(a, b);
      }, n(4000));
    });
    it('x - x and x + (-x) are +0, or -0 when rounding toward -inf', () => {
      property(A.finiteArb(fmt), (a) => {
        sub(a, a);
        add(a, (a ^ fmt.signBit) >>> 0);
      }, n(300));
    });
  });

  describe(`${f} mul`, () => {
    const mul = bin('mul', R.mul);
    it('every pair of special words', () => {
      for (const [a, b] of pairs(A.specialWords(fmt))) mul(a, b);
    });
    it('ties, near ties, results next to the underflow and overflow thresholds, random pairs', () => {
      property(A.mulPairArb(fmt), ([a, b]) => mul(a, b), n(5000));
    });
  });

  describe(`${f} div`, () => {
    const div = bin('div', R.div);
    it('every pair of special words', () => {
      for (const [a, b] of pairs(A.specialWords(fmt))) div(a, b);
    });
    it('exact and nearly exact quotients, thresholds, random pairs', () => {
      property(A.divPairArb(fmt), ([a, b]) => div(a, b), n(5000));
    });
  });

  describe(`${f} sqrt`, () => {
    const sqrt = (a: number) => checkFloat(fmt, `${f}_sqrt`, [a], () => ops.sqrt(a), (m) => R.sqrt(fmt, a, m));
    it('special words', () => {
      for (const a of A.specialWords(fmt)) sqrt(a);
    });
    it('exact squares and their neighbours, subnormals, random words', () => {
      property(A.sqrtArb(fmt), sqrt, n(4000));
    });
  });

  describe(`${f} mulAdd`, () => {
    const fma = (a: number, b: number, c: number) =>
      checkFloat(fmt, `${f}_mulAdd`, [a, b, c], () => ops.mulAdd(a, b, c), (m) => R.mulAdd(fmt, a, b, c, m));
    it('every triple of a set of special words', () => {
      const s = fewSpecials(fmt);
      for (const a of s) for (const b of s) for (const c of s) fma(a, b, c);
    });
    it('cancellation against the rounded product, sums near ties, zero products, random triples', () => {
      property(A.mulAddTripleArb(fmt), ([a, b, c]) => fma(a, b, c), n(5000));
    });
  });

  describe(`${f} rem`, () => {
    const rem = (a: number, b: number) =>
      checkFloat(fmt, `${f}_rem`, [a, b], () => ops.rem(a, b), () => R.rem(fmt, a, b));
    it('every pair of special words', () => {
      for (const [a, b] of pairs(A.specialWords(fmt))) rem(a, b);
    });
    it('quotients next to n + 1/2, huge quotients, random pairs', () => {
      property(A.remPairArb(fmt), ([a, b]) => rem(a, b), n(3000));
    });
  });

  describe(`${f} arithmetic keeps flags sticky`, () => {
    it('no operation clears a raised flag', () => {
      const one = A.specialWords(fmt)[22]!; // 1.0
      for (const w of A.specialWords(fmt)) {
        checkSticky(`${f}_add`, () => ops.add(w, one));
        checkSticky(`${f}_sub`, () => ops.sub(w, one));
        checkSticky(`${f}_mul`, () => ops.mul(w, one));
        checkSticky(`${f}_div`, () => ops.div(one, w));
        checkSticky(`${f}_sqrt`, () => ops.sqrt(w));
        checkSticky(`${f}_mulAdd`, () => ops.mulAdd(w, one, w));
        checkSticky(`${f}_rem`, () => ops.rem(w, one));
      }
    });
  });
}

export interface Misc {
  roundToInt: (a: number, mode: RoundingMode, exact: boolean) => number;
  scaleB: (a: number, n: number) => number;
  logB: Un;
  nextUp: Un;
  nextDown: Un;
}

export function miscSuite(fmt: Format, ops: Misc, scale = 1): void {
  const n = (base: number) => Math.max(50, Math.round(base * scale));
  const f = fmt.name;
  const roundToInt = (a: number) => {
    for (const exact of [false, true]) {
      checkWithModeArg(
        `${f}_roundToInt`,
        `${hex(fmt, a)}, exact=${exact}`,
        (m) => ops.roundToInt(a, m, exact),
        (m, nanMode) => {
          const r = R.roundToInt(fmt, a, m, exact);
          return { value: nanMode === 1 ? R.nanDefaultOf(fmt, r.bits) : r.bits, flags: r.flags[0] };
        },
        (v) => hex(fmt, v),
      );
    }
  };
  describe(`${f} roundToInt`, () => {
    it('special words', () => {
      for (const a of A.specialWords(fmt)) roundToInt(a);
    });
    it('halves, values next to integers and to the integer boundaries, random words', () => {
      property(A.intBoundaryArb(fmt), roundToInt, n(3000));
    });
  });

  describe(`${f} scaleB`, () => {
    const scaleB = (a: number, k: number) =>
      checkFloat(fmt, `${f}_scaleB`, [a, k], () => ops.scaleB(a, k), (m) => R.scaleB(fmt, a, k, m), 32);
    it('special words times special exponents', () => {
      const ks = [0, 1, -1, 2, -2, 10, -10, fmt.p, -fmt.p, 127, -126, 254, -254, 300, -300, 0x7fffffff, -0x80000000];
      for (const a of A.specialWords(fmt)) for (const k of ks) scaleB(a, k);
    });
    it('random words and exponents', () => {
      property(fc.tuple(A.floatArb(fmt), A.scaleArb()), ([a, k]) => scaleB(a, k), n(3000));
    });
  });

  describe(`${f} logB`, () => {
    const logB = (a: number) => checkFloat(fmt, `${f}_logB`, [a], () => ops.logB(a), () => R.logB(fmt, a));
    it('special words and random words', () => {
      for (const a of A.specialWords(fmt)) logB(a);
      property(A.floatArb(fmt), logB, n(1000));
    });
  });

  describe(`${f} nextUp / nextDown`, () => {
    const next = (a: number) => {
      checkFloat(fmt, `${f}_nextUp`, [a], () => ops.nextUp(a), () => R.nextUp(fmt, a));
      checkFloat(fmt, `${f}_nextDown`, [a], () => ops.nextDown(a), () => R.nextDown(fmt, a));
    };
    it('special words and random words', () => {
      for (const a of A.specialWords(fmt)) next(a);
      property(A.floatArb(fmt), next, n(1000));
    });
  });

  describe(`${f} misc keeps flags sticky`, () => {
    it('no operation clears a raised flag', () => {
      for (const w of A.specialWords(fmt)) {
        checkSticky(`${f}_roundToInt`, () => ops.roundToInt(w, 0, true));
        checkSticky(`${f}_scaleB`, () => ops.scaleB(w, 3));
        checkSticky(`${f}_logB`, () => ops.logB(w));
        checkSticky(`${f}_nextUp`, () => ops.nextUp(w));
        checkSticky(`${f}_nextDown`, () => ops.nextDown(w));
      }
    });
  });
}

export interface Compare {
  eq: Pred;
  le: Pred;
  lt: Pred;
  eq_signaling: Pred;
  le_quiet: Pred;
  lt_quiet: Pred;
}

/** Pairs for comparisons: random, equal words, ±0, neighbouring words, special words. */
function comparePairArb(fmt: Format): fc.Arbitrary<[number, number]> {
  return fc.oneof(
    fc.tuple(A.floatArb(fmt), A.floatArb(fmt)),
    A.floatArb(fmt).map((a): [number, number] => [a, a]),
    fc.tuple(A.floatArb(fmt), fc.integer({ min: -2, max: 2 })).map(([a, d]): [number, number] => {
      const mag = a % fmt.signBit;
      return [a, a - mag + Math.max(0, Math.min(fmt.signBit - 1, mag + d))];
    }),
    fc.tuple(A.floatArb(fmt), fc.boolean()).map(([a, s]): [number, number] => [a, (a ^ (s ? fmt.signBit : 0)) >>> 0]),
  );
}

export function compareSuite(fmt: Format, ops: Compare, scale = 1): void {
  const n = (base: number) => Math.max(50, Math.round(base * scale));
  const f = fmt.name;
  const names: R.CompareName[] = ['eq', 'le', 'lt', 'eq_signaling', 'le_quiet', 'lt_quiet'];
  const check = (a: number, b: number) => {
    for (const name of names) {
      checkValue(`${f}_${name}`, `${hex(fmt, a)}, ${hex(fmt, b)}`, () => ops[name](a, b), R.compare(fmt, name, a, b));
    }
  };
  describe(`${f} comparisons`, () => {
    it('every pair of special words', () => {
      for (const [a, b] of pairs(A.specialWords(fmt))) check(a, b);
    });
    it('random pairs, equal words, neighbours, opposite signs', () => {
      property(comparePairArb(fmt), ([a, b]) => check(a, b), n(3000));
    });
    it('keep flags sticky', () => {
      for (const [a, b] of pairs(A.specialWords(fmt).slice(0, 12))) {
        for (const name of names) checkSticky(`${f}_${name}`, () => ops[name](a, b));
      }
    });
  });
}

export interface MinMax {
  minimum: Bin;
  maximum: Bin;
  minimumNumber: Bin;
  maximumNumber: Bin;
  totalOrder: Pred;
}

export function minMaxSuite(fmt: Format, ops: MinMax, scale = 1): void {
  const n = (base: number) => Math.max(50, Math.round(base * scale));
  const f = fmt.name;
  const names: R.MinMaxName[] = ['minimum', 'maximum', 'minimumNumber', 'maximumNumber'];
  const check = (a: number, b: number) => {
    for (const name of names) {
      checkFloat(fmt, `${f}_${name}`, [a, b], () => ops[name](a, b), () => R.minMax(fmt, name, a, b));
    }
    checkValue(`${f}_totalOrder`, `${hex(fmt, a)}, ${hex(fmt, b)}`, () => ops.totalOrder(a, b), {
      value: R.totalOrder(fmt, a, b),
      flags: 0,
    });
  };
  describe(`${f} minimum / maximum / minimumNumber / maximumNumber / totalOrder`, () => {
    it('every pair of special words', () => {
      for (const [a, b] of pairs(A.specialWords(fmt))) check(a, b);
    });
    it('random pairs, equal words, neighbours, opposite signs', () => {
      property(comparePairArb(fmt), ([a, b]) => check(a, b), n(3000));
    });
    it('keep flags sticky', () => {
      for (const [a, b] of pairs(A.specialWords(fmt).slice(0, 12))) {
        for (const name of names) checkSticky(`${f}_${name}`, () => ops[name](a, b));
      }
    });
  });
}

export interface Classify {
  isZero: (a: number) => boolean;
  isSubnormal: (a: number) => boolean;
  isNormal: (a: number) => boolean;
  isInfinite: (a: number) => boolean;
  isNaN: (a: number) => boolean;
  isSignalingNaN: (a: number) => boolean;
  isFinite: (a: number) => boolean;
  isSignMinus: (a: number) => boolean;
  negate: Un;
  abs: Un;
  copySign: Bin;
}

/** Classification and sign operations: exhaustive for 16-bit formats, sampled for binary32. */
export function classifySuite(fmt: Format, ops: Classify, words: Iterable<number>, label: string): void {
  const f = fmt.name;
  describe(`${f} classification and sign operations`, () => {
    it(`predicates, negate, abs, copySign on ${label}`, () => {
      const specials = A.specialWords(fmt);
      for (const a of words) {
        for (const name of R.CLASS_NAMES) {
          checkValue(`${f}_${name}`, hex(fmt, a), () => ops[name](a), { value: R.classify(fmt, name, a), flags: 0 });
        }
        checkValue(`${f}_negate`, hex(fmt, a), () => ops.negate(a), { value: R.negate(fmt, a), flags: 0 }, (v) => hex(fmt, v));
        checkValue(`${f}_abs`, hex(fmt, a), () => ops.abs(a), { value: R.abs(fmt, a), flags: 0 }, (v) => hex(fmt, v));
        const b = specials[a % specials.length]!;
        checkValue(`${f}_copySign`, `${hex(fmt, a)}, ${hex(fmt, b)}`, () => ops.copySign(a, b), {
          value: R.copySign(fmt, a, b),
          flags: 0,
        }, (v) => hex(fmt, v));
      }
    });
  });
}
