/**
 * Arbitrary-precision helpers in BigInt fixed point, shared by the table generator and the sweep reference.
 * A "fixed" value v stands for v / 2^PREC. Everything here is exact integer arithmetic plus truncating shifts, with
 * PREC far above what any consumer needs (callers keep a margin of 60+ bits over the precision they round to).
 */
export const PREC = 256n;
export const ONE = 1n << PREC;

/** floor(a·b / 2^PREC) with a, b fixed. */
export function fmul(a, b) {
  return (a * b) >> PREC;
}

/** a / b in fixed point. */
export function fdiv(a, b) {
  return (a << PREC) / b;
}

/** atanh(1/k)·2^PREC for an integer k >= 2, by its series Σ 1/((2i+1)·k^(2i+1)). */
function atanhInv(k) {
  const kk = k * k;
  let term = ONE / k;
  let sum = 0n;
  for (let i = 1n; term !== 0n; i += 2n) {
    sum += term / i;
    term /= kk;
  }
  return sum;
}

export const LN2 = 2n * atanhInv(3n);
/** ln(10) = 3·ln 2 + ln(5/4), ln(5/4) = 2·atanh(1/9). */
export const LN10 = 3n * LN2 + 2n * atanhInv(9n);

/** e^x for fixed x (any sign, |x| < 2^20): x = k·ln2 + r, |r| <= ln2/2, r/2^16, Taylor, square back 16 times. */
export function fexp(x) {
  const k = (x + LN2 / 2n) / LN2 - (x + LN2 / 2n < 0n ? 1n : 0n);
  let r = x - k * LN2;
  r >>= 16n;
  let term = ONE;
  let sum = ONE;
  for (let i = 1n; term !== 0n && term !== -1n; i++) {
    term = fmul(term, r) / i;
    sum += term;
  }
  for (let i = 0; i < 16; i++) sum = fmul(sum, sum);
  return k >= 0n ? sum << k : sum >> -k;
}

/** ln(x) for fixed x > 0: x = 2^k·m, m in [1,2), ln m = 2·atanh((m-1)/(m+1)). */
export function flog(x) {
  if (x <= 0n) throw new RangeError('flog of a non-positive value');
  let k = 0n;
  while (x >= 2n * ONE) {
    x >>= 1n;
    k++;
  }
  while (x < ONE) {
    x <<= 1n;
    k--;
  }
  const s = fdiv(x - ONE, x + ONE);
  const s2 = fmul(s, s);
  let term = s;
  let sum = 0n;
  for (let i = 1n; term !== 0n; i += 2n) {
    sum += term / i;
    term = fmul(term, s2);
  }
  return 2n * sum + k * LN2;
}

/** round(v / 2^shift) for a non-negative BigInt. */
export function roundShift(v, shift) {
  if (shift <= 0n) return v << -shift;
  return (v + (1n << (shift - 1n))) >> shift;
}
