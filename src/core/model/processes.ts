/**
 * Cross-reference checks of a dataset's production processes (format version 2), what the schema cannot say:
 * ids unique, every line's and every flow's process exists, no cycle in the flows between processes, the limits of the
 * Commission's communication template (10 production processes, 100 products, 20 purchased precursors: IR (EU)
 * 2025/2547 communication template, sheets A and E), production and flows in masses, each product's CN code a good of
 * its process's aggregated goods category, and every installation line assigned to its process.
 * Pure: one Problem per fault, a translatable message naming the field and the line or process.
 */
import { msg } from '../i18n/message';
import { definitivePack } from '../cbam/packs';
import { matchCn, printCn } from '../cbam/screen';
import type { CbamPack } from '../cbam/pack-schema';
import type { Dataset } from './dataset';
import type { Problem } from './problems';
import { dimensionOf, type Unit } from './units';
import { round } from '../num';
import { qualifyingParamLabel } from './qualifying';

/** The template's limits (communication template for installations, sheets A 5, D and E). */
export const TEMPLATE_LIMITS = { processes: 10, products: 100, purchasedPrecursors: 20 } as const;

export interface ProcessCheckOptions {
  /** Pack whose CN list and categories the products are checked against (default: the EU definitive pack). */
  pack?: CbamPack;
}

/** Lines that are purchased precursors of the installation (one template row each, PP1..PP20). */
export const isPurchasedPrecursorLine = (l: Dataset['inventory'][number]): boolean => l.category === 'precursor-material' && !!l.precursor;

/** The cycle through the flows between processes, as a list of ids (first = last), or undefined. */
export function flowCycle(processes: NonNullable<Dataset['processes']>): string[] | undefined {
  const ids = new Set(processes.map((p) => p.id));
  const from = new Map(processes.map((p) => [p.id, p.inputs.map((i) => i.fromProcess).filter((f) => ids.has(f) && f !== p.id)]));
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const visit = (id: string): string[] | undefined => {
    if (state.get(id) === 2) return undefined;
    if (state.get(id) === 1) return [...stack.slice(stack.indexOf(id)), id];
    state.set(id, 1);
    stack.push(id);
    for (const f of from.get(id) ?? []) {
      const c = visit(f);
      if (c) return c;
    }
    stack.pop();
    state.set(id, 2);
    return undefined;
  };
  for (const p of processes) {
    const c = visit(p.id);
    if (c) return c.reverse();
  }
  return undefined;
}

/**
 * Percentages and shares among a product's qualifying parameters ("…Pct", "…Share") are fractions, as the template
 * expects them (its example: % Mn 0.1395 = 13.95 %); a value above 1 is most likely given in per cent: a warning.
 */
function qualifyingPercent(pr: NonNullable<Dataset['processes']>[number]['products'][number], process: string, at: (string | number)[], out: Problem[]): void {
  for (const [name, value] of Object.entries(pr.qualifying ?? {}))
    if (/(Pct|Share)$/.test(name) && typeof value === 'number' && value > 1)
      out.push({
        severity: 'warning',
        path: [...at, name],
        message: msg('core:processes.qualifyingPercent', { product: pr.id, process, name: qualifyingParamLabel(name), value, fraction: round(value / 100, 9) }),
      });
}

function processShape(ds: Dataset, pack: CbamPack, out: Problem[]): void {
  const procs = ds.processes ?? [];
  const seen = new Map<string, number>();
  const products = new Map<string, string>();
  const installations = new Set(ds.installations.map((i) => i.id));
  const categories = new Map(pack.categories.map((c) => [c.id as string, c]));
  procs.forEach((p, i) => {
    const at = (...rest: (string | number)[]) => ['processes', i, ...rest];
    const first = seen.get(p.id);
    if (first !== undefined)
      out.push({ severity: 'error', path: at('id'), message: msg('core:processes.duplicateProcess', { id: p.id, first: first + 1, row: i + 1 }) });
    else seen.set(p.id, i);
    if (dimensionOf(p.production.unit as Unit) !== 'mass')
      out.push({
        severity: 'error',
        path: at('production', 'unit'),
        message: msg('core:processes.productionNotMass', { process: p.id, unit: p.production.unit }),
      });
    if (p.installationId !== undefined && !installations.has(p.installationId))
      out.push({ severity: 'error', path: at('installationId'), message: msg('core:processes.unknownInstallation', { process: p.id, id: p.installationId }) });
    const cat = p.category === undefined ? undefined : categories.get(p.category);
    if (p.category !== undefined && !cat)
      out.push({
        severity: 'error',
        path: at('category'),
        message: msg('core:processes.unknownCategory', { process: p.id, value: p.category, allowed: [...categories.keys()].join(', ') }),
      });
    if (cat && p.route !== undefined && !cat.routes.includes(p.route))
      out.push({
        severity: 'error',
        path: at('route'),
        message: msg('core:processes.unknownRoute', { process: p.id, value: p.route, allowed: cat.routes.join(', ') }),
      });
    p.products.forEach((pr, j) => {
      const other = products.get(pr.id);
      if (other !== undefined)
        out.push({
          severity: 'error',
          path: at('products', j, 'id'),
          message: msg('core:processes.duplicateProduct', { id: pr.id, process: p.id, first: other }),
        });
      else products.set(pr.id, p.id);
      qualifyingPercent(pr, p.id, at('products', j, 'qualifying'), out);
      if (!cat) return;
      const hit = matchCn(pack, pr.cnCode.slice(0, 8));
      if (hit?.category !== cat.id)
        out.push({
          severity: 'error',
          path: at('products', j, 'cnCode'),
          message: msg(hit ? 'core:processes.productOtherCategory' : 'core:processes.productNotCbam', {
            product: pr.id,
            process: p.id,
            cn: printCn(pr.cnCode),
            category: `$t:cbam:categories.${cat.id}`,
            ...(hit ? { found: `$t:cbam:categories.${hit.category}` } : {}),
          }),
        });
    });
    p.inputs.forEach((f, j) => {
      if (f.fromProcess === p.id)
        out.push({ severity: 'error', path: at('inputs', j, 'fromProcess'), message: msg('core:processes.selfInput', { process: p.id }) });
      else if (!procs.some((q) => q.id === f.fromProcess))
        out.push({
          severity: 'error',
          path: at('inputs', j, 'fromProcess'),
          message: msg('core:processes.unknownFromProcess', { process: p.id, id: f.fromProcess, allowed: procs.map((q) => q.id).join(', ') }),
        });
    });
  });
  const cycle = flowCycle(procs);
  if (cycle) out.push({ severity: 'error', path: ['processes'], message: msg('core:processes.cycle', { cycle: cycle.join(' → ') }) });
  const nProducts = procs.reduce((s, p) => s + p.products.length, 0);
  if (procs.length > TEMPLATE_LIMITS.processes)
    out.push({
      severity: 'error',
      path: ['processes'],
      message: msg('core:processes.tooManyProcesses', { count: procs.length, max: TEMPLATE_LIMITS.processes }),
    });
  if (nProducts > TEMPLATE_LIMITS.products)
    out.push({ severity: 'error', path: ['processes'], message: msg('core:processes.tooManyProducts', { count: nProducts, max: TEMPLATE_LIMITS.products }) });
}

/** Cross-reference problems of the dataset's processes and the lines' processes (none for a dataset without processes and lines naming none). */
export function processProblems(ds: Dataset, opts: ProcessCheckOptions = {}): Problem[] {
  const out: Problem[] = [];
  const procs = ds.processes;
  const named = ds.inventory.some((l) => l.processId !== undefined);
  if (!procs && !named) return out;
  const pack = opts.pack ?? definitivePack();
  if (procs) processShape(ds, pack, out);
  const ids = new Set((procs ?? []).map((p) => p.id));
  let purchased = 0;
  ds.inventory.forEach((l, i) => {
    const line = { id: l.id, row: i + 1 };
    if (isPurchasedPrecursorLine(l)) purchased++;
    if (l.processId !== undefined && !ids.has(l.processId))
      out.push({
        severity: 'error',
        path: ['inventory', i, 'processId'],
        line,
        message: procs
          ? msg('core:processes.unknownProcess', { line: l.id, id: l.processId, allowed: [...ids].join(', ') })
          : msg('core:processes.noProcesses', { line: l.id, id: l.processId }),
      });
    else if (procs && l.processId === undefined && l.location === 'installation')
      out.push({
        severity: 'error',
        path: ['inventory', i, 'processId'],
        line,
        message: msg('core:processes.lineWithoutProcess', { line: l.id, row: i + 1, allowed: [...ids].join(', ') }),
      });
    else if (procs && l.processId === undefined && isPurchasedPrecursorLine(l))
      out.push({
        severity: 'error',
        path: ['inventory', i, 'processId'],
        line,
        message: msg('core:processes.precursorWithoutProcess', { line: l.id, row: i + 1, allowed: [...ids].join(', ') }),
      });
  });
  if (procs && purchased > TEMPLATE_LIMITS.purchasedPrecursors)
    out.push({
      severity: 'error',
      path: ['inventory'],
      message: msg('core:processes.tooManyPrecursors', { count: purchased, max: TEMPLATE_LIMITS.purchasedPrecursors }),
    });
  return out;
}
