/**
 * Number formatting shared by the text tables and report.html, and the plain-text table layout.
 */

/** "97.85%" (two decimals); "—" for null. */
export function percent(x: number | null, digits = 2): string {
  return x === null ? '—' : `${(100 * x).toFixed(digits)}%`;
}

/** A magnitude in 4 significant digits, switching to exponent form outside [1e-3, 1e5); "0" for zero. */
export function magnitude(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1e-3 && a < 1e5) return Number(x.toPrecision(4)).toString();
  return x.toExponential(2);
}

/** A plain number with `digits` decimals, or "∞". */
export function fixed(x: number, digits: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  return x.toFixed(digits);
}

/** SQNR in dB with one decimal; "exact" for +∞ (identical), "−∞" when the engine produced a non-finite value. */
export function decibels(x: number | undefined): string {
  if (x === undefined) return '—';
  if (x === Infinity) return 'exact';
  return fixed(x, 1);
}

/** Bytes in B, KiB or MiB. */
export function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / (1024 * 1024)).toFixed(2)} MiB`;
}

/** Inferences per second, 3 significant digits, with a thousands separator. */
export function rate(x: number): string {
  if (!Number.isFinite(x)) return '∞';
  const r = x >= 100 ? Math.round(x) : Number(x.toPrecision(3));
  return r.toLocaleString('en-US');
}

/** "×0.52" relative time. */
export function times(x: number): string {
  if (!Number.isFinite(x)) return '—';
  return `${x >= 10 ? x.toFixed(1) : x >= 0.995 ? x.toFixed(2) : x.toPrecision(2)}×`;
}

export type Align = 'left' | 'right';

/** Display width of a string (code points; every character here is one column wide). */
function width(s: string): number {
  return [...s].length;
}

function pad(s: string, w: number, align: Align): string {
  const fill = ' '.repeat(Math.max(0, w - width(s)));
  return align === 'left' ? s + fill : fill + s;
}

/**
 * A text table: a header row, a rule of "─" under it, then the rows; columns separated by two spaces, each padded to
 * its widest cell (left- or right-aligned as `align` says; default: first column left, the rest right). No trailing
 * spaces.
 */
export function textTable(headers: readonly string[], rows: readonly (readonly string[])[], align?: readonly Align[]): string {
  const cols = headers.length;
  const al = (c: number): Align => align?.[c] ?? (c === 0 ? 'left' : 'right');
  const widths = headers.map((h, c) => Math.max(width(h), ...rows.map((r) => width(r[c] ?? ''))));
  const line = (cells: readonly string[]): string =>
    Array.from({ length: cols }, (_, c) => pad(cells[c] ?? '', widths[c]!, al(c)))
      .join('  ')
      .replace(/\s+$/, '');
  return [line(headers), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
