/**
 * `--rules DIR`: rule packs found in a folder replace the built-in pack of the same id or add new ones, for this run.
 * A pack is a sub-folder with a pack.json (its `parts` name the other files of the folder), or a single pack file
 * (*.json) directly in DIR. A broken pack is refused with the field named, and nothing is installed.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Message } from '../core/i18n/message';
import { translateMessage } from '../core/i18n/translate';
import { installCbamPacks, uninstallCbamPacks } from '../core/cbam/packs';
import { assembleCbamPack, parseUserPack } from '../core/cbam/pack-files';
import { CbamPackError, type CbamPack } from '../core/cbam/pack-schema';
import { EXIT, printJson, type CommandContext } from './command';

export const RULES_OPTION = { rules: { type: 'string' } } as const;

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

/** Reads every pack of the folder; the first broken one stops it with its message. */
export function readRulesDir(dir: string): { ok: true; packs: CbamPack[] } | { ok: false; error: Message } {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (e) {
    return { ok: false, error: { key: 'cbampacks:errors.rulesDir', params: { dir, detail: (e as Error).message } } };
  }
  const packs: CbamPack[] = [];
  for (const name of names) {
    const path = join(dir, name);
    let raw: unknown;
    try {
      if (statSync(path).isDirectory()) {
        if (!existsSync(join(path, 'pack.json'))) continue;
        const meta = readJson(join(path, 'pack.json')) as Record<string, unknown>;
        if (meta.kind !== 'definitive' && meta.kind !== 'transitional' && meta.kind !== 'rate') continue;
        raw = assembleCbamPack(meta, (file) => (existsSync(join(path, file)) ? readJson(join(path, file)) : undefined));
      } else if (name.endsWith('.json') && name !== 'manifest.json') {
        raw = readJson(path);
        if (!raw || typeof raw !== 'object' || !('kind' in raw) || !('rules' in raw || 'scheme' in raw)) continue;
      } else continue;
    } catch (e) {
      if (e instanceof CbamPackError) return { ok: false, error: e.detail };
      return { ok: false, error: { key: 'cbampacks:errors.packNotJson', params: { file: path, detail: (e as Error).message } } };
    }
    const r = parseUserPack(raw, path);
    if (!r.ok) return r;
    packs.push(r.pack);
  }
  if (!packs.length) return { ok: false, error: { key: 'cbampacks:errors.rulesDirEmpty', params: { dir } } };
  return { ok: true, packs };
}

/** Applies --rules when given: installs the folder's packs, or prints the refusal and returns the exit code. */
export function applyRulesOption(ctx: CommandContext): number | null {
  const dir = ctx.options.rules;
  uninstallCbamPacks();
  if (typeof dir !== 'string' || !dir.trim()) return null;
  const r = readRulesDir(dir);
  if (r.ok) {
    installCbamPacks(r.packs);
    return null;
  }
  if (ctx.json) printJson(ctx.io, { ok: false, errors: [{ ...r.error, text: translateMessage(ctx.t, r.error) }] });
  else ctx.io.stderr(`${translateMessage(ctx.t, r.error)}\n`);
  return EXIT.UNUSABLE;
}
