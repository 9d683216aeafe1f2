/**
 * Where the fpuless package lives, so the bundled models are found wherever `fpuless` runs from (dist/cli.js, the
 * sources under vitest, or an installed copy in node_modules), independently of the working directory.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CompareError } from './errors.js';

export const DEFAULT_MODEL = join('models', 'mnist-mlp.fplm');

function isFpulessRoot(dir: string): boolean {
  const file = join(dir, 'package.json');
  if (!existsSync(file)) return false;
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown }).name === 'fpuless';
  } catch {
    return false;
  }
}

function walkUp(start: string): string | null {
  let dir = resolve(start);
  for (;;) {
    if (isFpulessRoot(dir)) return dir;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** The package root: the nearest ancestor of this module with fpuless's package.json (else of the working directory). */
export function packageRoot(): string {
  let here: string | null = null;
  try {
    here = dirname(fileURLToPath(import.meta.url));
  } catch {
    here = null;
  }
  const root = (here === null ? null : walkUp(here)) ?? walkUp(process.cwd());
  if (root === null) throw new CompareError('cannot find the fpuless package root (its package.json)');
  return root;
}

/** The package's version string (for the report), or 'unknown'. */
export function packageVersion(): string {
  try {
    const v = (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version?: unknown }).version;
    return typeof v === 'string' ? v : 'unknown';
  } catch {
    return 'unknown';
  }
}
