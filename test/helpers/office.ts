/**
 * Office tools for tests: LibreOffice headless (open and save an .xlsx, optionally recalculating every formula on
 * load as Excel does) and xmllint (well-formedness of the XML parts of a zip). `hasSoffice` and `hasXmllint` come from
 * test/helpers/tools.ts: outside CI a missing tool skips the tests that need it with a visible warning; in CI it fails.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';

import { hasTool } from './tools';

export const hasSoffice = hasTool('soffice');
export const hasXmllint = hasTool('xmllint');

/** LibreOffice user profile setting: recalculate OOXML files on load, always. */
const RECALC_ON_LOAD = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/**
 * Open `bytes` in LibreOffice headless (fresh profile) and save as .xlsx. Returns the saved file, or undefined when
 * LibreOffice wrote none. `recalc`: recalculate every formula on load (as the user's Excel would before saving).
 */
export function resaveWithLibreOffice(bytes: Uint8Array, opts: { recalc: boolean; timeout: number }): Uint8Array | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'cb-lo-'));
  try {
    if (opts.recalc) {
      mkdirSync(join(dir, 'profile', 'user'), { recursive: true });
      writeFileSync(join(dir, 'profile', 'user', 'registrymodifications.xcu'), RECALC_ON_LOAD);
    }
    const inFile = join(dir, 'in.xlsx');
    writeFileSync(inFile, bytes);
    mkdirSync(join(dir, 'out'));
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', 'xlsx', '--outdir', join(dir, 'out'), inFile],
      { stdio: 'pipe', timeout: opts.timeout },
    );
    const outFile = join(dir, 'out', 'in.xlsx');
    return existsSync(outFile) ? new Uint8Array(readFileSync(outFile)) : undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Names of the given zip parts that xmllint does not accept as well-formed XML (empty when all are). */
export function malformedXmlParts(files: Record<string, Uint8Array>, names: string[] = Object.keys(files)): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'cb-xml-'));
  try {
    return names.filter((name) => {
      const p = join(dir, name.replace(/[/[\]]/g, '_'));
      writeFileSync(p, files[name]!);
      return spawnSync('xmllint', ['--noout', p]).status !== 0;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
