/**
 * The crosswalk of a dataset against a reference standard: per dimension, the study's own choice (from the dataset),
 * the reference's rule (pack data with its source) and a status — same, differs or not covered. Rows whose difference
 * the engine can compute (boundary and capital goods, electricity, GWP) name the cause of the comparison they feed.
 */
import { msg, type Message } from '../i18n/message';
import type { Dataset } from '../model/dataset';
import { factorKind } from '../engine/helpers';
import type { Cause } from '../engine/compare';
import type { Library } from '../packs/registry';
import type { SourceRef } from '../packs/schema';
import type { Crosswalk, CrosswalkCell, CrosswalkFn, LocalTextAll } from './schema';

export type RowStatus = 'same' | 'differs' | 'not-covered';

export interface CrosswalkRow {
  dimension: string;
  status: RowStatus;
  study: Message;
  reference: { text: LocalTextAll; source: SourceRef } | null;
  /** The cause of the engine's comparison that re-computes this difference, when it is computable. */
  cause?: Cause;
}

const CAUSE_OF: Partial<Record<CrosswalkFn, Cause>> = { boundary: 'boundary', capitalGoods: 'boundary', electricity: 'electricity', gwp: 'gwp' };

const listT = (prefix: string, xs: Iterable<string>) => [...new Set(xs)].map((x) => `$t:${prefix}.${x}`).join(', ');

/** What the study itself chose, as a translatable message. */
export function studyChoice(fn: CrosswalkFn, dim: string, ds: Dataset, lib: Library): Message {
  const st = ds.study;
  const inv = ds.inventory;
  switch (dim) {
    case 'object':
      return msg(st.boundary === 'cradle-to-grave' ? 'partners:study.objectFull' : 'partners:study.objectPartial');
    case 'unit':
      return msg('partners:study.unit', { amount: ds.product.functionalUnit.amount, unit: ds.product.functionalUnit.unit });
    case 'offsets':
      return msg('partners:study.offsetsNone');
    default:
  }
  switch (fn) {
    case 'boundary':
      return msg('partners:study.boundary', { boundary: `$t:core:boundary.${st.boundary}` });
    case 'cutOff':
      return st.cutOff ? msg('partners:study.cutOff', { rule: `$raw:${st.cutOff.rule}`, n: st.cutOff.excluded.length }) : msg('partners:study.notStated');
    case 'capitalGoods': {
      const n = inv.filter((l) => l.category === 'capital-goods').length;
      return n ? msg('partners:study.capitalGoodsIncluded', { n }) : msg('partners:study.capitalGoodsNone');
    }
    case 'allocation':
      return msg('partners:study.allocation', { method: `$t:core:allocation.${st.allocation.method}` });
    case 'electricity': {
      const el = inv.filter((l) => l.category === 'electricity');
      if (!el.length) return msg('partners:study.noElectricity');
      const kinds = el.map((l) => factorKind(lib, l.electricity?.factorId ?? l.emissions.source?.factorId));
      return msg('partners:study.electricity', {
        sources: listT(
          'core:electricitySource',
          el.map((l) => l.electricity?.source ?? 'national-grid'),
        ),
        kinds: listT('core:factorKind', kinds),
      });
    }
    case 'biogenic': {
      const n = inv.filter((l) => (l.emissions.gases.CO2_biogenic ?? 0) > 0).length;
      return n ? msg('partners:study.biogenicLines', { n }) : msg('partners:study.biogenicNone');
    }
    case 'gwp':
      return msg('partners:study.gwp', { set: st.gwpSet });
    case 'dataQuality':
      return msg('partners:study.dataQuality', {
        rated: inv.filter((l) => l.dataQuality).length,
        primary: inv.filter((l) => l.dataType === 'primary').length,
        total: inv.length,
      });
    case 'verification':
      return st.verifier
        ? msg('partners:study.verifier', { name: `$raw:${st.verifier.name}`, accreditation: `$raw:${st.verifier.accreditation ?? '—'}` })
        : msg('partners:study.noVerifier');
    default:
      return msg('partners:study.notInDataset');
  }
}

const staticStatus = (r: CrosswalkCell, s: CrosswalkCell | undefined): RowStatus =>
  r.text.en === s?.text.en || (r.relation === 'same' && s?.relation === 'same') ? 'same' : 'differs';

/** Same / differs / not covered, from the dataset and the reference's rule (and the study standard's rule for static rows). */
export function rowStatus(fn: CrosswalkFn, r: CrosswalkCell | undefined, s: CrosswalkCell | undefined, ds: Dataset, lib: Library): RowStatus {
  if (!r) return 'not-covered';
  const inv = ds.inventory;
  switch (fn) {
    case 'static':
    case 'biogenic':
      return staticStatus(r, s);
    case 'cutOff':
      return ds.study.cutOff ? staticStatus(r, s) : 'not-covered';
    case 'dataQuality':
      return inv.some((l) => l.dataQuality) ? staticStatus(r, s) : 'not-covered';
    case 'boundary':
      return r.values?.includes(ds.study.boundary) ? 'same' : 'differs';
    case 'allocation':
      return r.values?.includes(ds.study.allocation.method) ? 'same' : 'differs';
    case 'capitalGoods':
      return r.included === 'excluded' && inv.some((l) => l.category === 'capital-goods') ? 'differs' : 'same';
    case 'gwp':
      return r.value === ds.study.gwpSet ? 'same' : 'differs';
    case 'verification':
      return ds.study.verifier ? 'same' : r.required ? 'differs' : 'not-covered';
    case 'electricity': {
      const el = inv.filter((l) => l.category === 'electricity');
      if (!el.length) return 'not-covered';
      if (r.sources && el.some((l) => !r.sources!.includes(l.electricity?.source ?? 'national-grid'))) return 'differs';
      if (r.lifeCycle && el.some((l) => factorKind(lib, l.electricity?.factorId ?? l.emissions.source?.factorId) !== 'life-cycle')) return 'differs';
      return 'same';
    }
    default:
      return 'not-covered';
  }
}

/** Every dimension of the crosswalk for a dataset made to `studyStd`, against `refStd` (crosswalk column ids). */
export function crosswalkRows(cw: Crosswalk, ds: Dataset, studyStd: string, refStd: string, lib: Library): CrosswalkRow[] {
  return cw.dimensions.map((d) => {
    const r = d.cells[refStd];
    const row: CrosswalkRow = {
      dimension: d.id,
      status: rowStatus(d.fn, r, d.cells[studyStd], ds, lib),
      study: studyChoice(d.fn, d.id, ds, lib),
      reference: r ? { text: r.text, source: r.source } : null,
    };
    const cause = CAUSE_OF[d.fn];
    if (cause) row.cause = cause;
    return row;
  });
}
