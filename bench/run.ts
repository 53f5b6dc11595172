/** npm run bench — prints the project's speed and size figures (targets in brackets). */
import { existsSync } from 'node:fs';
import { benchCore } from './core';

const TARGETS: Record<string, string> = {
  validateComputeMs: '< 300 ms',
  ratioToJsonParse: '≤ 3',
};

function print(title: string, fig: Record<string, number | string>): void {
  console.log(`\n${title}`);
  for (const [k, v] of Object.entries(fig)) console.log(`  ${k.padEnd(28)} ${String(v).padStart(12)}${TARGETS[k] ? `   [target ${TARGETS[k]}]` : ''}`);
}

async function optional(file: string, fn: string, title: string, targets: Record<string, string> = {}): Promise<void> {
  if (!existsSync(new URL(file, import.meta.url))) return;
  Object.assign(TARGETS, targets);
  try {
    const mod = await import(file);
    if (typeof mod[fn] === 'function') print(title, await mod[fn]());
  } catch (e) {
    console.log(`\n${title}: failed — ${(e as Error).message}`);
  }
}

// CLI cold start beside the engine figures (a new process per run, as a user types the command).
const cliStart = async () =>
  optional(
    './cli-start.ts',
    'benchCliStart',
    'CLI: cold start of `carbonbridge validate <sample>` and `--help` (built bundle, packaged layout, median of 9 runs)',
    { validateColdMs: '< 150 ms' },
  );
console.log(`Node ${process.version}, V8 flags: ${process.execArgv.join(' ') || '(none)'}; ${(await import('node:os')).cpus().length} cores`);
print('Core: validate + compute, generated 100,000-line dataset (median of 5 runs)', await benchCore());
await cliStart();
await optional(
  './template-fill.ts',
  'benchTemplateFill',
  'CBAM: fill the official template vs fflate unzip + zip of the same file (fixture: 2 processes; generated: 10 processes, 20 purchased precursors, 100 products)',
  { 'cbam.templateFill.ratio': '≤ 2', 'cbam.fill10x100.ratio': '≤ 2' },
);
await optional('./import.ts', 'benchImport', 'Import: generated 50,000-row sheet vs bare SheetJS read + sheet_to_json', { ratioToBareSheetJs: '≤ 1.3' });
await optional('./import.ts', 'benchImportLongTasks', 'Import in the browser worker: main-thread long tasks', { longestTaskMs: '≤ 100 ms' });
await optional(
  './hostile.ts',
  'benchErrorPath',
  'Hostile input: validate 100,000 lines that are all wrong vs 100,000 clean lines (capped list, summarised by kind)',
  { errorToCleanRatio: '≤ 3' },
);
await optional('./ui-size.ts', 'benchUiSize', 'Web app bundle (dist/)', { initialJsGzipKB: '≤ 150 KB' });
await optional('./compare-batch.ts', 'benchCompareBatch', 'compare-batch: 1,000 generated datasets × 3 packs (median of 3 runs)', {
  compareBatchMs: '< 10,000 ms',
});
await optional('./clients.ts', 'benchClients', 'Advisory: client list, 500 clients / 500 cases / 1,500 datasets (Chromium IndexedDB; node* = fake-indexeddb)', {
  openMs: '< 100 ms',
  filterMs: '< 100 ms',
});
