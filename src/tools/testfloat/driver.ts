/**
 * The TestFloat driver: set the environment from the options, stream test cases from `input` through a
 * {@link CaseRunner}, and hand the output to `write` in large chunks, waiting on it between input chunks so that a
 * slow reader holds the driver back instead of filling memory.
 */
import { env, nan_8086_SSE } from '../../index.js';
import { CaseRunner } from './cases.js';
import type { TestFloatOptions } from './options.js';

/** Write a chunk; the promise settles once the chunk is accepted (e.g. after the stream drains). */
export type Write = (chunk: Buffer) => Promise<void>;

/**
 * Run every line of `input`. A malformed line throws a TestFloatError naming it, after the output of the lines before
 * it has been written.
 */
export async function runTestFloat(
  options: TestFloatOptions,
  input: AsyncIterable<Buffer | string>,
  write: Write,
): Promise<void> {
  env.roundingMode = options.roundingMode;
  env.tininess = options.tininess;
  env.nanMode = nan_8086_SSE;
  const runner = new CaseRunner(options.fn, { roundingMode: options.roundingMode, exact: options.exact });
  try {
    for await (const chunk of input) {
      runner.feed(typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk);
      for (const out of runner.take(false)) await write(out);
    }
    runner.finish();
  } finally {
    for (const out of runner.take(true)) await write(out);
  }
}
