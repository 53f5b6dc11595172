/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { isLazyJsonFile, lazyJsonSource } from './tools/lazy-json.mjs';

/**
 * Strict Content-Security-Policy, injected only into the production build (the dev server needs inline
 * scripts/styles for HMR). Svelte 5 compiles components to JS that builds the DOM (no eval, no inline
 * <script>); component CSS is extracted to .css files by the build, and the UI never uses style="" attributes
 * (the chart is SVG with presentation attributes), so style-src needs no 'unsafe-inline'.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function cspMeta(): Plugin {
  return {
    name: 'carbonbridge-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) =>
        html.replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`),
    },
  };
}

/**
 * `virtual:samples`: the list of sample datasets in public/samples/ (file name, title, product name and code),
 * read at build time so the gallery needs no directory listing at run time; the files themselves are fetched
 * (same origin) when the user opens one.
 */
function samplesIndex(): Plugin {
  const id = 'virtual:samples';
  const dir = join(import.meta.dirname, 'public', 'samples');
  return {
    name: 'carbonbridge-samples',
    resolveId: (s) => (s === id ? '\0' + id : undefined),
    load(s) {
      if (s !== '\0' + id) return undefined;
      const list: unknown[] = [];
      if (existsSync(dir)) {
        for (const file of readdirSync(dir)
          .filter((f) => f.endsWith('.json'))
          .sort()) {
          this.addWatchFile(join(dir, file));
          try {
            const d = JSON.parse(readFileSync(join(dir, file), 'utf8'));
            list.push({
              file,
              title: typeof d.title === 'string' ? d.title : undefined,
              illustrative: typeof d.illustrative === 'string' ? d.illustrative : undefined,
              name: d.product?.name ?? {},
              cnCode: d.product?.cnCode,
              functionalUnit: d.product?.functionalUnit,
              inventoryLines: Array.isArray(d.inventory) ? d.inventory.length : 0,
              producer: d.producer?.name,
              region: d.producer?.region,
            });
          } catch {
            list.push({ file, name: {}, broken: true });
          }
        }
      }
      return `export default ${JSON.stringify(list)};`;
    },
  };
}

/**
 * The built-in CBAM packs' files as strings parsed on first use (tools/lazy-json.mjs, as in the command line's bundle):
 * loading the dataset model (its process checks import the packs) parses no pack data. Also in the tests.
 */
function lazyPackJson(): Plugin {
  return {
    name: 'carbonbridge-lazy-json',
    enforce: 'pre',
    transform(code, id) {
      if (!isLazyJsonFile(id)) return undefined;
      return { code: lazyJsonSource(code, id, (p) => this.addWatchFile(p)), map: null };
    },
  };
}

const unitInclude = ['src/**/*.test.ts', 'rules/**/*.test.ts', 'test/**/*.test.ts', 'tools/**/*.test.ts'];

export default defineConfig({
  base: './',
  plugins: [
    lazyPackJson(),
    svelte(),
    cspMeta(),
    samplesIndex(),
    VitePWA({
      strategies: 'generateSW',
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'CarbonBridge 碳桥 جسر الكربون',
        short_name: 'CarbonBridge',
        description: 'Product carbon footprint to EU CBAM — offline, in Chinese, English and Arabic',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#0b6e4f',
        icons: [{ src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,woff2,woff,ttf,json,webmanifest}'],
        maximumFileSizeToCacheInBytes: 6 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // src/core is pure (no import-time side effects, by convention): let the bundler drop bare imports of it
      treeshake: { moduleSideEffects: (id: string) => !/[\\/]src[\\/]core[\\/]/.test(id) },
      output: {
        // Keep libraries in their own chunks so the start-up graph (svelte, i18next) never drags in zod, dexie or
        // the rule-pack data through an automatically merged shared chunk.
        codeSplitting: {
          includeDependenciesRecursively: false,
          groups: [
            { name: 'i18next', test: /node_modules[\\/]i18next[\\/]/, priority: 30 },
            { name: 'zod', test: /node_modules[\\/]zod[\\/]/, priority: 30 },
            { name: 'dexie', test: /node_modules[\\/]dexie[\\/]/, priority: 30 },
            { name: 'fflate', test: /node_modules[\\/]fflate[\\/]/, priority: 30 },
            { name: 'core-i18n', test: /src[\\/]core[\\/]i18n[\\/]/, priority: 20 },
            // the built-in CBAM packs' data (strings parsed on first use, see lazyPackJson): imports nothing, so it cannot
            // take part in a chunk cycle; its own chunk keeps the dataset model's chunk small and each cached apart
            { name: 'cbam-pack-data', test: /src[\\/]core[\\/]cbam[\\/]builtin-pack-files\.ts/, priority: 15 },
            // the dataset model with the modules its validation imports (the battery details' schema; the production
            // processes' checks import the CBAM packs and their schema): one chunk, so no chunk cycle leaves a value
            // undefined at start-up (pack-schema's z.enum of the categories)
            {
              name: 'core-model',
              test: /src[\\/]core[\\/](model|num|battery[\\/]details\.ts|cbam[\\/](packs|pack-schema|pack-files|period|screen|rules[\\/](schema|exclusions))\.ts)|[\\/]rules[\\/]manifest\.json/,
              priority: 10,
            },
          ],
        },
      },
    },
  },
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: unitInclude, exclude: ['test/e2e/**', 'node_modules/**'] },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/setup.ts'],
          testTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
