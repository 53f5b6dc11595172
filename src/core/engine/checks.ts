/**
 * Table-driven checks. A pack lists checks as data ({id, fn, severity, messageKey, legalRef, options});
 * each `fn` names one of the pure functions below, which returns the places where the check fires.
 * The engine turns every hit into a finding with the pack's severity, message key and legal reference.
 */
import type { Problem } from '../model/problems';
import { round } from '../num';
import type { CheckDef, CheckFunctionName, SourceRef } from '../packs/schema';
import { BOUNDARY_STAGES, factorKind, selectFactor } from './helpers';
import type { CheckContext, CheckHit } from './types';

export type CheckFunction = (ctx: CheckContext, options: Record<string, unknown>) => CheckHit[];

const num = (v: unknown, dflt: number): number => (typeof v === 'number' && Number.isFinite(v) ? v : dflt);
const lineRef = (ctx: CheckContext, i: number) => ({ id: ctx.dataset.inventory[i]!.id, row: i + 1 });

function monthsBetween(start: string, end: string): number {
  const [ys, ms, ds] = start.split('-').map(Number) as [number, number, number];
  const [ye, me, de] = end.split('-').map(Number) as [number, number, number];
  // inclusive period: 2024-01-01..2024-12-31 is 12 months
  return (ye - ys) * 12 + (me - ms) + (de + 1 - ds) / 30.4375;
}

export const CHECKS: Record<CheckFunctionName, CheckFunction> = {
  reconcileReportedTotal(ctx, o) {
    const r = ctx.result.reconciliation;
    if (!r) return [];
    const tol = num(o.tolerancePct, 1);
    const off = r.reportedKg === 0 ? r.recomputedKg !== 0 : Math.abs(r.differenceKg) > (Math.abs(r.reportedKg) * tol) / 100;
    return off
      ? [
          {
            path: ['study', 'reported', 'total'],
            params: {
              reported: round(r.reportedKg, 3),
              recomputed: round(r.recomputedKg, 3),
              difference: round(r.differenceKg, 3),
              pct: r.differencePct ?? '—',
              tolerance: tol,
              gwpSet: r.gwpSet,
            },
          },
        ]
      : [];
  },
  reconcileReportedStages(ctx, o) {
    const r = ctx.result.reconciliation;
    if (!r) return [];
    const tol = num(o.tolerancePct, 1);
    const hits: CheckHit[] = [];
    for (const [stage, s] of Object.entries(r.perStage)) {
      if (!s) continue;
      const off = s.reportedKg === 0 ? s.recomputedKg !== 0 : Math.abs(s.differenceKg) > (Math.abs(s.reportedKg) * tol) / 100;
      if (off)
        hits.push({
          path: ['study', 'reported', 'perStage', stage],
          params: {
            stage: `$t:core:stage.${stage}`,
            reported: round(s.reportedKg, 3),
            recomputed: round(s.recomputedKg, 3),
            difference: round(s.differenceKg, 3),
            tolerance: tol,
          },
        });
    }
    return hits;
  },
  boundaryAllowed(ctx) {
    return ctx.pack.boundaries.allowed.includes(ctx.dataset.study.boundary)
      ? []
      : [{ path: ['study', 'boundary'], params: { boundary: `$t:core:boundary.${ctx.dataset.study.boundary}` } }];
  },
  stageOutsideBoundary(ctx) {
    const inside = BOUNDARY_STAGES[ctx.dataset.study.boundary];
    const hits: CheckHit[] = [];
    ctx.dataset.inventory.forEach((l, i) => {
      if (!inside.includes(l.stage))
        hits.push({
          path: ['inventory', i, 'stage'],
          line: lineRef(ctx, i),
          params: { stage: `$t:core:stage.${l.stage}`, boundary: `$t:core:boundary.${ctx.dataset.study.boundary}` },
        });
    });
    return hits;
  },
  primaryDataAtInstallation(ctx) {
    const hits: CheckHit[] = [];
    ctx.dataset.inventory.forEach((l, i) => {
      if (l.location === 'installation' && l.dataType !== 'primary') hits.push({ path: ['inventory', i, 'dataType'], line: lineRef(ctx, i) });
    });
    return hits;
  },
  factorSourceRepresentativeness(ctx) {
    const hits: CheckHit[] = [];
    ctx.dataset.inventory.forEach((l, i) => {
      if (l.emissions.kind !== 'factors') return;
      const s = l.emissions.source;
      const missing = [s.year === undefined ? 'year' : '', !s.geography ? 'geography' : ''].filter(Boolean);
      if (missing.length)
        hits.push({
          path: ['inventory', i, 'emissions', 'source'],
          line: lineRef(ctx, i),
          params: { missing: missing.map((m) => `$t:core:field.emissions.source.${m}`).join(', ') },
        });
    });
    return hits;
  },
  dataQualityRated(ctx) {
    const unrated = ctx.dataset.inventory.filter((l) => !l.dataQuality).length;
    return unrated > 0 ? [{ path: ['inventory'], params: { count: unrated, total: ctx.dataset.inventory.length } }] : [];
  },
  gwpSetDiffers(ctx) {
    const from = ctx.dataset.study.gwpSet;
    const to = ctx.pack.gwpSet.id;
    return from !== to ? [{ path: ['study', 'gwpSet'], params: { from, to } }] : [];
  },
  aggregatedCo2e(ctx) {
    // one finding for all such lines: it is a note about the method, not a fault of each line
    const ids: string[] = [];
    let count = 0;
    ctx.dataset.inventory.forEach((l) => {
      if (l.emissions.gases.CO2e !== undefined) {
        count++;
        if (ids.length < 10) ids.push(l.id);
      }
    });
    return count ? [{ path: ['inventory'], params: { count, lines: ids.join(', ') + (count > ids.length ? ', …' : '') } }] : [];
  },
  periodLength(ctx, o) {
    const min = num(o.minMonths, 12);
    const months = monthsBetween(ctx.dataset.period.start, ctx.dataset.period.end);
    return months + 0.05 < min ? [{ path: ['period'], params: { months: Math.round(months * 10) / 10, min } }] : [];
  },
  cutOffDocumented(ctx) {
    const c = ctx.dataset.study.cutOff;
    return !c || c.rule.trim() === '' ? [{ path: ['study', 'cutOff'] }] : [];
  },
  allocationHierarchy(ctx) {
    const m = ctx.dataset.study.allocation.method;
    return m === 'economic' || m === 'other' ? [{ path: ['study', 'allocation', 'method'], params: { method: `$t:core:allocation.${m}` } }] : [];
  },
  verifierPresent(ctx) {
    return ctx.dataset.study.verifier ? [] : [{ path: ['study', 'verifier'] }];
  },
  electricityFactorKind(ctx, o) {
    const expected = String(o.expected ?? 'life-cycle');
    const cmp = o.compareWith as { scope: string; kind: string } | undefined;
    const endYear = Number(ctx.dataset.period.end.slice(0, 4));
    const alt = cmp ? selectFactor(ctx.lib, { ...cmp, year: 'latest-not-after-period' }, endYear) : undefined;
    const hits: CheckHit[] = [];
    ctx.dataset.inventory.forEach((l, i) => {
      if (l.category !== 'electricity' || !l.electricity) return;
      if (!['national-grid', 'regional-grid', 'provincial-grid'].includes(l.electricity.source)) return;
      const kind = factorKind(ctx.lib, l.electricity.factorId ?? l.emissions.source?.factorId);
      if (kind !== 'unknown' && kind !== expected)
        hits.push({
          path: ['inventory', i, 'electricity', 'factorId'],
          line: lineRef(ctx, i),
          params: {
            factorId: l.electricity.factorId ?? '',
            kind: `$t:core:factorKind.${kind}`,
            alternative: alt ? `${alt.id} = ${alt.value} ${alt.unit}` : '—',
          },
        });
    });
    return hits;
  },
};

export const legalRefText = (r: SourceRef): string => [r.act, r.clause].filter(Boolean).join(', ');

export function runCheck(def: CheckDef, ctx: CheckContext): Problem[] {
  const fn = CHECKS[def.fn];
  return fn(ctx, def.options ?? {}).map((h) => {
    const p: Problem = {
      severity: def.severity,
      message: { key: def.messageKey, params: h.params ?? {} },
      path: h.path ?? [],
      checkId: def.id,
      legalRef: legalRefText(def.legalRef),
    };
    if (h.line) p.line = h.line;
    return p;
  });
}

export function runChecks(ctx: CheckContext): Problem[] {
  return ctx.pack.checks.flatMap((c) => runCheck(c, ctx));
}
