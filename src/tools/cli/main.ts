/**
 * The `fpuless` command (built to dist/cli.js): `fpuless testfloat <function> [options]` runs TestFloat test cases
 * from stdin, `fpuless demo` prints a short demonstration, `fpuless compare` runs a network through every engine
 * and reports what each costs, `fpuless eval` runs a model on the user's data through chosen engines. Usage errors exit with status 2.
 */
import { Command, CommanderError } from 'commander';
import { runTestFloat } from '../testfloat/driver.js';
import { parseTestFloatArgs, TestFloatError, USAGE } from '../testfloat/options.js';
import { registerCompare } from './compare.js';
import { demoLines } from './demo.js';
import { registerEval } from './eval.js';

const USAGE_ERROR = 2;

/** Write to stdout, resolving once the chunk is accepted (waiting for 'drain' when the pipe is full). */
function writeStdout(chunk: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const accepted = process.stdout.write(chunk, (error) => {
      if (error) reject(error);
    });
    if (accepted) resolve();
    else process.stdout.once('drain', resolve);
  });
}

async function testfloat(args: string[]): Promise<void> {
  try {
    const options = parseTestFloatArgs(args);
    if (options === null) {
      process.stdout.write(USAGE);
      return;
    }
    await runTestFloat(options, process.stdin, writeStdout);
  } catch (error) {
    if (!(error instanceof TestFloatError)) throw error;
    process.stderr.write(`fpuless testfloat: ${error.message}\n`);
    process.exitCode = USAGE_ERROR;
  }
}

function demo(): void {
  process.stdout.write(`${demoLines().join('\n')}\n`);
}

const program = new Command('fpuless')
  .description('IEEE 754 binary32, binary16 and bfloat16 arithmetic with 32-bit integer operations only')
  .exitOverride();

program
  .command('testfloat')
  .description('run Berkeley TestFloat test cases from stdin (fpuless testfloat -help for the options)')
  .argument('[function-and-options...]', 'a TestFloat function name and testfloat_gen options, e.g. f32_add -rmin')
  .helpOption(false)
  .allowUnknownOption()
  .action(testfloat);

program.command('demo').description('print a short demonstration').action(demo);
registerCompare(program);
registerEval(program);

// A reader that goes away early (e.g. `| head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (!(error instanceof CommanderError)) throw error;
  // Commander has printed its message (or the help) already.
  process.exitCode = error.exitCode === 0 ? 0 : USAGE_ERROR;
}
