/**
 * Stage 2 — the boundary: which inventory lines count for the good and as what (installation direct emissions,
 * electricity consumed, measurable heat imported, relevant precursors), and which are dropped, each with the reason
 * and the legal reference of the pack (drop rules of the pack first, then the system boundary of the category).
 */
import { msg, type Message } from '../../i18n/message';
import type { Dataset, InventoryLine } from '../../model/dataset';
import type { Gas } from '../../model/gases';
import { convert as convertUnit, dimensionOf, type Unit } from '../../model/units';
import type { LegalRef } from '../../figure';
import type { Category, CategoryId, CbamPack } from '../pack-schema';
import { dropDecision } from '../rules/drops';
import { matchCn, printCn } from '../screen';
import type { Findings } from './findings';
import { studyCo2e } from './lines';
import type { DroppedLine } from './types';

export interface Placed {
  l: InventoryLine;
  row: number;
}

export interface Boundary {
  direct: Placed[];
  electricity: Array<Placed & { mwh: number }>;
  heat: Array<Placed & { tj: number }>;
  precursors: Array<Placed & { cat: CategoryId }>;
  dropped: DroppedLine[];
}

/** Categories that are direct emissions when the line is at the installation. */
export const DIRECT_CATEGORIES = new Set<InventoryLine['category']>(['fuel-combustion', 'process-emission', 'other']);

type Decision =
  | { kind: 'drop'; reason: Message; legalRef: LegalRef }
  | { kind: 'precursor'; cat: CategoryId }
  | { kind: 'electricity' }
  | { kind: 'heat' }
  | { kind: 'direct' };

/** Where one line goes, by the pack's drop rules and the category's boundary (no unit checks). */
export function placeLine(pack: CbamPack, cat: Category, l: InventoryLine): Decision {
  const d = dropDecision(pack.rules.drops, l);
  if (d) return { kind: 'drop', reason: msg(d.messageKey, { line: l.id }), legalRef: d.ref };
  const boundary = pack.rules.refs.boundary;
  if (l.category === 'precursor-material') {
    if (!l.precursor) return { kind: 'drop', reason: msg('cbamconvert:drop.materialNotPrecursor', { line: l.id }), legalRef: boundary };
    const cn8 = l.precursor.cnCode.slice(0, 8);
    const pc = matchCn(pack, cn8);
    if (!pc) return { kind: 'drop', reason: msg('cbamconvert:drop.materialNotCbamGood', { line: l.id, cn: printCn(cn8) }), legalRef: boundary };
    if (!cat.precursors.includes(pc.category))
      return {
        kind: 'drop',
        reason: msg('cbamconvert:drop.notRelevantPrecursor', {
          line: l.id,
          cn: printCn(cn8),
          precursor: `$t:cbam:categories.${pc.category}`,
          category: `$t:cbam:categories.${cat.id}`,
        }),
        legalRef: boundary,
      };
    return { kind: 'precursor', cat: pc.category };
  }
  if (l.category === 'electricity') return { kind: 'electricity' };
  if (l.category === 'purchased-heat-steam') return { kind: 'heat' };
  if (!DIRECT_CATEGORIES.has(l.category) || l.location !== 'installation')
    return { kind: 'drop', reason: msg('cbamconvert:drop.outsideInstallation', { line: l.id }), legalRef: boundary };
  return { kind: 'direct' };
}

/** Every line of the inventory placed; electricity and heat in energy units (else an error naming the line). */
export function classifyLines(pack: CbamPack, cat: Category, dataset: Dataset, studyGwps: Partial<Record<Gas, number>>, findings: Findings): Boundary {
  const out: Boundary = { direct: [], electricity: [], heat: [], precursors: [], dropped: [] };
  dataset.inventory.forEach((l, i) => {
    const row = i + 1;
    const d = placeLine(pack, cat, l);
    const energy = dimensionOf(l.activity.unit as Unit) === 'energy';
    switch (d.kind) {
      case 'drop':
        out.dropped.push({
          id: l.id,
          row,
          description: l.description,
          stage: l.stage,
          category: l.category,
          location: l.location,
          reason: d.reason,
          legalRef: d.legalRef,
          pcfCo2e: studyCo2e(l, studyGwps),
        });
        return;
      case 'precursor':
        out.precursors.push({ l, row, cat: d.cat });
        return;
      case 'electricity':
        if (!energy) findings.add('error', msg('cbamconvert:errors.electricityUnit', { line: l.id, unit: l.activity.unit }), row, l.id);
        else out.electricity.push({ l, row, mwh: convertUnit(l.activity.amount, l.activity.unit as Unit, 'MWh') });
        return;
      case 'heat':
        if (!energy) findings.add('error', msg('cbamconvert:errors.heatUnit', { line: l.id, unit: l.activity.unit }), row, l.id);
        else out.heat.push({ l, row, tj: convertUnit(l.activity.amount, l.activity.unit as Unit, 'TJ') });
        return;
      default:
        out.direct.push({ l, row });
    }
  });
  return out;
}
