/** Units of an emission factor or of a measured amount, as written in a cell or a bracketed header title. */
import { MASS_UNITS, parseUnit, type Unit } from '../model/units';
import { listCode } from './values';

export interface FactorUnit {
  massUnit?: string;
  gas?: string;
  perUnit?: Unit;
}

/** "kgCO2e/kWh", "t CO2 / t", "吨CO2/吨", "kg/t" → parts (undefined where not given). */
export function parseFactorUnit(s: string): FactorUnit | undefined {
  const t = s.trim().replace(/[₂]/g, '2').replace(/\s+/g, ' ');
  const [num, den, ...rest] = t.split(/\s*[/／]\s*|\s+per\s+|\s*每\s*/i);
  if (rest.length || num === undefined) return undefined;
  const m = /^(kg|g|t|tonnes?|tons?|千克|公斤|克|吨)\s*(.*)$/i.exec(num.trim());
  if (!m) return undefined;
  const mass = parseUnit(m[1]!);
  if (!mass || !(MASS_UNITS as readonly string[]).includes(mass)) return undefined;
  const gasText = m[2]!.trim();
  const gas = gasText ? listCode('gas', gasText) : undefined;
  if (gasText && !gas) return undefined;
  const out: FactorUnit = { massUnit: mass };
  if (gas) out.gas = gas;
  if (den !== undefined) {
    const u = parseUnit(den);
    if (!u) return undefined;
    out.perUnit = u;
  }
  return out;
}
