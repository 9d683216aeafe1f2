/**
 * The round-to-nearest screen of a binary32 sweep: for most inputs the correctly rounded result (and its flags:
 * inexact alone) follows from a double approximation without the full reference of test/math/reference.ts. The
 * screen answers only where that reference would itself answer from the same double by the same rule, so the two
 * agree by construction; bench/math/screen-check.mjs confirms it on sampled words of every function.
 *
 * The reference (makeReference, mode 0) rounds a double y — the function's `dbl(x)`, or h + lo from its `pair(x)`
 * where a pair is defined — whenever y is farther than 2^-40·|y| from every rounding boundary (a representable value
 * or a midpoint). The screen does the same for results in the normal range, including powers of two, whose lower
 * midpoint is a quarter ulp away instead of a half. When a pair's sliver is tiny (|lo| <= 2^-30·|h|, a known sign
 * dir, h a binary32 normal value), the reference rounds h nudged toward dir, which to nearest is h, inexact; the
 * screen answers h too.
 *
 * Three more rules come from IEEE 754-2019 §9.2 rather than from the reference's code (screen-check.mjs holds them
 * to the reference all the same): outside a function's domain (log of a negative, asin beyond ±1, …) the result is
 * the default NaN with invalid; where the double is beyond 2^128 (or ±∞ for a function that overflows rather than
 * having a pole) the result overflows to ±∞; where it is below 2^-151 (or 0 for a function positive everywhere) it
 * underflows to ±0. Everything else (zeros, infinities, NaNs as inputs, subnormal results, poles, values near a
 * boundary) is left to the full reference.
 */

const INEXACT = 0x01;
const UNDERFLOW = 0x02;
const OVERFLOW = 0x04;
const INVALID = 0x10;

/** The finite arguments outside each function's domain (invalid operation, §9.2). */
const OUTSIDE_DOMAIN = {
  log: (x) => x < 0,
  log2: (x) => x < 0,
  log10: (x) => x < 0,
  log1p: (x) => x < -1,
  rsqrt: (x) => x < 0,
  asin: (x) => x < -1 || x > 1,
  acos: (x) => x < -1 || x > 1,
  atanh: (x) => x < -1 || x > 1,
  acosh: (x) => x < 1,
};
/** Functions with no pole at a finite argument: a double ±∞ there is an overflow. */
const OVERFLOWS = new Set(['exp', 'exp2', 'exp10', 'expm1', 'sinh', 'cosh']);
/** Functions positive for every finite argument: a double 0 there is an underflow. */
const POSITIVE = new Set(['exp', 'exp2', 'exp10', 'sigmoid', 'softplus', 'erfc']);
/** 2^(e - 150): the ulp of a normal binary32 with biased exponent e. */
const ULP = Array.from({ length: 256 }, (_, e) => 2 ** (e - 150));

/**
 * screen(a) for fn: the result word when the screen decides it, its flags then in screen.flags; else -1. After each
 * call screen.dbl holds dbl(x) when it was computed (NaN otherwise), for callers that measure errors against it.
 */
export function makeScreen(lib, fn) {
  const { dbl, pair } = lib.doubleParts(fn);
  const cell = new Float32Array(1);
  const word = new Uint32Array(cell.buffer);

  /** The binary32 nearest y (finite, nonzero) if y is conclusive by itself, else -1. */
  function conclusive(y) {
    const ay = Math.abs(y);
    if (!(ay >= 2 ** -126 && ay < 2 ** 127)) return -1;
    cell[0] = y;
    const rb = word[0];
    // y − rounded is exact (Sterbenz).
    const r = cell[0];
    const d = Math.abs(y - r);
    const tol = ay * 2 ** -40;
    if (d <= tol) return -1;
    const e = (rb >>> 23) & 0xff;
    let room = ULP[e] / 2;
    if ((rb & 0x7fffff) === 0) {
      // A power of two: below it lies the binade with half the ulp.
      if (e < 2) return -1;
      if (ay < Math.abs(r)) room /= 2;
    }
    return room - d > tol ? rb : -1;
  }

  const outside = OUTSIDE_DOMAIN[fn];
  const overflows = OVERFLOWS.has(fn);
  const positive = POSITIVE.has(fn);
  const defaultNaN = lib.F32.defaultNaN;

  /** The result of a double y that lies beyond the binary32 range either way, else -1. */
  function outOfRange(y) {
    if (y === Infinity || y === -Infinity ? overflows : y !== 0 && Math.abs(y) >= 2 ** 128) {
      screen.flags = OVERFLOW | INEXACT;
      return y > 0 ? 0x7f800000 : 0xff800000;
    }
    if (y === 0 ? positive : Math.abs(y) < 2 ** -151) {
      screen.flags = UNDERFLOW | INEXACT;
      return y > 0 || Object.is(y, 0) ? 0 : 0x80000000;
    }
    return -1;
  }

  const screen = (a) => {
    screen.dbl = NaN;
    screen.flags = INEXACT;
    word[0] = a;
    const x = cell[0];
    if (x !== x || x === 0 || x === Infinity || x === -Infinity) return -1;
    if (outside !== undefined && outside(x)) {
      screen.flags = INVALID;
      return defaultNaN;
    }
    const pr = pair === undefined ? null : pair(x);
    if (pr === null) {
      const y = dbl(x);
      screen.dbl = y;
      if (y !== y) return -1;
      const r = outOfRange(y);
      if (r >= 0) return r;
      return conclusive(y);
    }
    const [h, lo, dir] = pr;
    const y = h + lo;
    if (y !== 0 && Number.isFinite(y)) {
      const r = conclusive(y);
      if (r >= 0) return r;
    }
    const ah = Math.abs(h);
    if (dir === 0 || !(ah >= 2 ** -125 && ah < 2 ** 127) || !(Math.abs(lo) <= ah * 2 ** -30)) return -1;
    cell[0] = h;
    return cell[0] === h ? word[0] : -1;
  };
  screen.dbl = NaN;
  screen.flags = INEXACT;
  return screen;
}

