/** The `fpuless` command itself: the demo (what `npm run demo` shows) and usage errors. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

function fpuless(args: string[]): { status: number | null; stdout: string; stderr: string } {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run 'npm run build' (npm test does)`);
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

it('demo prints 0.1 + 0.2 in the three formats and a binary16 square root, with words and flags', () => {
  const r = fpuless(['demo']);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/binary32 +0\.1 \+ 0\.2 +3DCCCCCD \+ 3E4CCCCD = 3E99999A +=.*flags: inexact/);
  expect(r.stdout).toMatch(/binary16 +0\.1 \+ 0\.2 +2E66 \+ 3266 = 34CC +=.*flags: inexact/);
  expect(r.stdout).toMatch(/bfloat16 +0\.1 \+ 0\.2 +3DCD \+ 3E4D = 3E9A +=.*flags: inexact/);
  expect(r.stdout).toMatch(/binary16 +sqrt\(2\) +sqrt\(4000\) = 3DA8 += 1\.4140625 +flags: inexact/);
});

it('exits with status 2 on an unknown command', () => {
  const r = fpuless(['frobnicate']);
  expect(r.status).toBe(2);
  expect(r.stderr).toContain("unknown command 'frobnicate'");
});
