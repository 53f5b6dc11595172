import { STAGES, type Boundary, type Dataset, type Stage } from '../model/dataset';
import { convert, type Unit } from '../model/units';
import type { Library } from '../packs/registry';
import type { ElectricityFactor } from '../packs/schema';

/** Stages inside each declared boundary. */
export const BOUNDARY_STAGES: Record<Boundary, readonly Stage[]> = {
  'cradle-to-grave': STAGES,
  'cradle-to-gate': ['raw-material-acquisition', 'production'],
  'gate-to-gate': ['production'],
};

export function basisScale(ds: Dataset): number {
  if (ds.basis.kind === 'per-functional-unit') return 1;
  const fu = ds.product.functionalUnit;
  const prod = convert(ds.basis.production.amount, ds.basis.production.unit as Unit, fu.unit as Unit);
  return fu.amount / prod;
}

const factorIndex = new WeakMap<Library, Map<string, ElectricityFactor>>();

export function factorKind(lib: Library, id: string | undefined): 'combustion-co2' | 'life-cycle' | 'unknown' {
  if (!id) return 'unknown';
  let index = factorIndex.get(lib);
  if (!index) factorIndex.set(lib, (index = new Map(lib.electricity.factors.map((f) => [f.id, f]))));
  return index.get(id)?.kind ?? 'unknown';
}

/** The published factor a pack rule asks for: by scope and kind, and a fixed year or the latest not after the period. */
export function selectFactor(
  lib: Library,
  spec: { scope: string; kind: string; year: number | 'latest-not-after-period' },
  periodEndYear: number,
): ElectricityFactor | undefined {
  const cands = lib.electricity.factors.filter((f) => f.scope === spec.scope && f.kind === spec.kind && f.status === 'published' && f.value !== null);
  if (spec.year === 'latest-not-after-period') {
    const ok = cands.filter((f) => f.year <= periodEndYear).sort((a, b) => b.year - a.year);
    return ok[0] ?? cands.sort((a, b) => a.year - b.year)[0];
  }
  return cands.find((f) => f.year === spec.year);
}
