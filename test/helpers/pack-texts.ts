/** The texts of the rule data that reach users: every string of every JSON file under a folder, with its path. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Fields of the rule data that are not shown: provenance, identifiers, function names, message keys, file links. */
export const NOT_SHOWN = /(^|\.)(dataVersion|dataFile|id|fn|kind|format|messageKey|otherwiseMessageKey|parts|dir|files|url)(\.|\[|$)/;

/** Every string of a JSON value with its path (a.b[0].c). */
export function strings(v: unknown, path = ''): [string, string][] {
  if (typeof v === 'string') return [[path, v]];
  if (Array.isArray(v)) return v.flatMap((x, i) => strings(x, `${path}[${i}]`));
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => strings(x, path ? `${path}.${k}` : k));
  return [];
}

/** The JSON files below a folder. */
export function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? jsonFiles(p) : f.endsWith('.json') ? [p] : [];
  });
}
