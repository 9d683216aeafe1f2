/**
 * The floating-point environment, as SoftFloat keeps it in globals: rounding mode, tininess detection, sticky
 * exception flags and the NaN convention. One environment per JS realm; operations read it and raise flags in it.
 * The numeric values are SoftFloat 3e's, so flags and modes pass unchanged between fpuless and its C and Forth ports.
 */

export const round_near_even = 0;
export const round_minMag = 1;
export const round_min = 2;
export const round_max = 3;
export const round_near_maxMag = 4;
export const round_odd = 6;

export type RoundingMode = 0 | 1 | 2 | 3 | 4 | 6;

export const tininess_beforeRounding = 0;
export const tininess_afterRounding = 1;

export type Tininess = 0 | 1;

export const flag_inexact = 0x01;
export const flag_underflow = 0x02;
export const flag_overflow = 0x04;
export const flag_infinite = 0x08;
export const flag_invalid = 0x10;

/** How NaN results are formed (see spec/nan.md). */
export const nan_8086_SSE = 0;
/** Every NaN result is the format's canonical default NaN, as RISC-V and ARM's default-NaN mode produce. */
export const nan_default = 1;

export type NaNMode = 0 | 1;

/** The live environment. Hot code reads these fields directly; everything else uses the functions below. */
export const env = {
  roundingMode: round_near_even as RoundingMode,
  tininess: tininess_afterRounding as Tininess,
  flags: 0,
  nanMode: nan_8086_SSE as NaNMode,
};

const ROUNDING_MODES: readonly number[] = [
  round_near_even,
  round_minMag,
  round_min,
  round_max,
  round_near_maxMag,
  round_odd,
];

export function isRoundingMode(mode: unknown): mode is RoundingMode {
  return typeof mode === 'number' && ROUNDING_MODES.includes(mode);
}

export function getRoundingMode(): RoundingMode {
  return env.roundingMode;
}

export function setRoundingMode(mode: RoundingMode): void {
  if (!isRoundingMode(mode)) throw new RangeError(`setRoundingMode: ${String(mode)} is not a rounding mode (0-4 or 6)`);
  env.roundingMode = mode;
}

export function getTininess(): Tininess {
  return env.tininess;
}

export function setTininess(detect: Tininess): void {
  if (detect !== tininess_beforeRounding && detect !== tininess_afterRounding) {
    throw new RangeError(`setTininess: ${String(detect)} is not 0 (before rounding) or 1 (after rounding)`);
  }
  env.tininess = detect;
}

export function getFlags(): number {
  return env.flags;
}

/** Replace the sticky flags (e.g. to restore a saved state). */
export function setFlags(flags: number): void {
  if (!Number.isInteger(flags) || flags < 0 || flags > 0x1f) {
    throw new RangeError(`setFlags: ${String(flags)} is not a set of flag bits (0-0x1F)`);
  }
  env.flags = flags;
}

export function clearFlags(): void {
  env.flags = 0;
}

/** Raise flags; they stay raised until cleared. */
export function raiseFlags(flags: number): void {
  env.flags |= flags;
}

export function getNaNMode(): NaNMode {
  return env.nanMode;
}

export function setNaNMode(mode: NaNMode): void {
  if (mode !== nan_8086_SSE && mode !== nan_default) {
    throw new RangeError(`setNaNMode: ${String(mode)} is not 0 (8086-SSE) or 1 (default NaN)`);
  }
  env.nanMode = mode;
}
