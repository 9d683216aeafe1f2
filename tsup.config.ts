import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: false,
    target: 'node20',
  },
  {
    entry: { train: 'src/tools/train/main.ts' },
    format: ['esm'],
    target: 'node20',
  },
  {
    entry: { cli: 'src/tools/cli/main.ts' },
    format: ['esm'],
    banner: { js: '#!/usr/bin/env node' },
    target: 'node20',
  },
]);
