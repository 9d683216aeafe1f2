/**
 * report.html: one self-contained page (inline CSS and SVG; no scripts, no fonts or anything else from the network)
 * rendered from a CompareReport alone. Sections: summary cards, the engine table, accuracy vs throughput, the |Δlogit|
 * histograms, per-layer SQNR bars, and per-layer weight statistics with weight histograms on the int8 grid.
 */
import { bytes, decibels, fixed, magnitude, percent, rate, times } from './format.js';
import type { CompareReport, EngineReport, LayerReport } from './report.js';
import { clippedShare } from './tables.js';
import { type Box, esc, linear, monoWidth, n, niceTicks, placeLabel, powerOfTen, textWidth, tickDecimals, tickLabel } from './svg.js';
import { TIMING_CHUNK, TIMING_ROUNDS } from './run.js';
import { CENTRAL_LEVEL, INT8_MAX, OUTLIER_SIGMAS } from './stats.js';

// ---------------------------------------------------------------------------------------------------------------
// Colours: hue by storage (f64 grey, binary32 blue, binary16 green, bfloat16 purple, quantized warm), shade by
// accumulation or preset.

const SOFT_SHADES: Record<string, readonly string[]> = {
  f32: ['#1e3a8a', '#2563eb', '#60a5fa'],
  f16: ['#065f46', '#059669', '#34d399'],
  bf16: ['#6b21a8', '#9333ea', '#c084fc'],
};
const ACCUMULATION_ORDER = ['sequential', 'f32acc', 'exact'];
const QUANT_COLOURS = ['#c2410c', '#dc2626', '#d97706', '#be185d', '#92400e', '#e11d48', '#ca8a04', '#9f1239'];

export function engineColour(engine: Pick<EngineReport, 'name' | 'family'>, quantIndex = 0): string {
  if (engine.family === 'f64') return '#374151';
  if (engine.family === 'soft') {
    const [, format = 'f32', accumulation = 'sequential'] = engine.name.split('-');
    const shades = SOFT_SHADES[format] ?? SOFT_SHADES.f32!;
    return shades[Math.max(0, ACCUMULATION_ORDER.indexOf(accumulation))] ?? shades[0]!;
  }
  return QUANT_COLOURS[quantIndex % QUANT_COLOURS.length]!;
}

function colours(report: CompareReport): Map<string, string> {
  const map = new Map<string, string>();
  let q = 0;
  for (const e of report.engines) map.set(e.name, engineColour(e, e.family === 'quant' ? q++ : 0));
  return map;
}

// ---------------------------------------------------------------------------------------------------------------
// Shared SVG pieces

const FONT = 12;
const AXIS = '#6b7280';
const GRID = '#e5e7eb';
const INK = '#111827';

function text(x: number, y: number, s: string, attrs = ''): string {
  return `<text x="${n(x)}" y="${n(y)}"${attrs ? ` ${attrs}` : ''}>${esc(s)}</text>`;
}

function line(x1: number, y1: number, x2: number, y2: number, stroke: string, extra = ''): string {
  return `<line x1="${n(x1)}" y1="${n(y1)}" x2="${n(x2)}" y2="${n(y2)}" stroke="${stroke}"${extra ? ` ${extra}` : ''}/>`;
}

function rect(x: number, y: number, w: number, h: number, fill: string, extra = ''): string {
  return `<rect x="${n(x)}" y="${n(y)}" width="${n(Math.max(0, w))}" height="${n(Math.max(0, h))}" fill="${fill}"${extra ? ` ${extra}` : ''}/>`;
}

function svg(width: number, height: number, label: string, body: string[]): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
    `role="img" aria-label="${esc(label)}" font-size="${FONT}">${body.join('')}</svg>`
  );
}

/** Axis title centred under (x) or beside (y, rotated) the plot. */
function axisTitle(x: number, y: number, s: string, rotate = false): string {
  return rotate
    ? text(x, y, s, `transform="rotate(-90 ${n(x)} ${n(y)})" text-anchor="middle" class="axis-title"`)
    : text(x, y, s, 'text-anchor="middle" class="axis-title"');
}

// ---------------------------------------------------------------------------------------------------------------
// Accuracy (or agreement) vs throughput

function scatterChart(report: CompareReport, colour: Map<string, string>): string {
  const W = 1160;
  const H = 430;
  const m = { l: 70, r: 24, t: 20, b: 56 };
  const useAccuracy = report.engines.every((e) => e.accuracy !== null);
  const yOf = (e: EngineReport): number => 100 * (useAccuracy ? e.accuracy! : e.agreement);
  const rates = report.engines.map((e) => e.inferencesPerSecond).filter((r) => Number.isFinite(r) && r > 0);
  let xlo = Math.floor(Math.log10(Math.min(...rates)) - 0.15);
  let xhi = Math.ceil(Math.log10(Math.max(...rates)) + 0.15);
  if (!Number.isFinite(xlo) || !Number.isFinite(xhi)) [xlo, xhi] = [0, 1];
  const ys = report.engines.map(yOf);
  let ylo = Math.min(...ys);
  let yhi = Math.max(...ys);
  const span = Math.max(yhi - ylo, 0.5);
  ylo = Math.max(0, ylo - span * 0.12);
  yhi = Math.min(100, yhi + span * 0.12);
  if (yhi - ylo < 0.5) [ylo, yhi] = [Math.max(0, yhi - 1), Math.min(100, ylo + 1)];
  const x = linear(xlo, xhi, m.l, W - m.r);
  const y = linear(ylo, yhi, H - m.b, m.t);
  const out: string[] = [];
  // Grid and axes.
  const yt = niceTicks(ylo, yhi, 6);
  const yd = tickDecimals(yt);
  for (const v of yt) {
    out.push(line(m.l, y(v), W - m.r, y(v), GRID));
    out.push(text(m.l - 8, y(v) + 4, `${tickLabel(v, yd)}%`, 'text-anchor="end" class="tick"'));
  }
  for (let k = xlo; k <= xhi; k++) {
    out.push(line(x(k), m.t, x(k), H - m.b, GRID));
    out.push(text(x(k), H - m.b + 18, powerOfTen(k), 'text-anchor="middle" class="tick"'));
    if (k < xhi) {
      for (const f of [2, 5]) {
        const xv = x(k + Math.log10(f));
        out.push(line(xv, H - m.b, xv, H - m.b + 4, AXIS));
        out.push(text(xv, H - m.b + 16, `${f}`, 'text-anchor="middle" class="tick minor"'));
      }
    }
  }
  out.push(line(m.l, H - m.b, W - m.r, H - m.b, AXIS), line(m.l, m.t, m.l, H - m.b, AXIS));
  out.push(axisTitle((m.l + W - m.r) / 2, H - 14, 'throughput (inferences per second, log scale) →'));
  out.push(axisTitle(18, (m.t + H - m.b) / 2, useAccuracy ? 'accuracy (top-1, %)' : 'top-1 agreement with f64 (%)', true));
  // Points first (their boxes are taken), then labels.
  const taken: Box[] = [];
  const pts = report.engines.map((e) => {
    const px = x(Math.log10(Math.max(e.inferencesPerSecond, 10 ** xlo)));
    const py = y(yOf(e));
    taken.push({ x: px - 6, y: py - 6, w: 12, h: 12 });
    return { e, px, py };
  });
  const bounds: Box = { x: m.l + 2, y: m.t, w: W - m.r - m.l - 2, h: H - m.b - m.t };
  const labels: string[] = [];
  const marks: string[] = [];
  // Label the crowded points first: they have the fewest free spots.
  const order = [...pts].sort((a, b) => a.px - b.px);
  for (const p of order) {
    // Labels are semi-bold: allow a little more than the regular-weight estimate.
    const w = textWidth(p.e.name, FONT) * 1.12 + 6;
    const at = placeLabel(p.px, p.py, w, FONT + 2, taken, bounds);
    const c = colour.get(p.e.name)!;
    if (at.leader) {
      const lx = at.anchor === 'start' ? at.x : at.anchor === 'end' ? at.x : at.x;
      marks.push(line(p.px, p.py, lx, at.y, '#9ca3af', 'stroke-width="0.8"'));
    }
    labels.push(text(at.x, at.y + 4, p.e.name, `text-anchor="${at.anchor}" fill="${c}" class="point-label"`));
  }
  for (const p of pts) {
    const c = colour.get(p.e.name)!;
    marks.push(
      `<circle cx="${n(p.px)}" cy="${n(p.py)}" r="5.5" fill="${c}" stroke="#fff" stroke-width="1.5"><title>${esc(
        `${p.e.name}: ${percent(useAccuracy ? p.e.accuracy : p.e.agreement)}, ${rate(p.e.inferencesPerSecond)} inferences/s`,
      )}</title></circle>`,
    );
  }
  return svg(W, H, 'accuracy versus throughput, one point per engine', [...out, ...marks, ...labels]);
}

// ---------------------------------------------------------------------------------------------------------------
// |Δlogit| histograms, one small panel per engine

function deltaPanel(report: CompareReport, e: EngineReport, c: string, yDecades: number): string {
  const W = 278;
  const H = 190;
  const m = { l: 44, r: 10, t: 38, b: 38 };
  const { lo, hi, perDecade } = report.deltaBins;
  const bins = e.deltaHistogram.counts.length;
  const zeroW = 18;
  const gap = 16;
  const x0 = m.l + zeroW + gap;
  const x = linear(lo, hi, x0, W - m.r);
  const yv = (count: number): number => (count <= 0 ? 0 : Math.log10(count) + 0.3);
  const y = linear(0, yDecades + 0.3, H - m.b, m.t);
  const out: string[] = [];
  for (let k = 0; k <= yDecades; k++) {
    out.push(line(m.l, y(k + 0.3), W - m.r, y(k + 0.3), GRID));
    out.push(text(m.l - 5, y(k + 0.3) + 4, powerOfTen(k), 'text-anchor="end" class="tick"'));
  }
  // Exact matches get their own bar left of the log axis (log 0 does not exist).
  const z = e.deltaHistogram.zero;
  if (z > 0) out.push(rect(m.l + 2, y(yv(z)), zeroW - 4, H - m.b - y(yv(z)), '#9ca3af'));
  out.push(text(m.l + zeroW / 2, H - m.b + 14, '0', 'text-anchor="middle" class="tick"'));
  for (let k = 0; k < bins; k++) {
    const count = e.deltaHistogram.counts[k]!;
    if (count === 0) continue;
    const a = x(lo + k / perDecade);
    const b = x(lo + (k + 1) / perDecade);
    const top = y(yv(count));
    out.push(rect(a + 0.5, top, b - a - 1, H - m.b - top, c));
  }
  const step = Math.max(1, Math.ceil((hi - lo) / 6));
  for (let k = lo; k <= hi; k++) {
    out.push(line(x(k), H - m.b, x(k), H - m.b + 3, AXIS));
    if ((k - lo) % step === 0) out.push(text(x(k), H - m.b + 14, powerOfTen(k), 'text-anchor="middle" class="tick"'));
  }
  out.push(line(m.l, H - m.b, W - m.r, H - m.b, AXIS), line(x0 - gap / 2, H - m.b, x0 - gap / 2, H - m.b + 6, AXIS));
  out.push(text(8, 16, e.name, `fill="${c}" class="panel-title"`));
  const stat =
    `max ${magnitude(e.maxAbsDelta)} · mean ${magnitude(e.meanAbsDelta)}` +
    (e.nonFiniteOutputs > 0 ? ` · ${e.nonFiniteOutputs} non-finite` : '');
  out.push(text(8, 30, stat, 'class="tick"'));
  out.push(axisTitle((x0 + W - m.r) / 2, H - 6, '|Δlogit| (log)'));
  return svg(W, H, `histogram of |Δlogit| for ${e.name}`, out);
}

function deltaPanels(report: CompareReport, colour: Map<string, string>): string {
  const engines = report.engines.filter((e) => e.family !== 'f64');
  if (engines.length === 0) return '<p class="note">Only the reference engine ran.</p>';
  let max = 1;
  for (const e of engines) for (const c of [e.deltaHistogram.zero, ...e.deltaHistogram.counts]) max = Math.max(max, c);
  const decades = Math.max(1, Math.ceil(Math.log10(max)));
  return `<div class="panels">${engines.map((e) => deltaPanel(report, e, colour.get(e.name)!, decades)).join('')}</div>`;
}

// ---------------------------------------------------------------------------------------------------------------
// Per-layer SQNR: rows of engines, one column per layer; dark bar = layer output vs f64, light bar = stored weights

function sqnrChart(report: CompareReport, colour: Map<string, string>): string {
  const engines = report.engines.filter((e) => e.family !== 'f64');
  const layers = report.layers;
  if (engines.length === 0 || layers.length === 0) return '<p class="note">Nothing to compare.</p>';
  const finite: number[] = [];
  for (const e of engines) {
    for (const l of layers) {
      for (const v of [e.outputSqnrDb[l.name], e.weightSqnrDb[l.name]]) if (v !== undefined && Number.isFinite(v)) finite.push(v);
    }
  }
  const top = niceTicks(0, Math.max(10, ...finite) * 1.08, 5);
  const dbMax = top[top.length - 1]!;
  const perRow = Math.min(3, layers.length);
  const labelW = Math.max(...engines.map((e) => monoWidth(e.name, FONT))) + 20;
  const W = 1160;
  const panelW = (W - labelW - 8) / perRow;
  const rowH = 22;
  const head = 44;
  const foot = 40;
  const blockH = head + engines.length * rowH + foot;
  const blocks = Math.ceil(layers.length / perRow);
  const H = blocks * blockH + 8;
  const out: string[] = [];
  for (let b = 0; b < blocks; b++) {
    const y0 = b * blockH;
    engines.forEach((e, r) => {
      const cy = y0 + head + r * rowH + rowH / 2;
      if (r % 2 === 0) out.push(rect(0, cy - rowH / 2, W, rowH, '#f9fafb'));
      out.push(text(labelW - 10, cy + 4, e.name, `text-anchor="end" fill="${colour.get(e.name)!}" class="row-label"`));
    });
    for (let j = 0; j < perRow; j++) {
      const layer = layers[b * perRow + j];
      if (layer === undefined) continue;
      const px0 = labelW + j * panelW + 10;
      const px1 = labelW + (j + 1) * panelW - 46;
      const x = linear(0, dbMax, px0, px1);
      const yTop = y0 + head;
      const yBot = y0 + head + engines.length * rowH;
      out.push(text(px0, y0 + 18, `${layer.name}`, 'class="panel-title"'));
      out.push(text(px0 + textWidth(layer.name, 13) + 8, y0 + 18, `${layer.op} ${layer.weightShape.join('×')}`, 'class="tick"'));
      for (const v of top) {
        out.push(line(x(v), yTop, x(v), yBot, GRID));
        out.push(text(x(v), yBot + 14, String(v), 'text-anchor="middle" class="tick"'));
      }
      out.push(line(px0, yTop, px0, yBot, AXIS));
      out.push(axisTitle((px0 + px1) / 2, yBot + 30, 'SQNR vs f64 (dB) — higher is better'));
      engines.forEach((e, r) => {
        const cy = yTop + r * rowH;
        const c = colour.get(e.name)!;
        const bar = (v: number | undefined, yy: number, h: number, fill: string, opacity: string, what: string): void => {
          if (v === undefined) return;
          const exact = v === Infinity;
          const clipped = exact ? dbMax : Math.max(0, Math.min(v, dbMax));
          const w = x(clipped) - px0;
          const tip = `<title>${esc(`${e.name}, ${layer.name}: ${what} SQNR ${decibels(v)}${exact ? ' (identical)' : ' dB'}`)}</title>`;
          out.push(
            `<rect x="${n(px0)}" y="${n(yy)}" width="${n(Math.max(w, v > 0 || exact ? 1 : 0))}" height="${n(h)}" fill="${exact ? 'url(#exact)' : fill}" fill-opacity="${exact ? '1' : opacity}">${tip}</rect>`,
          );
        };
        const out_ = e.outputSqnrDb[layer.name];
        const w_ = e.weightSqnrDb[layer.name];
        bar(w_, cy + 3, 5, c, '0.35', 'weight');
        bar(out_, cy + 9, 10, c, '1', 'output');
        const shown = out_ === undefined ? '' : decibels(out_);
        const endX = out_ === undefined ? px0 : x(out_ === Infinity ? dbMax : Math.max(0, Math.min(out_, dbMax)));
        out.push(text(endX + 4, cy + 18, shown, 'class="value"'));
      });
    }
  }
  const defs =
    '<defs><pattern id="exact" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">' +
    '<rect width="6" height="6" fill="#d1d5db"/><line x1="0" y1="0" x2="0" y2="6" stroke="#6b7280" stroke-width="2"/></pattern></defs>';
  return svg(W, H, 'per-layer SQNR of every engine versus f64', [defs, ...out]);
}

// ---------------------------------------------------------------------------------------------------------------
// Weight histogram of one layer on its int8 grid

function weightHistogram(layer: LayerReport): string {
  const W = 1160;
  const H = 250;
  const m = { l: 64, r: 20, t: 34, b: 78 };
  const s = layer.int8Scale;
  const out: string[] = [];
  const half = (INT8_MAX + 0.5) * (s > 0 ? s : 1);
  const x = linear(-half, half, m.l, W - m.r);
  const maxCount = Math.max(1, ...layer.int8Histogram);
  const yt = niceTicks(0, maxCount, 4);
  const yMax = Math.max(maxCount, yt[yt.length - 1]!);
  const y = linear(0, yMax, H - m.b, m.t);
  const sigma = OUTLIER_SIGMAS * layer.std;
  for (const v of yt) {
    out.push(line(m.l, y(v), W - m.r, y(v), GRID));
    out.push(text(m.l - 8, y(v) + 4, v.toLocaleString('en-US'), 'text-anchor="end" class="tick"'));
  }
  // Central band.
  if (s > 0) out.push(rect(x(-(CENTRAL_LEVEL + 0.5) * s), m.t, x((CENTRAL_LEVEL + 0.5) * s) - x(-(CENTRAL_LEVEL + 0.5) * s), H - m.b - m.t, '#dbeafe'));
  for (let i = 0; i < layer.int8Histogram.length; i++) {
    const c = layer.int8Histogram[i]!;
    if (c === 0) continue;
    const q = i - INT8_MAX;
    const centre = q * s;
    const fill = Math.abs(q) <= CENTRAL_LEVEL ? '#1d4ed8' : sigma > 0 && Math.abs(centre) > sigma ? '#dc2626' : '#60a5fa';
    const a = x(centre - 0.5 * s);
    const b = x(centre + 0.5 * s);
    out.push(rect(a + 0.3, y(c), Math.max(0.8, b - a - 0.6), H - m.b - y(c), fill));
  }
  out.push(line(m.l, H - m.b, W - m.r, H - m.b, AXIS), line(m.l, m.t, m.l, H - m.b, AXIS));
  // ±4σ.
  if (sigma > 0 && sigma < half) {
    for (const sign of [-1, 1]) {
      const xv = x(sign * sigma);
      out.push(line(xv, m.t, xv, H - m.b, '#dc2626', 'stroke-dasharray="4 3" stroke-width="1"'));
      const label = `${sign < 0 ? '−' : '+'}${OUTLIER_SIGMAS}σ`;
      out.push(text(xv - sign * 5, m.t + 12, label, `text-anchor="${sign < 0 ? 'start' : 'end'}" fill="#dc2626" class="tick"`));
    }
  }
  // The int8 grid: one tick per level under the axis.
  const combY = H - m.b + 6;
  if (s > 0) {
    const ticks: string[] = [];
    for (let q = -INT8_MAX; q <= INT8_MAX; q++) {
      const xv = x(q * s);
      const major = q % 16 === 0;
      ticks.push(`M${n(xv)} ${n(combY)}v${major ? 9 : 5}`);
    }
    out.push(`<path d="${ticks.join('')}" stroke="#9ca3af" stroke-width="0.8"/>`);
    const central: string[] = [];
    for (let q = -CENTRAL_LEVEL; q <= CENTRAL_LEVEL; q++) central.push(`M${n(x(q * s))} ${n(combY)}v9`);
    out.push(`<path d="${central.join('')}" stroke="#1d4ed8" stroke-width="1.4"/>`);
  }
  out.push(text(m.l - 8, combY + 8, 'int8', 'text-anchor="end" class="tick"'));
  // Outliers: one red tick per value, under the grid.
  const rugY = combY + 14;
  if (layer.outlierValues.length > 0) {
    out.push(`<path d="${layer.outlierValues.map((v) => `M${n(x(v))} ${n(rugY)}v9`).join('')}" stroke="#dc2626" stroke-width="1.4"/>`);
    out.push(text(m.l - 8, rugY + 8, '>4σ', 'text-anchor="end" fill="#dc2626" class="tick"'));
  }
  // Value axis.
  const xt = niceTicks(-half, half, 10);
  const xd = Math.max(tickDecimals(xt), 0);
  for (const v of xt) out.push(text(x(v), rugY + 24, tickLabel(v, xd), 'text-anchor="middle" class="tick"'));
  out.push(axisTitle((m.l + W - m.r) / 2, H - 8, 'weight value (one bar per int8 level q, step max|w|/127)'));
  out.push(axisTitle(16, (m.t + H - m.b) / 2, 'weights', true));
  // Title and summary.
  out.push(text(m.l, 18, layer.name, 'class="panel-title"'));
  out.push(text(m.l + textWidth(layer.name, 13) + 10, 18, `${layer.op} ${layer.weightShape.join('×')} · ${layer.count.toLocaleString('en-US')} weights`, 'class="tick"'));
  const summary = `step ${magnitude(s)} · |q|≤${CENTRAL_LEVEL}: ${percent(layer.centralFraction, 1)} of weights · ${layer.int8LevelsUsed}/255 levels used · ${layer.outliers} beyond ±${OUTLIER_SIGMAS}σ`;
  out.push(text(W - m.r, 18, summary, 'text-anchor="end" class="summary"'));
  return svg(W, H, `weight histogram of ${layer.name} on the int8 grid`, out);
}

// ---------------------------------------------------------------------------------------------------------------
// Tables

function swatch(c: string): string {
  return `<span class="swatch" style="background:${c}"></span>`;
}

function engineRows(report: CompareReport, colour: Map<string, string>): string {
  const ref = report.engines.find((e) => e.name === 'f64');
  return report.engines
    .map((e) => {
      const worse = ref?.accuracy != null && e.accuracy !== null && ref.accuracy - e.accuracy > 0.005;
      const disagree = e.agreement < 0.99;
      const clipsOften = e.clippedSamples !== null && e.clippedSamples >= 0.01 * report.data.samples;
      return (
        `<tr${e.name === report.timingReference ? ' class="ref"' : ''}>` +
        `<td class="name">${swatch(colour.get(e.name)!)}${esc(e.name)}</td>` +
        `<td class="desc">${esc(e.description)}</td>` +
        `<td${worse ? ' class="warn"' : ''}>${percent(e.accuracy)}</td>` +
        `<td${disagree ? ' class="warn"' : ''}>${percent(e.agreement)}</td>` +
        `<td>${magnitude(e.maxAbsDelta)}</td><td>${magnitude(e.meanAbsDelta)}</td>` +
        `<td${clipsOften ? ' class="warn"' : ''}>${clippedShare(report, e)}</td>` +
        `<td>${bytes(e.weightBytes)}</td><td>${rate(e.inferencesPerSecond)}</td><td>${times(e.relativeTime)}</td></tr>`
      );
    })
    .join('');
}

function layerRows(report: CompareReport): string {
  return report.layers
    .map(
      (l) =>
        `<tr><td class="name">${esc(l.name)}</td><td class="desc">${esc(l.op)}</td><td>${esc(l.weightShape.join('×'))}</td>` +
        `<td>${magnitude(l.maxAbs)}</td><td>${magnitude(l.std)}</td><td>${fixed(l.maxOverStd, 1)}</td><td>${fixed(l.skew, 2)}</td>` +
        `<td>${fixed(l.excessKurtosis, 2)}</td><td>${l.outliers}</td><td>${percent(l.centralFraction, 1)}</td><td>${l.int8LevelsUsed}/255</td></tr>`,
    )
    .join('');
}

function sqnrRows(report: CompareReport, colour: Map<string, string>): string {
  return report.engines
    .filter((e) => e.family !== 'f64')
    .map(
      (e) =>
        `<tr><td class="name">${swatch(colour.get(e.name)!)}${esc(e.name)}</td>` +
        report.layers.map((l) => `<td>${decibels(e.weightSqnrDb[l.name])}</td><td>${decibels(e.outputSqnrDb[l.name])}</td>`).join('') +
        '</tr>',
    )
    .join('');
}

function clippedRows(report: CompareReport, colour: Map<string, string>): string {
  return report.engines
    .filter((e) => e.clippedSamples !== null)
    .map(
      (e) =>
        `<tr><td class="name">${swatch(colour.get(e.name)!)}${esc(e.name)}</td><td>${clippedShare(report, e)}</td>` +
        `<td>${percent(e.clippedInput, 3)}</td>` +
        report.layers.map((l) => `<td>${percent(e.clippedFraction[l.name] ?? null, 3)}</td>`).join('') +
        '</tr>',
    )
    .join('');
}

// ---------------------------------------------------------------------------------------------------------------
// Summary cards

function cards(report: CompareReport): string {
  const ref = report.engines.find((e) => e.name === 'f64')!;
  const others = report.engines.filter((e) => e.family !== 'f64');
  const card = (title: string, value: string, detail: string): string =>
    `<div class="card"><div class="card-title">${esc(title)}</div><div class="card-value">${esc(value)}</div><div class="card-detail">${esc(detail)}</div></div>`;
  const out = [card('f64 reference', ref.accuracy === null ? 'no labels' : percent(ref.accuracy), `${rate(ref.inferencesPerSecond)} inferences/s · ${bytes(ref.weightBytes)} weights`)];
  if (others.length > 0) {
    const score = (e: EngineReport): number => (e.accuracy ?? e.agreement) + e.agreement * 1e-6;
    const best = others.reduce((a, b) => (score(b) > score(a) ? b : a));
    const fastest = others.reduce((a, b) => (b.inferencesPerSecond > a.inferencesPerSecond ? b : a));
    const smallest = others.reduce((a, b) => (b.weightBytes < a.weightBytes ? b : a));
    out.push(
      card('most accurate without an FPU', best.name, `${best.accuracy === null ? '' : `${percent(best.accuracy)} · `}${percent(best.agreement)} agree with f64`),
      card('fastest', fastest.name, `${rate(fastest.inferencesPerSecond)} inferences/s · ${percent(fastest.accuracy ?? fastest.agreement)}`),
      card('smallest weights', smallest.name, `${bytes(smallest.weightBytes)} (${(ref.weightBytes / Math.max(1, smallest.weightBytes)).toFixed(1)}× smaller than f64)`),
    );
  }
  return `<div class="cards">${out.join('')}</div>`;
}

// ---------------------------------------------------------------------------------------------------------------

const CSS = `
:root{color-scheme:light}
*{box-sizing:border-box}
body{margin:0;background:#f3f4f6;color:${INK};font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{max-width:1220px;margin:0 auto;padding:28px 30px 40px}
header h1{margin:0 0 4px;font-size:26px;font-weight:650;letter-spacing:-.01em}
header h1 span{color:#2563eb}
.meta{margin:0;color:#4b5563}
section{background:#fff;border:1px solid #e5e7eb;border-radius:10px;padding:18px 20px 20px;margin:18px 0;box-shadow:0 1px 2px rgba(0,0,0,.04)}
h2{margin:0 0 4px;font-size:18px;font-weight:620}
.note{margin:0 0 12px;color:#4b5563;font-size:13px}
table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums;font-size:13px}
th[colspan]{text-align:center}
th{font-weight:600;color:#374151;text-align:right;border-bottom:2px solid #d1d5db;padding:6px 7px;white-space:nowrap;vertical-align:bottom;line-height:1.25}
td{text-align:right;padding:5px 7px;border-bottom:1px solid #f0f1f3;white-space:nowrap}
th:first-child,td.name,td.desc,th.left{text-align:left}
td.name{font-weight:560;font-family:ui-monospace,"SF Mono",Menlo,Consolas,monospace;font-size:12.5px}
td.desc{color:#6b7280;white-space:normal;font-size:12px;line-height:1.35;min-width:240px}
tr.ref td{background:#fffbeb}
td.warn{color:#b45309;font-weight:600}
tbody tr:hover td{background:#f9fafb}
.swatch{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:7px;vertical-align:0}
.cards{display:grid;grid-template-columns:repeat(4,1fr);gap:12px;margin-top:18px}
.card{background:#fff;border:1px solid #e5e7eb;border-radius:10px;padding:12px 14px}
.card-title{color:#6b7280;font-size:12px;text-transform:uppercase;letter-spacing:.04em}
.card-value{font-size:17px;font-weight:650;margin:2px 0;font-family:ui-monospace,"SF Mono",Menlo,Consolas,monospace;overflow-wrap:anywhere}
.card-detail{color:#4b5563;font-size:12.5px}
.panels{display:grid;grid-template-columns:repeat(4,minmax(0,1fr));gap:10px 12px}
.panels svg{width:100%;border:1px solid #f0f1f3;border-radius:6px}
svg{display:block;max-width:100%;height:auto;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
svg .tick{fill:#4b5563;font-size:11px}
svg .tick.minor{fill:#9ca3af;font-size:10px}
svg .axis-title{fill:#374151;font-size:12px}
svg .panel-title{font-weight:650;font-size:13px;fill:${INK}}
svg .point-label{font-size:12px;font-weight:560}
svg .row-label{font-size:12px;font-weight:560;font-family:ui-monospace,"SF Mono",Menlo,Consolas,monospace}
svg .value{font-size:10.5px;fill:#374151}
svg .summary{font-size:12px;fill:#374151}
.legend{display:flex;flex-wrap:wrap;gap:6px 18px;margin:4px 0 10px;font-size:12.5px;color:#374151}
.legend span.key{display:inline-block;width:14px;height:10px;border-radius:2px;margin-right:6px;vertical-align:-1px}
.hist{margin-top:14px}
dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 14px;margin:8px 0 0;font-size:13px;color:#374151}
dt{font-weight:600}
dd{margin:0}
footer{color:#6b7280;font-size:12px;text-align:center;margin-top:8px}
`;

function legend(items: readonly (readonly [string, string])[]): string {
  return `<div class="legend">${items.map(([c, label]) => `<span><span class="key" style="background:${c}"></span>${esc(label)}</span>`).join('')}</div>`;
}

/** The whole page. */
export function reportHtml(report: CompareReport): string {
  const colour = colours(report);
  const { model, data, calibration } = report;
  const title = `fpuless compare — ${model.name}`;
  const layerHeads = report.layers.map((l) => `<th colspan="2">${esc(l.name)}</th>`).join('');
  const layerSub = report.layers.map(() => '<th>weights</th><th>output</th>').join('');
  const useAccuracy = report.engines.every((e) => e.accuracy !== null);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<header>
<h1>fpuless compare: <span>${esc(model.name)}</span></h1>
<p class="meta">${esc(model.path)} · input ${esc(model.inputShape.join('×'))} → output ${esc(model.outputShape.join('×'))} · ${model.parameters.toLocaleString('en-US')} parameters</p>
<p class="meta">${esc(data.description)} · layer traces on the first ${data.traceSamples} · quantized engines calibrated on the ${esc(calibration.source)} · fpuless ${esc(report.fpulessVersion)} · ${esc(report.generated)}</p>
</header>
${cards(report)}
<section id="engines">
<h2>Engines</h2>
<p class="note">Every way of running the network without an FPU, against the float64 reference. Δlogit is the difference from f64's output, over every output of every sample. Time is relative to ${esc(report.timingReference)} (highlighted).</p>
<table>
<thead><tr><th>engine</th><th class="left">what it does</th><th>accuracy</th><th>agrees<br>with f64</th><th>max<br>|Δlogit|</th><th>mean<br>|Δlogit|</th><th>clipped</th><th>weights</th><th>inferences<br>per second</th><th>time ×</th></tr></thead>
<tbody>${engineRows(report, colour)}</tbody>
</table>
</section>
<section id="scatter">
<h2>${useAccuracy ? 'Accuracy' : 'Agreement with f64'} vs throughput</h2>
<p class="note">One point per engine; up and to the right is better. Colour: grey f64, blue binary32, green binary16, purple bfloat16 (darkest = sequential, lightest = exact accumulation), warm colours the quantized presets.</p>
${scatterChart(report, colour)}
</section>
<section id="delta">
<h2>|Δlogit| vs f64</h2>
<p class="note">How far each engine's outputs are from f64's: log-scale bins of |Δlogit| (two per decade), counts on a log scale; the grey bar at “0” counts outputs identical to f64's.</p>
${deltaPanels(report, colour)}
</section>
<section id="sqnr">
<h2>Per-layer SQNR</h2>
<p class="note">Signal-to-quantization-noise ratio in dB against f64 (higher is better; every 6 dB is one more bit): the thick bar is the layer's output over the first ${data.traceSamples} samples, the thin bar the layer's weights as the engine stores them; hatched = identical (“exact”).</p>
${sqnrChart(report, colour)}
<table class="sqnr-table">
<thead><tr><th rowspan="2">engine</th>${layerHeads}</tr><tr>${layerSub}</tr></thead>
<tbody>${sqnrRows(report, colour)}</tbody>
</table>
</section>
${
  report.engines.some((e) => e.clippedSamples !== null)
    ? `<section id="clipping">
<h2>Clipping</h2>
<p class="note">A quantized engine stores the input and each layer's output (after a fused Relu/Clip) in a range its calibration samples set; a value beyond it is clipped to the nearest end. Per engine, over all ${data.samples.toLocaleString('en-US')} samples: the share of samples in which some f64 value lies beyond the engine's range, and per tensor the share of f64's values that do.</p>
<table>
<thead><tr><th>engine</th><th>samples</th><th>input</th>${report.layers.map((l) => `<th>${esc(l.name)}</th>`).join('')}</tr></thead>
<tbody>${clippedRows(report, colour)}</tbody>
</table>
</section>
`
    : ''
}<section id="layers">
<h2>Weights per layer</h2>
<p class="note">Distribution of each Gemm/Conv layer's weights and how they fall on the per-tensor max-abs int8 grid (step = max|w|/127): outliers stretch the grid, leaving most weights on a few central levels.</p>
<table>
<thead><tr><th>layer</th><th class="left">op</th><th>shape</th><th>max|w|</th><th>std</th><th>max/std</th><th>skew</th><th>excess kurtosis</th><th>|w| &gt; 4σ</th><th>|q| ≤ 2</th><th>int8 levels used</th></tr></thead>
<tbody>${layerRows(report)}</tbody>
</table>
${legend([
  ['#1d4ed8', 'the five central int8 levels (|q| ≤ 2)'],
  ['#60a5fa', 'other int8 levels'],
  ['#dc2626', 'beyond ±4σ (outliers; red ticks mark each one)'],
  ['#dbeafe', 'central band'],
])}
${report.layers.map((l) => `<div class="hist">${weightHistogram(l)}</div>`).join('')}
</section>
<section id="definitions">
<h2>Definitions</h2>
<dl>
<dt>accuracy</dt><dd>top-1: the largest output equals the label${useAccuracy ? '' : ' (not available: no labels given)'}.</dd>
<dt>agrees with f64</dt><dd>the engine's top-1 class equals f64's.</dd>
<dt>clipped</dt><dd>the share of the samples in which f64's input or some layer output lies beyond the range a quantized engine stores it in (set by its calibration), so that the engine clips it; “—” for engines without bounded ranges.</dd>
<dt>weights</dt><dd>bytes the engine stores for weights, biases and constants.</dd>
<dt>inferences/s</dt><dd>single-sample runs in JavaScript on the machine that made this report: after the accuracy pass, ${TIMING_ROUNDS} rounds in which every engine in turn runs ${TIMING_CHUNK} samples; the reference's median round, scaled by “time ×”.</dd>
<dt>time ×</dt><dd>time per inference over ${esc(report.timingReference)}'s, the median over the rounds of the ratio within a round (so a machine busy with other work slows every engine alike).</dd>
<dt>SQNR</dt><dd>10·log10(Σ x² / Σ (x̂ − x)²) with x the f64 value and x̂ the engine's.</dd>
<dt>int8 grid</dt><dd>q = round(w / s) with s = max|w| / 127 (ties to even), the per-tensor max-abs scheme.</dd>
<dt>skew, excess kurtosis</dt><dd>third and fourth standardized moments (kurtosis − 3: 0 for a Gaussian, −1.2 for a uniform distribution).</dd>
</dl>
</section>
<footer>Generated by fpuless ${esc(report.fpulessVersion)}. All numbers are in report.json next to this file.</footer>
</main>
</body>
</html>
`;
}
