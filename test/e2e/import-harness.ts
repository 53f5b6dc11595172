/**
 * A tiny page that exposes the real import client (`window.importFile`) and its module worker — or another module
 * of the app's workers — built with vite into a temporary folder and served on 127.0.0.1 with test files under
 * /fx/<name>. Used by the import and hostile-input browser tests and by bench/import.ts (long tasks during a
 * 50,000-row import).
 */
import { mkdtempSync, writeFileSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { build } from 'vite';

const ROOT = join(import.meta.dirname, '..', '..');

export interface Harness {
  url: string;
  files: Map<string, Uint8Array>;
  close: () => Promise<void>;
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css' };

/** A module of the app by its path from the repository root, as an import specifier for the harness page. */
export const appModule = (path: string): string => JSON.stringify(join(ROOT, path));

/** The default page: the import client on `window.importFile`. */
const IMPORT_MAIN = `import { importFile } from ${appModule('src/ui/workers/import-client.ts')};\n(window as any).importFile = importFile;\n(window as any).harnessReady = true;\n`;

/** Build the page (`main`: the module that puts what the test drives on `window` and sets `harnessReady`) and serve it. */
export async function startHarness(main: string = IMPORT_MAIN): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'cb-import-page-'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8"><title>import harness</title></head><body><script type="module" src="./main.ts"></script></body></html>\n',
  );
  writeFileSync(join(dir, 'main.ts'), main);
  const out = join(dir, 'dist');
  await build({
    root: dir,
    configFile: false,
    logLevel: 'warn',
    base: './',
    build: { outDir: out, target: 'es2022', emptyOutDir: true },
    worker: { format: 'es' },
  });
  const files = new Map<string, Uint8Array>();
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path.startsWith('/fx/')) {
      const b = files.get(path.slice(4));
      if (!b) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': b.length }).end(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
      return;
    }
    const p = normalize(join(out, path === '/' ? 'index.html' : path));
    if (!p.startsWith(out) || !existsSync(p)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(p)] ?? 'application/octet-stream' }).end(readFileSync(p));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    files,
    close: async () => {
      await new Promise<void>((r) => server.close(() => r()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
