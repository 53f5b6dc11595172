/**
 * Qualifying parameters of a product (dataset format v2, `processes[].products[].qualifying`): the names the
 * communication template's Summary_Products columns stand for, and how problems name a parameter. A problem says the
 * parameter in the reader's language (`qualifying:param.<name>`); a name that is not one of these (a column letter,
 * a name of the user's own) is shown as typed. The field path stays the problem's `path` (its location), never the
 * message.
 */
import type { z } from 'zod';
import { msg } from '../i18n/message';
import type { Problem } from './problems';

/** Names of qualifying parameters with a label in every language (names as in docs/dataset-format.md). */
export const QUALIFYING_PARAMS = [
  'reducingAgent',
  'steelMillId',
  'mnPct',
  'crPct',
  'niPct',
  'alloyPct',
  'otherAlloysPct',
  'carbonPct',
  'scrapShare',
  'otherMaterialsPct',
  'preConsumerScrapPct',
  'nonAluminiumPct',
  'clinkerShare',
  'clinkerFactor',
  'calcined',
  'concentrationPct',
  'nitricAcidPct',
  'ureaPct',
  'nPct',
  'nAmmoniumPct',
  'nNitratePct',
  'nUreaPct',
  'nOtherPct',
] as const;
export type QualifyingParam = (typeof QUALIFYING_PARAMS)[number];

/**
 * Other names saved datasets may hold for a parameter (the editor once suggested `nonAlPct`): read as the parameter
 * itself, so a value entered under either name reaches the template; new entries use the name of QUALIFYING_PARAMS.
 */
export const QUALIFYING_ALIASES: Readonly<Record<string, QualifyingParam>> = { nonAlPct: 'nonAluminiumPct' };

/** The parameter a name stands for (an alias read as its parameter); any other name unchanged. */
export const qualifyingParamOf = (name: string): string => QUALIFYING_ALIASES[name] ?? name;

const KNOWN = new Set<string>([...QUALIFYING_PARAMS, ...Object.keys(QUALIFYING_ALIASES)]);

/** The parameter as a message parameter: its label in the reader's language, or the name as typed. */
export const qualifyingParamLabel = (name: string): string => (KNOWN.has(name) ? `$t:qualifying:param.${name}` : `$raw:${name}`);

/** The parameter's name when the path is a product's qualifying parameter (processes.i.products.j.qualifying.name). */
export function qualifyingParamAt(path: readonly (string | number)[]): string | undefined {
  const n = path.length;
  if (n >= 6 && path[n - 2] === 'qualifying' && path[n - 4] === 'products' && path[n - 6] === 'processes' && typeof path[n - 1] === 'string')
    return path[n - 1] as string;
  return undefined;
}

const show = (v: unknown): string => {
  const s = typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v));
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
};

/** The ids of the product and process at processes.i.products.j (from the raw input), or their row numbers. */
function owners(raw: unknown, path: readonly (string | number)[]): { product: string; process: string } {
  const i = path.length - 6;
  const pi = path[i + 1] as number;
  const pj = path[i + 3] as number;
  const procs = (raw as { processes?: unknown })?.processes;
  const proc = Array.isArray(procs) ? (procs[pi] as { id?: unknown; products?: unknown } | undefined) : undefined;
  const prods = proc?.products;
  const prod = Array.isArray(prods) ? (prods[pj] as { id?: unknown } | undefined) : undefined;
  return {
    process: typeof proc?.id === 'string' ? proc.id : String(pi + 1),
    product: typeof prod?.id === 'string' ? prod.id : String(pj + 1),
  };
}

/**
 * A schema problem of a qualifying parameter's value (neither a number nor a text), naming the product, the process
 * and the parameter in words; undefined for any other issue.
 */
export function qualifyingValueProblem(issue: z.core.$ZodIssue, path: (string | number)[], raw: unknown, line: Problem['line']): Problem | undefined {
  const name = qualifyingParamAt(path);
  if (name === undefined || (issue.code !== 'invalid_union' && issue.code !== 'invalid_type')) return undefined;
  const input = (issue as { input?: unknown }).input;
  if (input === undefined) return undefined;
  return {
    severity: 'error',
    path,
    line,
    message: msg('qualifying:errors.wrongValue', { ...owners(raw, path), name: qualifyingParamLabel(name), value: show(input) }),
  };
}
