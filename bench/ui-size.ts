/**
 * Web-app size from the production build in dist/ (run `vite build` first, or let this build it when dist/ is
 * missing): the initial JavaScript (the entry script of index.html plus every chunk it imports statically,
 * i.e. what the browser must fetch before the first render), gzip-compressed, and the largest chunk.
 * Target: initial JS ≤ 150 KB gzip; spreadsheet code (@e965/xlsx) only in lazily loaded chunks.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const KB = (n: number) => Math.round((n / 1024) * 10) / 10;

function gz(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

/** Static import specifiers of an ES module chunk (import … from './x.js', import './x.js', export … from). */
export function staticImports(code: string): string[] {
  const out = new Set<string>();
  const re = /(?:^|[;\n}])\s*(?:import|export)\s*(?:[\w*{}\s,$]+\s*from\s*)?["'](\.{1,2}\/[^"']+)["']/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(code))) out.add(m[1]!);
  // minified code: import{a as b}from"./x.js"
  const re2 = /\b(?:import|export)\s*\{?[^;"'()]*?\}?\s*from\s*["'](\.{1,2}\/[^"']+)["']|\bimport\s*["'](\.{1,2}\/[^"']+)["']/g;
  while ((m = re2.exec(code))) out.add((m[1] ?? m[2])!);
  return [...out];
}

export async function benchUiSize(): Promise<Record<string, number | string>> {
  const dist = join(root, 'dist');
  if (!existsSync(join(dist, 'index.html'))) {
    execFileSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });
  }
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entries = [...html.matchAll(/<script[^>]+type="module"[^>]+src="\.?\/?([^"]+)"/g)].map((m) => m[1]!);
  const seen = new Set<string>();
  const queue = entries.map((e) => join(dist, e));
  while (queue.length) {
    const f = queue.pop()!;
    if (seen.has(f) || !existsSync(f)) continue;
    seen.add(f);
    const code = readFileSync(f, 'utf8');
    for (const spec of staticImports(code)) queue.push(join(dirname(f), spec));
  }
  const initial = [...seen];
  const initialGzip = initial.reduce((s, f) => s + gz(f), 0);
  const cssInitial = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="\.?\/?([^"]+)"/g)].map((m) => join(dist, m[1]!));
  const cssGzip = cssInitial.reduce((s, f) => s + gz(f), 0);

  const assets = join(dist, 'assets');
  const js = readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .map((f) => join(assets, f));
  let largest = { file: '', gzip: 0, raw: 0 };
  let totalGzip = 0;
  let xlsxInInitial = false;
  for (const f of js) {
    const g = gz(f);
    totalGzip += g;
    if (g > largest.gzip) largest = { file: f.slice(assets.length + 1), gzip: g, raw: statSync(f).size };
    if (initial.includes(f) && /SheetJS|XLSX\.version|sheet_to_json/.test(readFileSync(f, 'utf8'))) xlsxInInitial = true;
  }
  // the current language's locale chunks are fetched right after start-up (not part of the static graph)
  return {
    'ui initial JS gzip (KB)': KB(initialGzip),
    'ui initial JS files': initial.length,
    'ui initial CSS gzip (KB)': KB(cssGzip),
    'ui largest chunk': largest.file,
    'ui largest chunk gzip (KB)': KB(largest.gzip),
    'ui all JS gzip (KB)': KB(totalGzip),
    'ui spreadsheet code in initial bundle': xlsxInInitial ? 'yes' : 'no',
    'ui initial target (KB gzip)': 150,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  benchUiSize().then((r) => {
    for (const [k, v] of Object.entries(r)) console.log(`${k}: ${v}`);
  });
}
