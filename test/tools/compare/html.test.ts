/**
 * report.html: every inline SVG is well-formed XML, every engine and layer appears, nothing is fetched from the
 * network, and the page renders in headless Chromium (skipped, with a message, when /usr/bin/chromium is absent;
 * .ci/run installs it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUANT_PRESETS } from '../../../src/inference/engines/quant/index.js';
import { type Workspace, compare, workspace } from './fixtures.js';

const CHROMIUM = '/usr/bin/chromium';

const ENGINES = [
  'f64',
  ...['f32', 'f16', 'bf16'].flatMap((f) => ['sequential', 'f32acc', 'exact'].map((a) => `soft-${f}-${a}`)),
  ...QUANT_PRESETS.map((p) => p.name),
];

/**
 * Check that `xml` is one well-formed element: tags nest and match, attributes are quoted and not repeated, text
 * holds no '<' and only the five named or numeric entities. Returns a description of the first problem, or null.
 */
function xmlProblem(xml: string): string | null {
  const tag = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[A-Za-z_][\w:.-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/y;
  const attr = /([A-Za-z_][\w:.-]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/g;
  const entity = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/y;
  const stack: string[] = [];
  let i = 0;
  let roots = 0;
  const badText = (from: number, to: number): string | null => {
    for (let k = from; k < to; k++) {
      if (xml[k] === '&') {
        entity.lastIndex = k;
        if (!entity.test(xml)) return `bad entity at ${k}: ${xml.slice(k, k + 12)}`;
      }
    }
    return null;
  };
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const end = lt < 0 ? xml.length : lt;
    const t = badText(i, end);
    if (t !== null) return t;
    if (stack.length === 0 && xml.slice(i, end).trim() !== '') return `text outside the root at ${i}`;
    if (lt < 0) break;
    tag.lastIndex = lt;
    const m = tag.exec(xml);
    if (m === null) return `malformed tag at ${lt}: ${xml.slice(lt, lt + 60)}`;
    const [, close, name, attrs, selfClose] = m;
    const seen = new Set<string>();
    for (const a of attrs!.matchAll(attr)) {
      if (seen.has(a[1]!)) return `duplicate attribute ${a[1]} on <${name}> at ${lt}`;
      seen.add(a[1]!);
      const v = a[2] ?? a[3] ?? '';
      const vi = m.index + m[0].indexOf(v);
      const bad = badText(vi, vi + v.length);
      if (bad !== null) return bad;
    }
    if (close) {
      if (attrs || selfClose) return `closing tag with attributes at ${lt}`;
      if (stack.pop() !== name) return `</${name}> does not close the open element at ${lt}`;
    } else if (!selfClose) {
      if (stack.length === 0) roots++;
      stack.push(name!);
    } else if (stack.length === 0) roots++;
    i = lt + m[0].length;
  }
  if (stack.length > 0) return `unclosed <${stack[stack.length - 1]}>`;
  return roots === 1 ? null : `${roots} root elements`;
}

describe('the XML checker itself', () => {
  it('accepts well-formed and rejects malformed markup', () => {
    expect(xmlProblem('<svg a="1"><g><text x="0">a &amp; b</text><rect/></g></svg>')).toBeNull();
    expect(xmlProblem('<svg><g></svg>')).toMatch(/does not close/);
    expect(xmlProblem('<svg a="1" a="2"/>')).toMatch(/duplicate attribute/);
    expect(xmlProblem('<svg a=1/>')).toMatch(/malformed tag/);
    expect(xmlProblem('<svg>a & b</svg>')).toMatch(/bad entity/);
    expect(xmlProblem('<svg><g>')).toMatch(/unclosed/);
  });
});

describe('report.html from a --limit 50 run of a tiny CNN through every engine', () => {
  let ws: Workspace;
  let html: string;
  let dir: string;
  beforeAll(() => {
    ws = workspace(60);
    dir = join(ws.dir, 'report');
    const r = compare({ model: ws.cnn, inputs: ws.cnnX, labels: ws.cnnY, limit: '50', out: dir }, ws.dir);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    html = readFileSync(join(dir, 'report.html'), 'utf8');
  });
  afterAll(() => ws.cleanup());

  it('has only well-formed inline SVG', () => {
    const svgs = [...html.matchAll(/<svg\b[\s\S]*?<\/svg>/g)].map((m) => m[0]);
    // Scatter, SQNR chart, one |Δlogit| panel per non-reference engine, one weight histogram per layer.
    expect(svgs.length).toBe(2 + (ENGINES.length - 1) + 2);
    for (const svg of svgs) {
      expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="\d+" height="\d+" viewBox="0 0 \d+ \d+"/);
      expect(xmlProblem(svg)).toBeNull();
    }
    expect(html.match(/<svg\b/g)!.length).toBe(svgs.length);
  });

  it('names every engine and layer, and has the sections in order', () => {
    for (const e of ENGINES) expect(html).toContain(`>${e}<`);
    for (const l of ['conv1', 'fc']) expect(html).toContain(`>${l}<`);
    const order = ['id="engines"', 'id="scatter"', 'id="delta"', 'id="sqnr"', 'id="layers"', 'id="definitions"'].map((s) => html.indexOf(s));
    expect(order.every((p, k) => p > 0 && (k === 0 || p > order[k - 1]!))).toBe(true);
  });

  it('is self-contained', () => {
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|@font-face/i);
    expect(html.replaceAll('xmlns="http://www.w3.org/2000/svg"', '')).not.toMatch(/https?:|\/\/[a-z]/i);
  });

  const have = existsSync(CHROMIUM);
  it.skipIf(!have)('renders in headless Chromium to a non-trivial screenshot', () => {
    const profile = mkdtempSync(join(tmpdir(), 'fpuless-chromium-'));
    try {
      const png = join(profile, 'r.png');
      const r = spawnSync(
        CHROMIUM,
        [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          `--user-data-dir=${profile}`,
          `--screenshot=${png}`,
          '--window-size=1280,3000',
          pathToFileURL(join(dir, 'report.html')).href,
        ],
        { encoding: 'utf8', timeout: 180_000 },
      );
      expect(r.error).toBeUndefined();
      expect(existsSync(png), `chromium wrote no screenshot; stderr:\n${r.stderr}`).toBe(true);
      const bytes = readFileSync(png);
      expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      expect(bytes.readUInt32BE(16)).toBe(1280);
      expect(bytes.readUInt32BE(20)).toBe(3000);
      // A blank 1280×3000 page compresses to a few kilobytes; the rendered report is hundreds.
      expect(statSync(png).size).toBeGreaterThan(100_000);
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  });
  if (!have) {
    it('renders in headless Chromium: SKIPPED, /usr/bin/chromium is absent (apt-get install -y chromium)', () => {
      console.warn('report.html screenshot test skipped: /usr/bin/chromium is absent (.ci/run installs it with apt-get install -y chromium)');
    });
  }
});
