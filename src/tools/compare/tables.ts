/**
 * The report as text for the terminal: a header, the engine table, the per-layer weight table, the per-layer SQNR
 * table and, when a quantized engine ran, the clipped table (columns and their meaning in spec/compare.md §5).
 */
import { bytes, decibels, fixed, magnitude, percent, rate, textTable, times } from './format.js';
import type { CompareReport, EngineReport } from './report.js';

export function engineTable(report: CompareReport): string {
  const headers = [
    'engine',
    'accuracy',
    'agree f64',
    'max |Δlogit|',
    'mean |Δlogit|',
    'clipped',
    'weights',
    'inf/s',
    'time ×',
  ];
  const rows = report.engines.map((e) => [
    e.name,
    percent(e.accuracy),
    percent(e.agreement),
    magnitude(e.maxAbsDelta),
    magnitude(e.meanAbsDelta),
    clippedShare(report, e),
    bytes(e.weightBytes),
    rate(e.inferencesPerSecond),
    times(e.relativeTime),
  ]);
  return textTable(headers, rows);
}

export function layerTable(report: CompareReport): string {
  const headers = ['layer', 'op', 'weights', 'max|w|', 'std', 'max/std', 'skew', 'ex.kurt', '>4σ', '|q|≤2', 'levels'];
  const rows = report.layers.map((l) => [
    l.name,
    l.op,
    l.weightShape.join('×'),
    magnitude(l.maxAbs),
    magnitude(l.std),
    fixed(l.maxOverStd, 1),
    fixed(l.skew, 2),
    fixed(l.excessKurtosis, 2),
    String(l.outliers),
    percent(l.centralFraction, 1),
    `${l.int8LevelsUsed}/255`,
  ]);
  return textTable(headers, rows);
}

/** Rows: engines other than f64; columns: weight SQNR and output SQNR of each layer. */
export function sqnrTable(report: CompareReport): string {
  const headers = ['SQNR dB', ...report.layers.flatMap((l) => [`${l.name} w`, `${l.name} out`])];
  const rows = report.engines
    .filter((e) => e.family !== 'f64')
    .map((e) => [e.name, ...report.layers.flatMap((l) => [decibels(e.weightSqnrDb[l.name]), decibels(e.outputSqnrDb[l.name])])]);
  return textTable(headers, rows);
}

/** The share of the samples in which the engine clipped some value; "—" for an engine without bounded ranges. */
export function clippedShare(report: CompareReport, e: EngineReport): string {
  if (e.clippedSamples === null) return '—';
  return percent(report.data.samples === 0 ? 0 : e.clippedSamples / report.data.samples);
}

/** Rows: engines with bounded ranges (quantized); columns: the share of the input's and each layer's values clipped. */
export function clippedTable(report: CompareReport): string | null {
  const engines = report.engines.filter((e) => e.clippedSamples !== null);
  if (engines.length === 0) return null;
  const headers = ['clipped', 'input', ...report.layers.map((l) => l.name)];
  const rows = engines.map((e) => [
    e.name,
    percent(e.clippedInput, 3),
    ...report.layers.map((l) => percent(e.clippedFraction[l.name] ?? null, 3)),
  ]);
  return textTable(headers, rows);
}

export function reportText(report: CompareReport): string {
  const { model, data, calibration } = report;
  const clipped = clippedTable(report);
  const head = [
    `fpuless compare: ${model.name} (${model.path}), ${model.parameters.toLocaleString('en-US')} parameters`,
    `data: ${data.description}; layer traces on the first ${data.traceSamples}; quantized engines calibrated on the ${calibration.source}`,
  ];
  return [
    ...head,
    '',
    engineTable(report),
    `(time ×: time per inference relative to ${report.timingReference}; Δlogit: output minus f64's output;`,
    ` clipped: samples in which f64's input or some layer output lies beyond the range the engine's calibration set)`,
    '',
    'Weights per layer (int8 grid: per-tensor max-abs, step max|w|/127):',
    layerTable(report),
    '',
    `SQNR vs f64 per layer: stored weights (w) and layer outputs over ${data.traceSamples} samples (out); "exact" = identical:`,
    sqnrTable(report),
    '',
    ...(clipped === null
      ? []
      : [`Clipped: share of f64's input and layer outputs beyond each quantized engine's ranges, over ${data.samples.toLocaleString('en-US')} samples:`, clipped, '']),
  ].join('\n');
}
