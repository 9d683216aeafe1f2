/**
 * The `compare` subcommand of `fpuless`: run one network through every FPU-less engine on real data and report
 * accuracy, per-layer error, speed and memory (spec/compare.md). The work is in src/tools/compare/.
 */
import type { Command } from 'commander';
import { type CompareIo, type CompareOptions, DEFAULT_CALIB, DEFAULT_OUT, compareMain, processIo } from '../compare/command.js';

/** Add `compare` to `program`; its action sets process.exitCode (2 on any usage or input error). */
export function registerCompare(program: Command, io: () => CompareIo = processIo): Command {
  return program
    .command('compare')
    .description('compare every FPU-less way of running a network: accuracy, per-layer error, speed, memory')
    .option('--model <path>', "fpuless model file (.fplm; default: the package's models/mnist-mlp.fplm)")
    .option('--inputs <x.npy>', 'samples [N, ...] (float32, float64, or uint8 scaled by 1/255); default: MNIST test split')
    .option('--labels <y.npy>', 'labels [N] (int64, int32 or uint8) for --inputs')
    .option('--engines <list>', 'comma-separated engine names (default: all; f64 always runs as the reference)')
    .option('--calib <n>', `calibration samples for the quantized engines (default: ${DEFAULT_CALIB})`)
    .option('--limit <n>', 'use only the first n samples')
    .option('--out <dir>', `directory for report.html and report.json (default: ./${DEFAULT_OUT})`)
    .option('--json', 'print report.json on stdout instead of the tables (no progress bar)')
    .action((options: CompareOptions) => {
      process.exitCode = compareMain(options, io());
    });
}
