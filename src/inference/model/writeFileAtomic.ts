/**
 * Writing a file so that a failure never leaves a half-written one: the bytes go to a temporary file in the same
 * directory, are flushed to disk, and the temporary file is renamed over the target. On any failure the temporary
 * file is removed and the target is left as it was. Host-side I/O, shared by the model and .npy writers.
 */
import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

let tempCounter = 0;

export function writeFileAtomic(path: string, bytes: Uint8Array): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.${tempCounter++}.tmp`);
  const fd = openSync(tmp, 'wx', 0o644);
  try {
    try {
      let done = 0;
      while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      // already gone: nothing to clean up
    }
    throw e;
  }
}
