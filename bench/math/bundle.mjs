/**
 * The code a sweep runs, bundled once: one binary32 function's module (not all of src/math, so that work in progress
 * elsewhere cannot break it), the reference of test/math/reference.ts with the function's spec module, and the
 * environment. The hash of the bundle identifies what a sweep checked (comments are not in it, so edits to them do
 * not count as changes). Shared by sweep.mjs and sweep-status.mjs.
 */
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Bundle fn's sweep code into a fresh temporary directory: { bundle (file path), codeHash }. */
export async function bundleSweep(fn, { pairs = false } = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fpuless-sweep-'));
  const entry = path.join(dir, 'entry.ts');
  const at = (p) => JSON.stringify(path.join(root, p));
  const spec = `test/math/specs/${fn}.ts`;
  writeFileSync(
    entry,
    [
      `export * as M from ${at(`src/math/${fn}.ts`)};`,
      `export { makeReference, doubleOf, doubleParts, F32 } from ${at('test/math/reference.ts')};`,
      `export { env } from ${at('src/env/environment.ts')};`,
      `export { zivStats } from ${at('src/math/kernels/round.ts')};`,
      // Functions newer than the built-in references register theirs from test/math/specs/<fn>.ts.
      ...(existsSync(path.join(root, spec)) ? [`export * as S from ${at(spec)};`] : []),
      ...(pairs ? [`export { PairReference } from ${at('test/math/specs/pow.ts')};`] : []),
    ].join('\n'),
  );
  const bundle = path.join(dir, 'bundle.mjs');
  // ignoreAnnotations: package.json's "sideEffects": false would otherwise drop the spec module's import.
  // absWorkingDir: the paths esbuild writes into the bundle are relative to it, so the hash is the same anywhere.
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: bundle,
    logLevel: 'warning',
    ignoreAnnotations: true,
    absWorkingDir: root,
  });
  const codeHash = createHash('sha256').update(readFileSync(bundle)).digest('hex').slice(0, 16);
  return { bundle, codeHash };
}
