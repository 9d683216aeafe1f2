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
 * screen answers h too. Everything else (zeros, infinities, NaNs, subnormal or overflowing results, values near a
 * boundary) is left to the full reference.
 */

const INEXACT = 1;
/** 2^(e - 150): the ulp of a normal binary32 with biased exponent e. */
const ULP = Array.from({ length: 256 }, (_, e) => 2 ** (e - 150));

/**
 * screen(a) for fn: the result word when the screen decides it (its flags are INEXACT), else -1. After each call
 * screen.dbl holds dbl(x) when it was computed (NaN otherwise), for callers that measure errors against it.
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

  const screen = (a) => {
    screen.dbl = NaN;
    word[0] = a;
    const x = cell[0];
    if (x !== x || x === 0 || x === Infinity || x === -Infinity) return -1;
    const pr = pair === undefined ? null : pair(x);
    if (pr === null) {
      const y = dbl(x);
      screen.dbl = y;
      return y !== 0 && Number.isFinite(y) ? conclusive(y) : -1;
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
  return screen;
}

export { INEXACT };
