/**
 * External tools (xmllint, LibreOffice `soffice`, `pdftotext`, Chromium) and files from ../shared (the official CBAM
 * template and XSD, the research notes) for tests. One rule for all of them:
 * - outside CI, a missing tool or file skips the tests that need it, with a visible warning on the console;
 * - in CI (`process.env.CI` set), a missing tool or file FAILS: the test file throws while it is collected, so a
 *   test can never pass silently because what it checks against is absent (.ci/run installs the tools).
 * Tests that read ../shared carry SHARED (`[reads ../shared]`) in their name.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const IN_CI = !!process.env.CI && !['0', 'false'].includes(process.env.CI.toLowerCase());

/** Folder of the shared reference files, beside the project checkout. */
export const SHARED_DIR = resolve(import.meta.dirname, '..', '..', '..', 'shared');
/** Put in the name of every test or suite that reads a file from ../shared. */
export const SHARED = '[reads ../shared]';

export type Tool = 'xmllint' | 'soffice' | 'pdftotext' | 'chromium';
const PROBES: Record<Tool, () => [string, string[]]> = {
  xmllint: () => ['xmllint', ['--version']],
  soffice: () => ['soffice', ['--version']],
  pdftotext: () => ['pdftotext', ['-v']],
  chromium: () => [process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version']],
};

const seen = new Map<string, boolean>();

/** Outside CI: warn (once per name) and return false. In CI: throw. */
export function missing(what: string, ci = IN_CI): false {
  if (ci) throw new Error(`${what} is missing. CI runs every test: install it (see .ci/run) or provide the file.`);
  if (!seen.has(what)) console.warn(`\n⚠  ${what} is missing: the tests that need it are SKIPPED here (in CI they fail).\n`);
  seen.set(what, false);
  return false;
}

const tools = new Map<Tool, boolean>();
/** Whether the tool runs here. Probed once per test file; a missing tool warns (outside CI) or throws (in CI). */
export function hasTool(tool: Tool): boolean {
  let ok = tools.get(tool);
  if (ok === undefined) {
    const [cmd, args] = PROBES[tool]();
    ok = spawnSync(cmd, args, { encoding: 'utf8', timeout: 60_000 }).status === 0;
    tools.set(tool, ok);
    if (!ok) missing(`the tool "${tool}"`);
  }
  return ok;
}

/**
 * Absolute path of a file under ../shared (e.g. 'cbam/official/QReport_17.03.xsd') when it exists; undefined when
 * it does not (outside CI, with a warning; in CI this throws).
 */
export function sharedFile(rel: string): string | undefined {
  const p = join(SHARED_DIR, rel);
  if (existsSync(p)) return p;
  missing(`the shared file ../shared/${rel}`);
  return undefined;
}
