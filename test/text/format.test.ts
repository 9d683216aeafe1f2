/**
 * src/text/format.ts: toFixed, toExponential, toPrecision, represent and toHex against a BigInt reference that
 * rounds the exact value of the word half to even at the requested digit, for every binary16 and bfloat16 word and
 * for binary32 words up to 120 digits; where the exact value is not a tie at that digit, the text must also equal
 * JavaScript's own method on the same value (which rounds ties differently but lays numbers out the same way).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bf16_represent,
  bf16_toExponential,
  bf16_toFixed,
  bf16_toHex,
  bf16_toPrecision,
  bf16_toShortest,
  f16_represent,
  f16_toExponential,
  f16_toFixed,
  f16_toHex,
  f16_toPrecision,
  f16_toShortest,
  f32_represent,
  f32_toExponential,
  f32_toFixed,
  f32_toHex,
  f32_toPrecision,
  f32_toShortest,
  type Represented,
} from '../../src/text/format.js';
import { getFlags, setRoundingMode } from '../../src/env/environment.js';
import * as R from '../reference/exact.js';
import { BF16, F16, F32, type Format } from '../reference/exact.js';
import { finiteArb } from '../support/arbitraries.js';
import { resetEnv } from '../support/harness.js';
import { property } from '../support/suites.js';

interface Printers {
  fixed: (a: number, f?: number) => string;
  exponential: (a: number, f?: number) => string;
  precision: (a: number, p?: number) => string;
  represent: (a: number, u: number) => Represented;
  shortest: (a: number) => string;
  hex: (a: number) => string;
}

const PRINTERS: [Format, Printers][] = [
  [
    F32,
    {
      fixed: f32_toFixed,
      exponential: f32_toExponential,
      precision: f32_toPrecision,
      represent: f32_represent,
      shortest: f32_toShortest,
      hex: f32_toHex,
    },
  ],
  [
    F16,
    {
      fixed: f16_toFixed,
      exponential: f16_toExponential,
      precision: f16_toPrecision,
      represent: f16_represent,
      shortest: f16_toShortest,
      hex: f16_toHex,
    },
  ],
  [
    BF16,
    {
      fixed: bf16_toFixed,
      exponential: bf16_toExponential,
      precision: bf16_toPrecision,
      represent: bf16_represent,
      shortest: bf16_toShortest,
      hex: bf16_toHex,
    },
  ],
];

// ---------------------------------------------------------------------------------------------------------------
// Reference: exact value, rounding half to even, layouts written out from their definitions

type Q = [bigint, bigint];

function exactValue(fmt: Format, w: number): Q {
  const d = R.decode(fmt, w % fmt.signBit);
  if (d.kind === 'zero') return [0n, 1n];
  return d.e >= 0 ? [d.m << BigInt(d.e), 1n] : [d.m, 1n << BigInt(-d.e)];
}

/** round(num/den) half to even; also says whether it was a tie. */
function roundHalfEven(num: bigint, den: bigint): [bigint, boolean] {
  const q = num / den;
  const twice = 2n * (num - q * den);
  if (twice > den) return [q + 1n, false];
  if (twice < den) return [q, false];
  return [q % 2n === 0n ? q : q + 1n, true];
}

/** v rounded to p significant digits: [digit string of length p, n] with value 0.digits × 10^n, and tie. */
function roundSignificant(v: Q, p: number): [string, number, boolean] {
  let e10 = v[0].toString().length - v[1].toString().length;
  const geq = (e: number) => (e >= 0 ? v[0] >= 10n ** BigInt(e) * v[1] : v[0] * 10n ** BigInt(-e) >= v[1]);
  while (!geq(e10)) e10--;
  while (geq(e10 + 1)) e10++;
  const j = e10 - p + 1;
  const [q, tie] =
    j >= 0 ? roundHalfEven(v[0], v[1] * 10n ** BigInt(j)) : roundHalfEven(v[0] * 10n ** BigInt(-j), v[1]);
  let digits = q.toString();
  let n = e10 + 1;
  if (digits.length > p) {
    digits = digits.slice(0, p);
    n++;
  }
  return [digits, n, tie];
}

function expText(e: number): string {
  return e < 0 ? `e-${-e}` : `e+${e}`;
}

function refFixed(v: Q, f: number): [string, boolean] {
  const [q, tie] = roundHalfEven(v[0] * 10n ** BigInt(f), v[1]);
  const digits = q.toString().padStart(f + 1, '0');
  const int = digits.slice(0, digits.length - f);
  return [f > 0 ? `${int}.${digits.slice(digits.length - f)}` : int, tie];
}

function refExponential(v: Q, f: number): [string, boolean] {
  if (v[0] === 0n) return [`0${f > 0 ? `.${'0'.repeat(f)}` : ''}e+0`, false];
  const [digits, n, tie] = roundSignificant(v, f + 1);
  return [`${digits[0]}${f > 0 ? `.${digits.slice(1)}` : ''}${expText(n - 1)}`, tie];
}

function refPrecision(v: Q, p: number): [string, boolean] {
  if (v[0] === 0n) return [`0${p > 1 ? `.${'0'.repeat(p - 1)}` : ''}`, false];
  const [digits, n, tie] = roundSignificant(v, p);
  const e = n - 1;
  if (e < -6 || e >= p) return [`${digits[0]}${p > 1 ? `.${digits.slice(1)}` : ''}${expText(e)}`, tie];
  if (e >= 0) return [`${digits.slice(0, e + 1)}${p > e + 1 ? `.${digits.slice(e + 1)}` : ''}`, tie];
  return [`0.${'0'.repeat(-e - 1)}${digits}`, tie];
}

function refRepresent(v: Q, u: number): [string, number] {
  if (v[0] === 0n) return ['0'.repeat(u), 1];
  const [digits, n] = roundSignificant(v, u);
  return [digits, n];
}

function refHex(fmt: Format, w: number): string {
  const d = R.decode(fmt, w);
  const sign = d.sign ? '-' : '';
  if (d.kind === 'zero') return `${sign}0x0p+0`;
  const bits = d.m.toString(2);
  const exp = d.e + bits.length - 1;
  // fraction bits after the leading one, padded to whole hex digits, trailing zero digits dropped
  let frac = bits.slice(1);
  frac = frac.padEnd(Math.ceil(frac.length / 4) * 4, '0');
  let hex = '';
  for (let i = 0; i < frac.length; i += 4) hex += parseInt(frac.slice(i, i + 4), 2).toString(16);
  hex = hex.replace(/0+$/, '');
  return `${sign}0x1${hex ? `.${hex}` : ''}p${exp < 0 ? '-' : '+'}${Math.abs(exp)}`;
}

function toDouble(fmt: Format, w: number): number {
  return R.toNumber(fmt, w);
}

// ---------------------------------------------------------------------------------------------------------------

/**
 * Check the printers on one finite word with the given digit counts: toFixed and represent (`which` 1),
 * toExponential and toPrecision (`which` 2), or all (3); toHex always.
 */
function checkWord(fmt: Format, pr: Printers, w: number, f: number, p: number, u: number, which = 3): void {
  const d = R.decode(fmt, w);
  if (d.kind === 'nan' || d.kind === 'inf') return;
  const v = exactValue(fmt, w);
  const minus = d.sign ? '-' : '';
  const x = Math.abs(toDouble(fmt, w));
  const at = `${fmt.name} word 0x${w.toString(16)}`;

  expect(pr.hex(w), `${at} toHex`).toBe(refHex(fmt, w));

  if ((which & 1) !== 0) {
    const [fixed, fixedTie] = refFixed(v, f);
    expect(pr.fixed(w, f), `${at} toFixed(${f})`).toBe(minus + fixed);
    if (!fixedTie && x < 1e21 && f <= 100) {
      expect(pr.fixed(w, f), `${at} toFixed(${f}) vs JS`).toBe(minus + x.toFixed(f));
    }
    const [digits, n] = refRepresent(v, u);
    const expected = { digits, exponent: n, negative: d.sign === 1, valid: true };
    expect(pr.represent(w, u), `${at} represent(${u})`).toEqual(expected);
  }
  if ((which & 2) === 0) return;

  const fe = Math.min(f, 100);
  const [exponential, expTie] = refExponential(v, fe);
  expect(pr.exponential(w, fe), `${at} toExponential(${fe})`).toBe(minus + exponential);
  if (!expTie) expect(pr.exponential(w, fe), `${at} toExponential vs JS`).toBe(minus + x.toExponential(fe));

  const [precision, precTie] = refPrecision(v, p);
  expect(pr.precision(w, p), `${at} toPrecision(${p})`).toBe(minus + precision);
  if (!precTie && p <= 100) expect(pr.precision(w, p), `${at} toPrecision vs JS`).toBe(minus + x.toPrecision(p));
}

describe('format: every binary16 and bfloat16 word', () => {
  for (const [fmt, pr] of PRINTERS.slice(1)) {
    it(`${fmt.name}: toFixed, toExponential, toPrecision, represent, toHex`, () => {
      for (let w = 0; w <= 0xffff; w++) {
        checkWord(fmt, pr, w, w % 31, 1 + (w % 23), 1 + ((w >>> 5) % 40), 1 + (w & 1));
      }
    });
  }
});

describe('format: binary32', () => {
  it('random words and digit counts up to 120 against the reference', () => {
    const [fmt, pr] = PRINTERS[0]!;
    property(
      fc.tuple(
        fc.oneof(finiteArb(F32), fc.integer({ min: 0, max: 0xffffffff })),
        fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 160 })),
        fc.oneof(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 120 })),
        fc.oneof(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 120 })),
      ),
      ([w, f, p, u]) => checkWord(fmt, pr, w, f, p, u),
      6000,
    );
  });

  it('enough digits give the exact value, up to the 112 significant digits of the longest expansions', () => {
    // the smallest subnormal, the largest subnormal and the largest finite number
    const tiny = (5n ** 149n).toString();
    expect(tiny.length).toBe(105);
    expect(f32_toPrecision(0x00000001, 112)).toBe(`${tiny[0]}.${tiny.slice(1).padEnd(111, '0')}e-45`);
    expect(f32_toFixed(0x00000001, 149)).toBe(`0.${tiny.padStart(149, '0')}`);
    expect(f32_represent(0x00000001, 120)).toEqual({
      digits: tiny.padEnd(120, '0'),
      exponent: -44,
      negative: false,
      valid: true,
    });
    const sub = ((2n ** 23n - 1n) * 5n ** 149n).toString();
    expect(sub.length).toBe(112);
    expect(f32_toExponential(0x007fffff, 111)).toBe(`${sub[0]}.${sub.slice(1)}e-38`);
    expect(f32_toExponential(0x807fffff, 119)).toBe(`-${sub[0]}.${sub.slice(1).padEnd(119, '0')}e-38`);
    expect(f32_toFixed(0x7f7fffff, 0)).toBe(((2n ** 24n - 1n) << 104n).toString());
    expect(f32_toFixed(0x7f7fffff, 3)).toBe(`${((2n ** 24n - 1n) << 104n).toString()}.000`);
  });
});

describe('format: special values, signs and arguments', () => {
  it('prints infinities, NaNs and zeros', () => {
    for (const [fmt, pr] of PRINTERS) {
      const inf = fmt.posInf;
      const nan = fmt.posInf + fmt.quietBit;
      const neg = fmt.signBit;
      const printers = [
        (a: number) => pr.fixed(a, 2),
        (a: number) => pr.exponential(a, 2),
        (a: number) => pr.precision(a, 3),
        pr.shortest,
        pr.hex,
      ];
      for (const print of printers) {
        expect(print(inf)).toBe('Infinity');
        expect(print(neg + inf)).toBe('-Infinity');
        expect(print(nan)).toBe('NaN');
        expect(print(neg + nan)).toBe('NaN');
        expect(print(nan - 1)).toBe('NaN'); // signaling
      }
      expect(pr.fixed(0, 2)).toBe('0.00');
      expect(pr.fixed(neg, 2)).toBe('-0.00');
      expect(pr.fixed(neg)).toBe('-0');
      expect(pr.exponential(0)).toBe('0e+0');
      expect(pr.exponential(neg, 3)).toBe('-0.000e+0');
      expect(pr.precision(0, 4)).toBe('0.000');
      expect(pr.precision(neg, 1)).toBe('-0');
      expect(pr.shortest(neg)).toBe('-0');
      expect(pr.hex(neg)).toBe('-0x0p+0');
      expect(pr.represent(neg, 4)).toEqual({ digits: '0000', exponent: 1, negative: true, valid: true });
      expect(pr.represent(inf, 5)).toEqual({ digits: 'inf  ', exponent: 0, negative: false, valid: false });
      expect(pr.represent(neg + nan, 2)).toEqual({ digits: 'na', exponent: 0, negative: true, valid: false });
    }
  });

  it('keeps the sign of values that round to zero, and uses shortest digits when no count is given', () => {
    // -0.5 and -0.25 in binary16
    expect(f16_toFixed(0xb800, 0)).toBe('-0');
    expect(f16_toFixed(0xb400, 0)).toBe('-0');
    expect(f16_toFixed(0x3c00 + 0x0200, 0)).toBe('2'); // 1.5 → 2 (tie to even)
    expect(f16_toFixed(0x4100, 0)).toBe('2'); // 2.5 → 2 (tie to even)
    expect(f32_toExponential(0x3dcccccd)).toBe('1e-1');
    expect(f32_toExponential(0x4b3c614e)).toBe('1.2345678e+7');
    expect(f32_toPrecision(0x3dcccccd)).toBe('0.1');
    expect(f32_toShortest(0x6258d727)).toBe('1e+21');
    expect(f32_toShortest(0x358637bd)).toBe('0.000001');
    expect(f32_toShortest(0x33d6bf95)).toBe('1e-7');
    expect(f32_toFixed(0x6258d727, 1)).toBe('1000000020040877342720.0');
  });

  it('prints without reading the rounding mode or raising flags', () => {
    setRoundingMode(3);
    expect(f32_toPrecision(0x3dcccccd, 3)).toBe('0.100');
    expect(f32_toFixed(0xbdcccccd, 1)).toBe('-0.1');
    expect(getFlags()).toBe(0);
    resetEnv();
  });

  it('rejects digit counts out of range', () => {
    expect(() => f32_toFixed(0, -1)).toThrow(RangeError);
    expect(() => f32_toFixed(0, 1.5)).toThrow(/f32_toFixed: 1.5 is not a digit count/);
    expect(() => f32_toExponential(0, 1001)).toThrow(RangeError);
    expect(() => f16_toPrecision(0, 0)).toThrow(RangeError);
    expect(() => bf16_represent(0, 0)).toThrow(RangeError);
    expect(f32_toFixed(0x3f800000, 1000)).toBe(`1.${'0'.repeat(1000)}`);
  });
});
