/** The `eval` subcommand of `fpuless`: a model and the user's data through the chosen engines (src/tools/eval/). */
import type { Command } from 'commander';
import { type CompareIo, DEFAULT_CALIB, processIo } from '../compare/command.js';
import { type EvalOptions, evalMain } from '../eval/command.js';

/** Add `eval` to `program`; its action sets process.exitCode (2 on any usage or input error). */
export function registerEval(program: Command, io: () => CompareIo = processIo): Command {
  return program
    .command('eval')
    .description('run a model on your data through the chosen engines: accuracy, agreement with f64, |Δ|, speed')
    .requiredOption('--model <path>', 'ONNX model (.onnx) or fpuless model file (.fplm)')
    .requiredOption('--inputs <x.npy>', 'samples [N, ...] (float32, float64, or uint8 scaled by 1/255)')
    .option('--labels <y.npy>', 'labels [N] (int64, int32 or uint8): adds accuracy')
    .option('--engines <list>', 'comma-separated engine names (default: all; f64 always runs as the reference)')
    .option('--calib <n>', `calibration samples (the first of --inputs) for the quantized engines (default: ${DEFAULT_CALIB})`)
    .option('--limit <n>', 'use only the first n samples')
    .option('--out-logits <dir>', "write each engine's outputs as <engine>.npy (float64 [N, ...]) into dir")
    .option('--json', 'print one JSON object instead of the table')
    .action((options: EvalOptions) => {
      process.exitCode = evalMain(options, io());
    });
}
