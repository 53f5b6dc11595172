/**
 * Units of activity data and their conversions. Each unit belongs to one dimension and has a factor
 * to the dimension's base unit (mass: kg; energy: kWh; volume: m3 (normal cubic metres for gases);
 * transport work: t·km; count: piece). Converting between dimensions is an error the caller reports.
 */

export const UNIT_DEFS = {
  // mass, base kg
  t: { dim: 'mass', toBase: 1000 },
  kg: { dim: 'mass', toBase: 1 },
  g: { dim: 'mass', toBase: 0.001 },
  // energy, base kWh
  kWh: { dim: 'energy', toBase: 1 },
  MWh: { dim: 'energy', toBase: 1000 },
  GWh: { dim: 'energy', toBase: 1_000_000 },
  MJ: { dim: 'energy', toBase: 1 / 3.6 },
  GJ: { dim: 'energy', toBase: 1000 / 3.6 },
  TJ: { dim: 'energy', toBase: 1_000_000 / 3.6 },
  // volume, base m3 (gases in normal cubic metres, liquids in litres)
  Nm3: { dim: 'volume', toBase: 1 },
  '1000 Nm3': { dim: 'volume', toBase: 1000 },
  m3: { dim: 'volume', toBase: 1 },
  L: { dim: 'volume', toBase: 0.001 },
  // transport work, base t·km
  tkm: { dim: 'transport', toBase: 1 },
  // count
  piece: { dim: 'count', toBase: 1 },
} as const satisfies Record<string, { dim: string; toBase: number }>;

export type Unit = keyof typeof UNIT_DEFS;
export type Dimension = (typeof UNIT_DEFS)[Unit]['dim'];
export const UNITS = Object.keys(UNIT_DEFS) as Unit[];

/** Spellings users type (and spreadsheets carry) mapped to canonical units. */
const ALIASES: Record<string, Unit> = {
  tonne: 't',
  tonnes: 't',
  ton: 't',
  tons: 't',
  吨: 't',
  't/a': 't',
  طن: 't',
  千克: 'kg',
  公斤: 'kg',
  kilogram: 'kg',
  kilograms: 'kg',
  كغ: 'kg',
  克: 'g',
  gram: 'g',
  grams: 'g',
  kwh: 'kWh',
  'kw·h': 'kWh',
  'kw.h': 'kWh',
  'kw h': 'kWh',
  千瓦时: 'kWh',
  度: 'kWh',
  mwh: 'MWh',
  'mw·h': 'MWh',
  兆瓦时: 'MWh',
  gwh: 'GWh',
  mj: 'MJ',
  兆焦: 'MJ',
  gj: 'GJ',
  吉焦: 'GJ',
  tj: 'TJ',
  太焦: 'TJ',
  nm3: 'Nm3',
  'nm³': 'Nm3',
  标立方米: 'Nm3',
  标方: 'Nm3',
  '1000nm3': '1000 Nm3',
  '1000 nm3': '1000 Nm3',
  knm3: '1000 Nm3',
  千标立方米: '1000 Nm3',
  万nm3: '1000 Nm3',
  m3: 'm3',
  'm³': 'm3',
  立方米: 'm3',
  l: 'L',
  litre: 'L',
  liter: 'L',
  litres: 'L',
  liters: 'L',
  升: 'L',
  tkm: 'tkm',
  't·km': 'tkm',
  't.km': 'tkm',
  't km': 'tkm',
  't*km': 'tkm',
  吨公里: 'tkm',
  吨·公里: 'tkm',
  piece: 'piece',
  pieces: 'piece',
  pcs: 'piece',
  pc: 'piece',
  个: 'piece',
  件: 'piece',
  台: 'piece',
};

/** Canonical unit for a typed spelling, or undefined when unknown. '万Nm3' is deliberately NOT 1000 Nm3. */
export function parseUnit(raw: string): Unit | undefined {
  const s = raw.trim();
  if ((UNIT_DEFS as Record<string, unknown>)[s]) return s as Unit;
  const lower = s.toLowerCase().replace(/\s+/g, ' ');
  if (lower === '万nm3') return undefined; // 10 000 Nm3: not a unit we carry; the user must convert
  return ALIASES[lower] ?? ALIASES[lower.replace(/ /g, '')];
}

export function dimensionOf(u: Unit): Dimension {
  return UNIT_DEFS[u].dim;
}

export function compatible(a: Unit, b: Unit): boolean {
  return UNIT_DEFS[a].dim === UNIT_DEFS[b].dim;
}

/** Factor f such that amount[from] × f = amount[to]; throws when dimensions differ. */
export function conversionFactor(from: Unit, to: Unit): number {
  const a = UNIT_DEFS[from];
  const b = UNIT_DEFS[to];
  if (a.dim !== b.dim) throw new UnitMismatchError(from, to);
  return a.toBase / b.toBase;
}

export function convert(amount: number, from: Unit, to: Unit): number {
  if (from === to) return amount;
  return amount * conversionFactor(from, to);
}

export class UnitMismatchError extends Error {
  constructor(
    public readonly from: Unit,
    public readonly to: Unit,
  ) {
    super(`cannot convert ${from} to ${to}`);
  }
}

/** Units in which gas masses and emission-factor numerators are given. */
export const MASS_UNITS = ['t', 'kg', 'g'] as const;
export type MassUnit = (typeof MASS_UNITS)[number];
export const massToKg = (m: MassUnit): number => UNIT_DEFS[m].toBase;
