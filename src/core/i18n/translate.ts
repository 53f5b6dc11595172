/**
 * Turns core messages into text with any i18next-compatible `t`. Parameters written as `$t:ns:key`
 * are translated first (field names, stage names …); `$raw:text` is shown as is. Problems are
 * prefixed with where they are: the inventory line (id and row) or the field.
 */
import type { Problem } from '../model/problems';
import { fieldLabel } from '../model/validate';
import type { Message } from './message';

export type TFunction = (key: string, options?: Record<string, unknown>) => string;

export function resolveParam(t: TFunction, v: string | number): string | number {
  if (typeof v !== 'string') return v;
  // a list of parameters ("$t:a, $t:b") is translated item by item (before the single-key case, which would
  // otherwise look up the whole list as one key and show it raw)
  if (v.includes(', ') && v.includes('$t:'))
    return v
      .split(', ')
      .map((p) => resolveParam(t, p))
      .join(', ');
  if (v.startsWith('$t:')) return t(v.slice(3));
  if (v.startsWith('$raw:')) return v.slice(5);
  if (v.includes('$t:'))
    return v
      .split(', ')
      .map((p) => resolveParam(t, p))
      .join(', ');
  return v;
}

export function translateMessage(t: TFunction, m: Message): string {
  const params: Record<string, unknown> = { interpolation: { escapeValue: false } };
  for (const [k, v] of Object.entries(m.params ?? {})) params[k] = resolveParam(t, v);
  return t(m.key, params);
}

/** Where a problem is, in words: "Line “E-03” (row 3)", or the field path. */
export function problemLocation(t: TFunction, p: Problem): string {
  if (p.line) {
    return p.line.id
      ? t('core:where.line', { id: p.line.id, row: p.line.row, interpolation: { escapeValue: false } })
      : t('core:where.row', { row: p.line.row });
  }
  if (p.path.length === 0) return t('core:where.file');
  return t('core:where.field', { field: resolveParam(t, fieldLabel(p.path)), interpolation: { escapeValue: false } });
}

export function translateProblem(t: TFunction, p: Problem): string {
  return `${problemLocation(t, p)}${t('core:where.sep', { interpolation: { escapeValue: false } })}${translateMessage(t, p.message)}`;
}
