/**
 * vitest globalSetup for the browser journeys: builds the app once (vite build → dist/) and serves it with
 * vite preview on a free port; the URL reaches the tests through `inject('baseURL')`.
 * Set E2E_REUSE_BUILD=1 to skip the build when dist/ is already current (local iteration).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { build, preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

const root = join(import.meta.dirname, '..', '..');

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const configFile = join(root, 'vite.config.ts');
  // E2E_OUT_DIR: build and serve another folder than dist/ (several people testing in one working tree)
  const outDir = process.env.E2E_OUT_DIR || join(root, 'dist');
  const out = process.env.E2E_OUT_DIR ? { build: { outDir, emptyOutDir: true } } : {};
  if (!(process.env.E2E_REUSE_BUILD === '1' && existsSync(join(outDir, 'index.html')))) {
    // vitest runs with NODE_ENV=test, which would make vite and svelte produce a development build
    const env = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({ root, configFile, logLevel: 'warn', mode: 'production', ...out });
    } finally {
      process.env.NODE_ENV = env;
    }
  }
  const server: PreviewServer = await preview({
    root,
    configFile,
    logLevel: 'warn',
    ...out,
    preview: { port: 0, host: '127.0.0.1', strictPort: false, open: false },
  });
  const addr = server.httpServer.address();
  const port = typeof addr === 'object' && addr ? addr.port : 4173;
  project.provide('baseURL', `http://127.0.0.1:${port}/`);
  return async () => {
    await server.close();
  };
}
