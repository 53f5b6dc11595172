/** Arithmetic on one inventory line, shared by the stages: gas tonnes over the dataset's basis, the study's own CO2e. */
import type { InventoryLine } from '../../model/dataset';
import type { Gas } from '../../model/gases';
import { convert as convertUnit, massToKg, type MassUnit, type Unit } from '../../model/units';
import { round } from '../../num';
import { EM_DP } from '../kernel';

/** Tonnes of each gas of a line, over the dataset's basis (its period, or one functional unit). */
export function lineGasTonnes(l: InventoryLine): Partial<Record<Gas, number>> {
  const em = l.emissions;
  const toT = massToKg(em.massUnit as MassUnit) / 1000;
  const out: Partial<Record<Gas, number>> = {};
  if (em.kind === 'factors') {
    const amount = convertUnit(l.activity.amount, l.activity.unit as Unit, em.perUnit as Unit);
    for (const g in em.gases) out[g as Gas] = amount * em.gases[g as Gas]! * toT;
  } else for (const g in em.gases) out[g as Gas] = em.gases[g as Gas]! * toT;
  return out;
}

/** What the study counted for a line with its own GWP set (tCO2e), null when a gas has no GWP in that set. */
export function studyCo2e(l: InventoryLine, gwp: Partial<Record<Gas, number>>): number | null {
  try {
    let s = 0;
    for (const [g, t] of Object.entries(lineGasTonnes(l))) {
      const v = gwp[g as Gas];
      if (v === undefined) return null;
      s += t! * v;
    }
    return round(s, EM_DP);
  } catch {
    return null;
  }
}
