/**
 * Small helpers for hand-written inline SVG charts: escaping, scales, tick choice, and a greedy label placer.
 */

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A number for an SVG attribute: at most two decimals, no exponent. */
export function n(x: number): string {
  if (!Number.isFinite(x)) return '0';
  const r = Math.round(x * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
}

export type Scale = (v: number) => number;

export function linear(d0: number, d1: number, r0: number, r1: number): Scale {
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}

/** About `count` round tick values covering [min, max] (steps of 1, 2 or 5 × 10^k). */
export function niceTicks(min: number, max: number, count: number): number[] {
  if (!(max > min)) return [min];
  const raw = (max - min) / Math.max(1, count);
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? 10 * p;
  const first = Math.ceil(min / step - 1e-9) * step;
  const ticks: number[] = [];
  for (let v = first; v <= max + step * 1e-9; v += step) ticks.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  return ticks;
}

/** The decimals needed to write the tick step exactly (0.25 needs 2, 0.2 needs 1, 50 needs 0). */
export function tickDecimals(ticks: readonly number[]): number {
  if (ticks.length < 2) return 0;
  const step = Math.abs(ticks[1]! - ticks[0]!);
  for (let d = 0; d < 8; d++) {
    const scaled = step * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-6 * Math.max(1, scaled)) return d;
  }
  return 8;
}

/** A tick label with `decimals` decimals and a true minus sign. */
export function tickLabel(v: number, decimals: number): string {
  const s = v.toFixed(decimals);
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s.replace('-', '−');
}

/** "10⁻³"-style label for a power of ten. */
export function powerOfTen(k: number): string {
  if (k === 0) return '1';
  if (k === 1) return '10';
  const sup: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };
  return `10${[...String(k)].map((c) => sup[c] ?? c).join('')}`;
}

/** Estimated width in pixels of `text` at `size` px in a sans-serif font (no layout engine here). */
export function textWidth(text: string, size: number): number {
  let w = 0;
  for (const c of text) w += /[il.,:;|!'1 ]/.test(c) ? 0.32 : /[mwMW]/.test(c) ? 0.85 : /[A-Z]/.test(c) ? 0.66 : 0.56;
  return w * size;
}

/** Width of `text` in a monospace font at `size` px (0.6 em per character, generous for common monospace fonts). */
export function monoWidth(text: string, size: number): number {
  return [...text].length * 0.62 * size;
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

export interface PlacedLabel {
  readonly x: number;
  readonly y: number;
  readonly anchor: 'start' | 'end' | 'middle';
  /** Whether a leader line from the point is needed (the label was pushed away). */
  readonly leader: boolean;
}

/**
 * Place a label of size w×h near the point (px, py): try right, left, above, below, then further out, avoiding the
 * boxes already taken and staying inside `bounds`. The chosen box is added to `taken`.
 */
export function placeLabel(px: number, py: number, w: number, h: number, taken: Box[], bounds: Box): PlacedLabel {
  const candidates: { dx: number; dy: number; anchor: 'start' | 'end' | 'middle'; leader: boolean }[] = [];
  for (const r of [0, 1, 2, 3, 4, 5, 6]) {
    const d = 8 + r * 12;
    const leader = r > 0;
    candidates.push(
      { dx: d, dy: 0, anchor: 'start', leader },
      { dx: -d, dy: 0, anchor: 'end', leader },
      { dx: d * 0.7, dy: -(h * 0.6 + r * 12), anchor: 'start', leader },
      { dx: d * 0.7, dy: h * 0.6 + r * 12, anchor: 'start', leader },
      { dx: -d * 0.7, dy: -(h * 0.6 + r * 12), anchor: 'end', leader },
      { dx: -d * 0.7, dy: h * 0.6 + r * 12, anchor: 'end', leader },
      { dx: 0, dy: -(h + r * 12), anchor: 'middle', leader },
      { dx: 0, dy: h + 4 + r * 12, anchor: 'middle', leader },
    );
  }
  const boxOf = (c: (typeof candidates)[number]): Box => {
    const x = c.anchor === 'start' ? px + c.dx : c.anchor === 'end' ? px + c.dx - w : px + c.dx - w / 2;
    return { x, y: py + c.dy - h / 2, w, h };
  };
  const inside = (b: Box): boolean => b.x >= bounds.x && b.y >= bounds.y && b.x + b.w <= bounds.x + bounds.w && b.y + b.h <= bounds.y + bounds.h;
  let chosen = candidates[0]!;
  let found = false;
  for (const c of candidates) {
    const b = boxOf(c);
    if (inside(b) && !taken.some((t) => overlaps(t, b))) {
      chosen = c;
      found = true;
      break;
    }
  }
  if (!found) chosen = candidates.find((c) => inside(boxOf(c))) ?? candidates[0]!;
  const box = boxOf(chosen);
  taken.push(box);
  return { x: px + chosen.dx, y: py + chosen.dy, anchor: chosen.anchor, leader: chosen.leader };
}
