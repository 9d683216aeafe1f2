/**
 * The arithmetic core is integer-only: every .ts file under src/ except the boundary paths below is parsed with the
 * TypeScript compiler and must not contain multiply, divide, remainder or power operators (nor their assignment
 * forms), any Math member but imul and clz32, typed views or BigInt that would bring floating point or wide integers
 * in, or a numeric literal that is not an integer written without a fraction or exponent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SRC = join(ROOT, 'src');

/** Paths (relative to the repository, `/`-separated; a trailing `/` covers a directory) exempt from the scan. */
const BOUNDARY: readonly (readonly [path: string, reason: string])[] = [
  ['src/codec/number.ts', 'converts between cells and JS numbers (native doubles) at the library boundary'],
  ['src/tools/', 'command-line tools: argument parsing, text I/O and printing, not arithmetic'],
  [
    'src/inference/model/',
    'host-side model handling: reads the model file, checks shapes, plans storage and folds batch norm in native ' +
      'doubles before any fpuless arithmetic runs',
  ],
  [
    'src/inference/onnx/',
    'the ONNX importer: decodes protobuf files and float32/float16/float64 initializers into the graph\'s doubles ' +
      'on the host before any fpuless arithmetic runs',
  ],
  ['src/inference/engines/f64/', 'the float64 reference engine: native doubles by design, the yardstick of the rest'],
  [
    'src/inference/engines/quant/prepare/',
    'host-side quantization preparation (calibration statistics, clipping thresholds, scales, fixed-point ' +
      'multipliers and tables computed from float weights) and the quantized engine boundary that turns input ' +
      'doubles into codes and output codes into doubles; the forward pass itself is in quant/run/',
  ],
  [
    'src/inference/engines/soft/boundary.ts',
    "the soft engines' boundary: model constants and a sample's input doubles rounded to format words, output words " +
      'widened to doubles (through codec/number.ts); every kernel is in the other, scanned, soft engine files',
  ],
];

const ALLOWED_MATH = new Set(['imul', 'clz32']);
const FORBIDDEN_IDENTIFIERS = new Set([
  'Float16Array',
  'Float32Array',
  'Float64Array',
  'DataView',
  'BigInt',
  'BigInt64Array',
  'BigUint64Array',
]);
const FORBIDDEN_OPERATORS = new Map<ts.SyntaxKind, string>([
  [ts.SyntaxKind.AsteriskToken, '*'],
  [ts.SyntaxKind.SlashToken, '/'],
  [ts.SyntaxKind.PercentToken, '%'],
  [ts.SyntaxKind.AsteriskAsteriskToken, '**'],
  [ts.SyntaxKind.AsteriskEqualsToken, '*='],
  [ts.SyntaxKind.SlashEqualsToken, '/='],
  [ts.SyntaxKind.PercentEqualsToken, '%='],
  [ts.SyntaxKind.AsteriskAsteriskEqualsToken, '**='],
]);

/** Every violation in one source text, as `file:line: what`. */
function scan(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: string[] = [];
  const report = (node: ts.Node, what: string): void => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
    found.push(`${fileName}:${line + 1}: ${what}`);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isBinaryExpression(node)) {
      const operator = FORBIDDEN_OPERATORS.get(node.operatorToken.kind);
      if (operator !== undefined) report(node.operatorToken, `operator ${operator}`);
    } else if (ts.isIdentifier(node)) {
      const parent = node.parent;
      const isMemberName = ts.isPropertyAccessExpression(parent) && parent.name === node;
      if (node.text === 'Math' && !isMemberName) {
        if (!ts.isPropertyAccessExpression(parent) || parent.expression !== node) {
          report(node, 'Math used other than as Math.imul or Math.clz32');
        } else if (!ALLOWED_MATH.has(parent.name.text)) {
          report(node, `Math.${parent.name.text}`);
        }
      } else if (FORBIDDEN_IDENTIFIERS.has(node.text) && !isMemberName) {
        report(node, node.text);
      }
    } else if (node.kind === ts.SyntaxKind.BigIntLiteral) {
      report(node, `bigint literal ${node.getText(source)}`);
    } else if (node.kind === ts.SyntaxKind.BigIntKeyword) {
      report(node, 'bigint type');
    } else if (ts.isNumericLiteral(node)) {
      const literal = node.getText(source);
      if (!/^0[xXbBoO]/.test(literal) && /[.eE]/.test(literal)) report(node, `non-integer literal ${literal}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function repoPath(file: string): string {
  return relative(ROOT, file).split(sep).join('/');
}

function isBoundary(path: string): boolean {
  return BOUNDARY.some(([exempt]) => (exempt.endsWith('/') ? path.startsWith(exempt) : path === exempt));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('integer-only arithmetic core', () => {
  const files = sourceFiles(SRC).filter((file) => !isBoundary(repoPath(file)));

  it('scans the core directories', () => {
    const scanned = files.map(repoPath);
    for (const dir of ['src/primitives/', 'src/env/', 'src/formats/']) {
      expect(scanned.some((path) => path.startsWith(dir))).toBe(true);
    }
  });

  it('uses only integer operations outside the boundary paths', () => {
    const violations = files.flatMap((file) => scan(repoPath(file), readFileSync(file, 'utf8')));
    expect(violations, violations.join('\n')).toEqual([]);
  });

  it('has a reason for every boundary path, and no stale path', () => {
    for (const [path, reason] of BOUNDARY) {
      expect(path.startsWith('src/')).toBe(true);
      expect(existsSync(join(ROOT, path)), `${path} does not exist`).toBe(true);
      expect(reason.length).toBeGreaterThan(10);
    }
  });
});

describe('the scanner', () => {
  const bad: readonly (readonly [snippet: string, finding: string])[] = [
    ['const x = a * b;', 'operator *'],
    ['const x = a / b;', 'operator /'],
    ['const x = a % b;', 'operator %'],
    ['const x = a ** 2;', 'operator **'],
    ['x *= 3;', 'operator *='],
    ['x /= 2;', 'operator /='],
    ['x %= 2;', 'operator %='],
    ['x **= 2;', 'operator **='],
    ['const x = Math.floor(y);', 'Math.floor'],
    ['const x = Math.round(y);', 'Math.round'],
    ["const x = Math['sqrt'](y);", 'Math used other than'],
    ['const M = Math;', 'Math used other than'],
    ['const x = Math?.trunc(y);', 'Math.trunc'],
    ['const v = new Float64Array(1);', 'Float64Array'],
    ['const v = new Float32Array(1);', 'Float32Array'],
    ['let v: Float16Array;', 'Float16Array'],
    ['const v = new DataView(buf);', 'DataView'],
    ['const v = BigInt(1);', 'BigInt'],
    ['const v = new BigUint64Array(2);', 'BigUint64Array'],
    ['const v = 1n;', 'bigint literal 1n'],
    ['let v: bigint = y;', 'bigint type'],
    ['const v = 0.5;', 'non-integer literal 0.5'],
    ['const v = 1e-3;', 'non-integer literal 1e-3'],
    ['const v = 1e3;', 'non-integer literal 1e3'],
    ['const v = 2.;', 'non-integer literal 2.'],
    ['const v = .25;', 'non-integer literal .25'],
  ];

  it.each(bad)('catches %s', (snippet, finding) => {
    const found = scan('snippet.ts', `// line 1\n${snippet}\n`);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('snippet.ts:2: ');
    expect(found[0]).toContain(finding);
  });

  it('passes integer code, and * / % that are not operators', () => {
    const clean = [
      "import * as fp from './fp.js';",
      "export * from './other.js';",
      'const a = Math.imul(x, y) >>> 0;',
      'const b = Math.clz32(x);',
      'const c = 0x7f800000 | 0b101 | 0o17 | 1_000 | 0xE0;',
      'const d = /a*b\\/c/.test(s);',
      "const e = 'a * b / c % d';",
      '// x * y / z',
      '/* 0.5 ** 2 */',
      'function* gen() { yield* other(); }',
      'const f = obj.Math + obj.BigInt;',
    ].join('\n');
    expect(scan('clean.ts', clean)).toEqual([]);
  });
});
