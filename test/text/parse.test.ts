/**
 * src/text/parse.ts: text to binary32 / binary16 / bfloat16 against an exact rational reference (the text read with
 * BigInt, rounded by test/reference/exact.ts), in all six rounding modes with both tininess settings and both NaN
 * modes, flags compared exactly. The strings are biased to the hard cases: exact midpoints between neighbouring
 * numbers and midpoints ± one unit hundreds of digits out, the numbers themselves ± a far digit (for the directed
 * modes), overflow and subnormal boundaries, leading and trailing zeros, huge exponents, long digit strings and
 * hexadecimal floats. Malformed text: one TextError with its code and position (checked API), the invalid NaN with
 * the invalid flag (raw API).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getFlags } from '../../src/env/environment.js';
import {
  bf16_fromDecimal,
  f16_fromDecimal,
  f32_fromDecimal,
  parseBF16,
  parseF16,
  parseF32,
} from '../../src/text/parse.js';
import {
  TextError,
  text_badWord,
  text_empty,
  text_expectedNumber,
  text_exponentDigits,
  text_hexDigits,
  text_noDigits,
  text_unexpected,
} from '../../src/text/errors.js';
import * as R from '../reference/exact.js';
import { BF16, F16, F32, MODES, type Format, type Mode } from '../reference/exact.js';
import { finiteArb } from '../support/arbitraries.js';
import { describeEnv, flagNames, hex, resetEnv, setEnv, SETTINGS_PER_MODE } from '../support/harness.js';
import { property } from '../support/suites.js';

type Parse = (s: string) => number;

const RAW: [Format, Parse, Parse][] = [
  [F32, f32_fromDecimal, parseF32],
  [F16, f16_fromDecimal, parseF16],
  [BF16, bf16_fromDecimal, parseBF16],
];

// ---------------------------------------------------------------------------------------------------------------
// The reference: the grammar as one regular expression, the value as BigInts

const GRAMMAR = new RegExp(
  '^([+-]?)(?:(inf|infinity)|(nan)' +
    '|0x([0-9a-f]*)(?:\\.([0-9a-f]*))?(?:p([+-]?[0-9]+))?' +
    '|([0-9]*)(?:\\.([0-9]*))?(?:e([+-]?[0-9]+))?)$',
  'i',
);

type RefValue =
  | { kind: 'error' }
  | { kind: 'nan'; sign: number }
  | { kind: 'inf'; sign: number }
  | { kind: 'zero'; sign: number }
  | { kind: 'decimal'; sign: number; n: bigint; e10: bigint }
  | { kind: 'binary'; sign: number; n: bigint; e2: bigint };

function readText(s: string): RefValue {
  const m = GRAMMAR.exec(s);
  if (m === null) return { kind: 'error' };
  const sign = m[1] === '-' ? 1 : 0;
  if (m[2] !== undefined) return { kind: 'inf', sign };
  if (m[3] !== undefined) return { kind: 'nan', sign };
  if (m[4] !== undefined) {
    const int = m[4] ?? '';
    const frac = m[5] ?? '';
    if (int.length + frac.length === 0) return { kind: 'error' };
    const n = BigInt(`0x${int}${frac}`);
    if (n === 0n) return { kind: 'zero', sign };
    return { kind: 'binary', sign, n, e2: BigInt(m[6] ?? '0') - 4n * BigInt(frac.length) };
  }
  const int = m[7] ?? '';
  const frac = m[8] ?? '';
  if (int.length + frac.length === 0) return { kind: 'error' };
  const n = BigInt(`${int}${frac}`);
  if (n === 0n) return { kind: 'zero', sign };
  return { kind: 'decimal', sign, n, e10: BigInt(m[9] ?? '0') - BigInt(frac.length) };
}

/** Digits of a positive BigInt. */
function digitCount(n: bigint): number {
  return n.toString().length;
}

function bitCount(n: bigint): number {
  return n.toString(2).length;
}

/**
 * The exact result for a rounding mode. Values of 10^400 and more overflow every format and values below 10^-400
 * are far below half the smallest subnormal of every format, so such exponents are clamped to keep BigInts small.
 */
function reference(fmt: Format, v: RefValue, mode: Mode): R.FloatResult {
  switch (v.kind) {
    case 'error':
      return { bits: fmt.defaultNaN, flags: [R.INVALID, R.INVALID] };
    case 'nan':
      return { bits: (v.sign ? fmt.signBit : 0) + fmt.posInf + fmt.quietBit, flags: [0, 0] };
    case 'inf':
      return { bits: R.infBits(fmt, v.sign), flags: [0, 0] };
    case 'zero':
      return { bits: R.zeroBits(fmt, v.sign), flags: [0, 0] };
    case 'decimal': {
      let { n, e10 } = v;
      const magnitude = BigInt(digitCount(n) - 1) + e10;
      if (magnitude > 400n) [n, e10] = [1n, 400n];
      if (magnitude < -400n) [n, e10] = [1n, -400n];
      const e = Number(e10);
      return e >= 0
        ? R.roundExact(fmt, v.sign, n * 10n ** BigInt(e), 0, mode)
        : R.roundRatio(fmt, v.sign, n, 10n ** BigInt(-e), 0, mode);
    }
    case 'binary': {
      let { n, e2 } = v;
      const magnitude = BigInt(bitCount(n) - 1) + e2;
      if (magnitude > 1000n) [n, e2] = [1n, 1000n];
      if (magnitude < -1000n) [n, e2] = [1n, -1000n];
      return R.roundExact(fmt, v.sign, n, Number(e2), mode);
    }
  }
}

/** Check one string in every format, mode, tininess and NaN mode; returns the number of comparisons. */
function checkText(s: string, formats: readonly (readonly [Format, Parse, Parse])[] = RAW): number {
  const v = readText(s);
  let checks = 0;
  for (const [fmt, parse] of formats) {
    for (const mode of MODES) {
      const expected = reference(fmt, v, mode);
      for (const [tininess, nanMode] of SETTINGS_PER_MODE) {
        setEnv({ mode, tininess, nanMode });
        const got = parse(s);
        const flags = getFlags();
        const bits = nanMode === 1 ? R.nanDefaultOf(fmt, expected.bits) : expected.bits;
        const expFlags = expected.flags[tininess];
        if (got !== bits || flags !== expFlags) {
          resetEnv();
          const shown = JSON.stringify(s.length > 200 ? `${s.slice(0, 100)}…${s.slice(-100)}` : s);
          throw new Error(
            [
              `${fmt.name}_fromDecimal(${shown}) ${describeEnv({ mode, tininess, nanMode })}`,
              `got      ${hex(fmt, got)} flags ${flagNames(flags)}`,
              `expected ${hex(fmt, bits)} flags ${flagNames(expFlags)}`,
            ].join('\n  '),
          );
        }
        checks++;
      }
    }
  }
  resetEnv();
  return checks;
}

// ---------------------------------------------------------------------------------------------------------------
// Generators of hard text

/** An exact value X·10^-d as text, in one of several equivalent spellings. */
interface Spelling {
  layout: 0 | 1 | 2 | 3;
  leadingZeros: number;
  trailingZeros: number;
  shift: number;
  plus: boolean;
  upperE: boolean;
}

const spellingArb: fc.Arbitrary<Spelling> = fc.record({
  layout: fc.constantFrom(0 as const, 1 as const, 2 as const, 3 as const),
  leadingZeros: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 40 })),
  trailingZeros: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 40 })),
  shift: fc.integer({ min: -30, max: 30 }),
  plus: fc.boolean(),
  upperE: fc.boolean(),
});

function spell(sign: number, x: bigint, d: number, sp: Spelling): string {
  const digits = x.toString();
  const e = sp.upperE ? 'E' : 'e';
  const signText = sign ? '-' : sp.plus ? '+' : '';
  const lead = '0'.repeat(sp.leadingZeros);
  const trail = '0'.repeat(sp.trailingZeros);
  switch (sp.layout) {
    case 0:
      // integer significand: D000 e(-d - trailing)
      return `${signText}${lead}${digits}${trail}${e}${-d - sp.trailingZeros}`;
    case 1:
      // 0.D e(len - d)
      return `${signText}${lead}.${digits}${trail}${e}${digits.length - d}`;
    case 2: {
      // point inside or outside the digits, the exponent making up for it
      const len = digits.length;
      const pointAt = Math.max(0, Math.min(len, len - d + sp.shift));
      const exp = len - d - pointAt;
      const expText = exp !== 0 ? `${e}${exp}` : '';
      return `${signText}${lead}${digits.slice(0, pointAt)}.${digits.slice(pointAt)}${trail}${expText}`;
    }
    default: {
      // plain fixed notation (no exponent) when the point is not too far out
      if (d > 400 || d < -60) return `${signText}${digits}${e}${-d}`;
      if (d <= 0) return `${signText}${lead}${digits}${'0'.repeat(-d)}${sp.trailingZeros > 0 ? `.${trail}` : ''}`;
      const padded = digits.padStart(d + 1, '0');
      return `${signText}${lead}${padded.slice(0, padded.length - d)}.${padded.slice(padded.length - d)}${trail}`;
    }
  }
}

/** The exact value of a finite positive word as X·2^k. */
function wordValue(fmt: Format, w: number): [bigint, number] {
  const d = R.decode(fmt, w);
  return d.kind === 'zero' ? [0n, 0] : [d.m, d.e];
}

/** X·2^k as X'·10^-d. */
function toDecimal(x: bigint, k: number): [bigint, number] {
  return k >= 0 ? [x << BigInt(k), 0] : [x * 5n ** BigInt(-k), -k];
}

/** What to do with a boundary value: keep it, or nudge it by one unit `far` digits beyond its last digit. */
type Nudge = 'exact' | 'up' | 'down' | 'truncate';

/**
 * Text for values at and right next to rounding boundaries: the midpoint between a word and the next one up (or the
 * word itself, a boundary for the directed modes), exact or nudged up or down by one unit hundreds of digits out, or
 * cut to a prefix of its digits.
 */
function boundaryArb(fmt: Format): fc.Arbitrary<string> {
  const words = fc.oneof(
    { weight: 4, arbitrary: finiteArb(fmt).map((w) => w % fmt.signBit) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 40 }) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 40 }).map((i) => fmt.maxFinite - i) },
    {
      weight: 1,
      arbitrary: fc.integer({ min: -20, max: 20 }).map((i) => (1 << (fmt.p - 1)) + i),
    },
  );
  return fc
    .tuple(
      words,
      fc.boolean(),
      fc.constantFrom<Nudge>('exact', 'up', 'down', 'truncate', 'up', 'down'),
      fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 100, max: 400 })),
      fc.integer({ min: 1, max: 30 }),
      fc.integer({ min: 0, max: 1 }),
      spellingArb,
    )
    .map(([w, midpoint, nudge, far, keep, sign, sp]) => {
      let [x, k] = wordValue(fmt, w);
      if (midpoint) {
        // (v(w) + v(w + 1)) / 2, with 2^(emax+1) above the largest finite number
        const [x2, k2] = w === fmt.maxFinite ? [1n, fmt.emax + 1] : wordValue(fmt, w + 1);
        const low = Math.min(k, k2);
        x = (x << BigInt(k - low)) + (x2 << BigInt(k2 - low));
        k = low - 1;
      }
      let [X, d] = toDecimal(x, k);
      switch (nudge) {
        case 'up':
          X = X * 10n ** BigInt(far + 1) + 1n;
          d += far + 1;
          break;
        case 'down':
          if (X > 0n) {
            X = X * 10n ** BigInt(far + 1) - 1n;
            d += far + 1;
          }
          break;
        case 'truncate': {
          const digits = X.toString();
          if (keep < digits.length) {
            X = BigInt(digits.slice(0, keep));
            d -= digits.length - keep;
          }
          break;
        }
        default:
          break;
      }
      return spell(sign, X, d, sp);
    });
}

/** Random decimal digit strings of 1 … 320 digits with exponents around the formats' ranges. */
const longDecimalArb = fc
  .tuple(
    fc.stringMatching(/^[1-9][0-9]{0,319}$/),
    fc.integer({ min: -380, max: 60 }),
    fc.integer({ min: 0, max: 1 }),
    spellingArb,
  )
  .map(([digits, e, sign, sp]) => spell(sign, BigInt(digits), -e, sp));

/** Hexadecimal floats: 1 … 40 hex digits, a point somewhere, binary exponents around the ranges. */
const hexArb = fc
  .tuple(
    fc.stringMatching(/^[0-9a-fA-F]{1,40}$/),
    fc.integer({ min: 0, max: 40 }),
    fc.oneof(fc.integer({ min: -200, max: 200 }), fc.integer({ min: -2000, max: 2000 })),
    fc.constantFrom('', '+', '-'),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([digits, point, p, sign, upperX, omitP]) => {
    const at = Math.min(point, digits.length);
    const body = at === digits.length ? digits : `${digits.slice(0, at)}.${digits.slice(at)}`;
    return `${sign}0${upperX ? 'X' : 'x'}${body}${omitP && p === 0 ? '' : `${upperX ? 'P' : 'p'}${p}`}`;
  });

/** Hexadecimal text at and next to boundaries: a word's value or midpoint, exact or with a far nonzero digit. */
function hexBoundaryArb(fmt: Format): fc.Arbitrary<string> {
  return fc
    .tuple(finiteArb(fmt), fc.boolean(), fc.integer({ min: 0, max: 30 }), fc.boolean())
    .map(([w, midpoint, far, sticky]) => {
      let [x, k] = wordValue(fmt, w % fmt.signBit);
      if (x === 0n) return '0x0p0';
      if (midpoint) {
        x = (x << 1n) + 1n;
        k -= 1;
      }
      // x·2^k as hex digits: pad x to whole hex digits, then optionally add a far 1 bit
      let digits = x.toString(16);
      let e2 = k;
      if (sticky) {
        digits += `${'0'.repeat(far)}1`;
        e2 -= 4 * (far + 1);
      }
      return `${w >= fmt.signBit ? '-' : ''}0x${digits}p${e2}`;
    });
}

// ---------------------------------------------------------------------------------------------------------------

describe('parse: fixed cases', () => {
  it('reads the documented examples', () => {
    expect(f32_fromDecimal('0x1.8p3')).toBe(0x41400000);
    expect(f32_fromDecimal('-0X.1P-2')).toBe(0xbc800000);
    expect(f32_fromDecimal('1e+21')).toBe(0x6258d727);
    expect(f32_fromDecimal('-0')).toBe(0x80000000);
    expect(f16_fromDecimal('65504')).toBe(0x7bff);
    expect(bf16_fromDecimal('1')).toBe(0x3f80);
    expect(f32_fromDecimal('INFINITY')).toBe(0x7f800000);
    expect(f32_fromDecimal('-Inf')).toBe(0xff800000);
    expect(f32_fromDecimal('NaN')).toBe(0x7fc00000);
    expect(f32_fromDecimal('-nan')).toBe(0xffc00000);
    expect(f16_fromDecimal('-nan')).toBe(0xfe00);
    expect(bf16_fromDecimal('nan')).toBe(0x7fc0);
  });

  const fixed = [
    // huge and tiny exponents, zeros with any exponent
    '1e-999999999',
    '-1e-999999999',
    '0e999999999999',
    '-0e-999999999999',
    '1e999999999999999999999999',
    '1e+2147483648',
    '1e-2147483649',
    '0.0000000000000000000000000000000000000000000000000001e+53',
    '100000000000000000000000000000000000000000000000000000000000e-60',
    '0x1p999999999999',
    '0x1p-999999999999',
    '0x0p999999999999',
    '0x.00000000000000000000000000000000001p+140',
    '0x1000000000000000000000000000000000p-140',
    // halfway cases of binary32 with a nonzero digit far out
    '16777217',
    `16777217.${'0'.repeat(300)}1`,
    `16777216.${'9'.repeat(300)}`,
    `1.00000005960464477539062${'0'.repeat(200)}1`,
    '1.000000059604644775390625',
    // overflow thresholds of binary32 (the midpoint 2^128 − 2^103 and its neighbours)
    '340282356779733661637539395458142568448',
    '340282356779733661637539395458142568447',
    `340282356779733661637539395458142568447.${'9'.repeat(200)}`,
    '340282356779733661637539395458142568449',
    '3.4028235e38',
    '3.4028236e38',
    // smallest subnormal, its half, and the smallest normal of binary32
    '1.40129846432481707092372958328991613128026194187651577175706828388979108268586060148663818836212158203125e-45',
    '7.006492321624085354618647916449580656401309709382578858785341419448955413429303e-46',
    `7.006492321624085354618647916449580656401309709382578858785341419448955413429303${'0'.repeat(100)}1e-46`,
    '7.0064923216240853546186479164495806564013097093825788587853414194489554134293030e-46',
    '1.1754942807573642917278829910357665133228589927589904276829631184250030649651730385585324256680905818939208984375e-38',
    '1.17549428e-38',
    '1.17549435e-38',
    // binary16 and bfloat16 boundaries
    '65519.99999999999999999999999999',
    '65520',
    '5.9604644775390625e-8',
    '2.98023223876953125e-8',
    '2.98023223876953125000000000000001e-8',
    '6.103515625e-05',
    '3.3961775292304957e38',
    '9.183549615799121e-41',
    // leading and trailing zeros
    '000000000000000000000000000000000000000001.5000000000000000000000000000000000',
    '.000000000000000000000000000000000000000000000000000000000000000000000000000000001e81',
    '1.',
    '.5',
    '+.5e-0',
    '00.00e+00',
  ];

  it.each(fixed)('%s', (s) => {
    checkText(s);
  });
});

describe('parse: against the exact reference', () => {
  for (const [fmt] of RAW) {
    it(`boundary text of ${fmt.name} in every format, mode and tininess`, () => {
      property(boundaryArb(fmt), (s) => void checkText(s), 1500);
    });
    it(`hexadecimal boundary text of ${fmt.name}`, () => {
      property(hexBoundaryArb(fmt), (s) => void checkText(s), 400);
    });
  }

  it('long random decimal text', () => {
    property(longDecimalArb, (s) => void checkText(s), 1500);
  });

  it('random hexadecimal floats', () => {
    property(hexArb, (s) => void checkText(s), 1500);
  });

  it('text of up to 3000 digits whose tail decides a tie', () => {
    property(
      fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 150, max: 3000 }), fc.boolean(), fc.boolean()),
      ([f, zeros, tail, negative]) => {
        const [fmt] = RAW[f]!;
        // 1 + half an ulp, with or without a final 1 after `zeros` zeros
        const [x, d] = toDecimal((1n << BigInt(fmt.p)) + 1n, -fmt.p);
        const digits = x.toString();
        const int = digits.slice(0, digits.length - d);
        const frac = digits.slice(digits.length - d);
        const text = `${negative ? '-' : ''}${int}.${frac}${'0'.repeat(zeros)}${tail ? '1' : ''}`;
        checkText(text);
      },
      60,
    );
  });
});

describe('parse: syntax', () => {
  const malformed: [string, number, number][] = [
    ['', text_empty, 0],
    ['-', text_expectedNumber, 1],
    ['+', text_expectedNumber, 1],
    ['.', text_noDigits, 1],
    ['-.', text_noDigits, 2],
    ['.e1', text_noDigits, 1],
    ['e5', text_expectedNumber, 0],
    ['1e', text_exponentDigits, 2],
    ['1e+', text_exponentDigits, 3],
    ['1.5E-x', text_exponentDigits, 5],
    ['1.2.3', text_unexpected, 3],
    ['0x', text_hexDigits, 2],
    ['0x.', text_hexDigits, 3],
    ['0xg', text_hexDigits, 2],
    ['0x1p', text_exponentDigits, 4],
    ['0x1.8p+', text_exponentDigits, 7],
    ['0x1q', text_unexpected, 3],
    ['1_000', text_unexpected, 1],
    [' 1', text_expectedNumber, 0],
    ['1 ', text_unexpected, 1],
    ['1 000', text_unexpected, 1],
    ['\t1', text_expectedNumber, 0],
    ['--1', text_expectedNumber, 1],
    ['1e5.5', text_unexpected, 3],
    ['1f', text_unexpected, 1],
    ['0x1.8p3.', text_unexpected, 7],
    ['infinit', text_badWord, 7],
    ['infx', text_badWord, 3],
    ['infinityx', text_unexpected, 8],
    ['nanx', text_unexpected, 3],
    ['na', text_badWord, 2],
    ['nan(1)', text_unexpected, 3],
    ['i', text_badWord, 1],
    ['0x1p1x', text_unexpected, 5],
  ];

  it.each(malformed)('%j is malformed (code %i at %i)', (s, code, position) => {
    for (const [fmt, raw, checked] of RAW) {
      let error: unknown;
      setEnv({ mode: 0, tininess: 1, nanMode: 0 });
      try {
        checked(s);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(TextError);
      const te = error as TextError;
      expect(te.code).toBe(code);
      expect(te.position).toBe(position);
      expect(te.message).toContain(`parse${fmt.name === 'f32' ? 'F32' : fmt.name === 'f16' ? 'F16' : 'BF16'}:`);
      if (code !== text_empty) expect(te.message).toContain(`at position ${position}`);
      expect(getFlags()).toBe(0);
      expect(raw(s)).toBe(fmt.defaultNaN);
      expect(getFlags()).toBe(R.INVALID);
      setEnv({ mode: 0, tininess: 1, nanMode: 1 });
      expect(raw(s)).toBe(fmt.nanModeNaN);
      expect(getFlags()).toBe(R.INVALID);
    }
    resetEnv();
    expect(readText(s).kind).toBe('error');
  });

  it('accepts exactly the grammar (random text over the number alphabet)', () => {
    const alphabet = fc.constantFrom(...'0123456789.eE+-xXpPaAbBfFiInNtTyY_ '.split(''));
    property(
      fc.oneof(
        fc.array(alphabet, { maxLength: 12 }).map((cs) => cs.join('')),
        fc.array(alphabet, { maxLength: 12 }).map((cs) => `0x${cs.join('')}`),
        fc.array(alphabet, { maxLength: 12 }).map((cs) => `1${cs.join('')}`),
      ),
      (s) => {
        const v = readText(s);
        let threw = false;
        try {
          parseF32(s);
        } catch (e) {
          expect(e).toBeInstanceOf(TextError);
          threw = true;
        }
        expect(threw, JSON.stringify(s)).toBe(v.kind === 'error');
        checkText(s, [RAW[0]!]);
      },
      4000,
    );
  });
});
