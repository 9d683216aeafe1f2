/**
 * `fpuless compare` from parsed options to exit status: check every option and file first (a CompareError, status 2,
 * nothing written), then measure, write report.json and report.html atomically into the output directory, and print
 * the tables (or, with --json, report.json) on stdout. Progress goes to stderr when it is a terminal.
 */
import { accessSync, closeSync, constants, fsyncSync, mkdirSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import cliProgress from 'cli-progress';
import { MnistError } from '../data/mnist.js';
import { DEFAULT_CALIB, loadDataset } from './dataset.js';
import { enginesForGraph, selectEngines } from './engines.js';
import { CompareError } from './errors.js';
import { reportHtml } from './html.js';
import { loadModelOption } from './model.js';
import { packageVersion } from './paths.js';
import { reportJson } from './report.js';
import { type Progress, runComparison } from './run.js';
import { reportText } from './tables.js';

export { DEFAULT_CALIB };

export const EXIT_USAGE = 2;
export const DEFAULT_OUT = 'fpuless-report';

/** The options as commander hands them over (strings, unparsed). */
export interface CompareOptions {
  model?: string;
  inputs?: string;
  labels?: string;
  engines?: string;
  calib?: string;
  limit?: string;
  out?: string;
  json?: boolean;
  /** Samples traced per layer (not a command-line option; tests lower it). */
  traceSamples?: number;
}

/** Where output goes; the defaults are the process's streams. */
export interface CompareIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream & { readonly isTTY?: boolean };
  readonly cwd: string;
}

export function processIo(): CompareIo {
  return { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() };
}

export function positiveInteger(text: string | undefined, option: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\s*\d+\s*$/.test(text) || Number(text) < 1 || !Number.isSafeInteger(Number(text))) {
    throw new CompareError(`${option} must be a positive integer, got ${JSON.stringify(text)}`);
  }
  return Number(text);
}

/** The output directory, checked before any work: an existing directory we may write, or creatable. */
export function checkOutDir(dir: string, option = '--out'): void {
  let probe = dir;
  for (;;) {
    let isDir: boolean;
    try {
      isDir = statSync(probe).isDirectory();
    } catch {
      const parent = dirname(probe);
      if (parent === probe) throw new CompareError(`${option} ${dir}: cannot be created`);
      probe = parent;
      continue;
    }
    if (!isDir) throw new CompareError(`${option} ${dir}: ${probe === dir ? 'is not a directory' : `${probe} is not a directory`}`);
    try {
      accessSync(probe, constants.W_OK);
    } catch {
      throw new CompareError(`${option} ${dir}: ${probe} is not writable`);
    }
    return;
  }
}

let tempCounter = 0;

/** Write every file to a temporary name in `dir`, flush, then rename each over its target. */
export function writeAtomically(dir: string, files: readonly { readonly name: string; readonly text: string | Uint8Array }[]): void {
  mkdirSync(dir, { recursive: true });
  const temps: { tmp: string; target: string }[] = [];
  try {
    for (const f of files) {
      const tmp = join(dir, `.${f.name}.${process.pid}.${Date.now()}.${tempCounter++}.tmp`);
      temps.push({ tmp, target: join(dir, f.name) });
      const fd = openSync(tmp, 'wx', 0o644);
      try {
        const data = typeof f.text === 'string' ? Buffer.from(f.text, 'utf8') : f.text;
        let done = 0;
        while (done < data.length) done += writeSync(fd, data, done, data.length - done);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    }
    for (const t of temps) renameSync(t.tmp, t.target);
  } catch (e) {
    for (const t of temps) {
      try {
        unlinkSync(t.tmp);
      } catch {
        // renamed already, or never created
      }
    }
    throw e;
  }
}

function progressBar(io: CompareIo): Progress {
  const bar = new cliProgress.SingleBar(
    {
      stream: io.stderr,
      format: 'compare {bar} {percentage}% | {engine} | eta {eta_formatted}',
      barsize: 30,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 200,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  return {
    start: (total) => bar.start(total, 0, { engine: '' }),
    advance: (done, engine) => bar.increment(done, { engine: engine.padEnd(38) }),
    stop: () => bar.stop(),
  };
}

/** Run `fpuless compare` with `options`; returns the exit status (0, or 2 after printing one error line). */
export function compareMain(options: CompareOptions, io: CompareIo = processIo()): number {
  try {
    const calib = positiveInteger(options.calib, '--calib');
    const limit = positiveInteger(options.limit, '--limit');
    const selected = selectEngines(options.engines);
    const outDir = resolve(io.cwd, options.out ?? DEFAULT_OUT);
    checkOutDir(outDir);
    const { graph, shown } = loadModelOption(options.model, io.cwd);
    const engines = enginesForGraph(selected, graph, options.engines);
    const dataset = loadDataset(graph, { inputs: options.inputs, labels: options.labels, limit, calib });
    const json = options.json === true;
    const showProgress = !json && io.stderr.isTTY === true;
    const report = runComparison({
      graph,
      modelPath: shown,
      dataset,
      engines,
      fpulessVersion: packageVersion(),
      ...(options.traceSamples === undefined ? {} : { traceSamples: options.traceSamples }),
      ...(showProgress ? { progress: progressBar(io) } : {}),
    });
    const text = reportJson(report);
    writeAtomically(outDir, [
      { name: 'report.json', text },
      { name: 'report.html', text: reportHtml(report) },
    ]);
    if (json) io.stdout.write(text);
    else io.stdout.write(`${reportText(report)}\nwrote ${join(outDir, 'report.html')} and report.json\n`);
    return 0;
  } catch (e) {
    if (e instanceof CompareError || e instanceof MnistError) {
      io.stderr.write(`fpuless compare: ${e.message}\n`);
      return EXIT_USAGE;
    }
    throw e;
  }
}
