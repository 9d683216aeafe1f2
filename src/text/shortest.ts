/**
 * Shortest digits: the fewest significant decimal digits that read back (round to nearest, ties to even) to the same
 * value, and among those the ones closest to the value (ties between two candidates go to the even digit, as
 * ECMAScript's Number::toString asks).
 *
 * Method: Steele & White's free-format algorithm in the form of Burger & Dybvig, on exact multiword integers. The
 * value v, the distance to the lower boundary (the midpoint with the number below) and to the upper one are scaled to
 * integers r/s, mm/s, mp/s; the boundaries belong to the interval when the significand is even (ties to even read
 * back to it). With s scaled by 10^k so that v/10^k lies in [0.1, 1), each step multiplies r, mm and mp by 10 and
 * takes the next digit as ⌊r/s⌋; generation stops as soon as the digits so far, or the same with the last digit one
 * larger, lie inside the interval, choosing the nearer of the two to v. spec/text.md says why the scaling follows v
 * rather than the upper boundary as in Burger & Dybvig.
 */
import { digitBuffer, digitsOf } from './digits.js';
import { clz32 } from '../primitives/integer.js';
import {
  addInto,
  compare,
  mulPow10,
  mulSmallAdd,
  mulSmallInto,
  newLimbs,
  setSmall,
  shiftLeftInto,
  sub,
} from './limbs.js';

const r = newLimbs();
const s = newLimbs();
const mp = newLimbs();
const mm = newLimbs();
const sum = newLimbs();
const one = newLimbs();

/**
 * Shortest digits of m·2^e (m > 0) into the digit buffer. `even` says that the boundaries read back to this value
 * (m is even); `lowerGapHalf` that the number below is half as far as the number above.
 */
export function shortestDigits(m: number, e: number, even: boolean, lowerGapHalf: boolean): void {
  let nr: number;
  let ns: number;
  let nmp: number;
  let nmm: number;
  // v = r/s, upper boundary (r + mp)/s, lower boundary (r − mm)/s; mm is only kept apart from mp when lowerGapHalf.
  const extra = lowerGapHalf ? 1 : 0;
  setSmall(one, 1);
  if (e >= 0) {
    nr = shiftLeftInto(r, one, 1, e + 1 + extra);
    nr = mulSmallAdd(r, nr, m, 0);
    ns = setSmall(s, 2 << extra);
    nmp = shiftLeftInto(mp, one, 1, e + extra);
    nmm = shiftLeftInto(mm, one, 1, e);
  } else {
    nr = setSmall(r, m << (1 + extra));
    ns = shiftLeftInto(s, one, 1, 1 + extra - e);
    nmp = setSmall(mp, 1 << extra);
    nmm = setSmall(mm, 1);
  }
  // First guess of k from the bit length of v: 78913 / 2^18 is log10(2) rounded down.
  const bits = 32 - clz32(m) + e;
  let k = (Math.imul(bits - 1, 78913) >> 18) + 1;
  if (k >= 0) {
    ns = mulPow10(s, ns, k);
  } else {
    nr = mulPow10(r, nr, -k);
    nmp = mulPow10(mp, nmp, -k);
    if (lowerGapHalf) nmm = mulPow10(mm, nmm, -k);
  }
  // Make k the exponent of v's leading digit place: 10^(k−1) <= v < 10^k. (Scaling by the upper boundary instead,
  // as Burger and Dybvig do, can start with a zero digit and then miss a closer candidate of the same length below
  // a power of ten: bfloat16's 2^-133 ≈ 9.18e-41 would print as 1e-40 rather than 9e-41.)
  for (;;) {
    if (compare(r, nr, s, ns) >= 0) {
      ns = mulSmallAdd(s, ns, 10, 0);
      k++;
      continue;
    }
    const nr10 = mulSmallInto(sum, r, nr, 10);
    if (compare(sum, nr10, s, ns) < 0) {
      nr = mulSmallAdd(r, nr, 10, 0);
      nmp = mulSmallAdd(mp, nmp, 10, 0);
      if (lowerGapHalf) nmm = mulSmallAdd(mm, nmm, 10, 0);
      k--;
      continue;
    }
    break;
  }
  const limit = even ? 0 : 1;
  let count = 0;
  for (;;) {
    nr = mulSmallAdd(r, nr, 10, 0);
    nmp = mulSmallAdd(mp, nmp, 10, 0);
    if (lowerGapHalf) nmm = mulSmallAdd(mm, nmm, 10, 0);
    let d = 0;
    while (compare(r, nr, s, ns) >= 0) {
      nr = sub(r, nr, s, ns);
      d++;
    }
    // low: the digits so far are inside the interval; high: so is the same with the last digit one larger.
    const low = (lowerGapHalf ? compare(r, nr, mm, nmm) : compare(r, nr, mp, nmp)) < 1 - limit;
    const nsum = addInto(sum, r, nr, mp, nmp);
    const high = compare(sum, nsum, s, ns) >= limit;
    if (!low && !high) {
      digitBuffer[count++] = d;
      continue;
    }
    if (low && high) {
      // Both candidates read back: the nearer one to v, the even one on a tie.
      const twice = shiftLeftInto(sum, r, nr, 1);
      const c = compare(sum, twice, s, ns);
      if (c > 0 || (c === 0 && (d & 1) !== 0)) d++;
    } else if (high) {
      d++;
    }
    digitBuffer[count++] = d;
    break;
  }
  if (count === 1 && digitBuffer[0] === 10) {
    // Only a first digit can round up to ten (a later one would have ended generation a step earlier): 10^k itself.
    digitBuffer[0] = 1;
    k++;
  }
  digitsOf.count = count;
  digitsOf.point = k;
}

