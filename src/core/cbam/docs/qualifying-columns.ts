/**
 * The core's qualifying parameters (../../model/qualifying.ts, the names the editor suggests) → the communication
 * template's Summary_Products columns (one column, or one per template for a parameter that two goods categories
 * report in different columns). One table, read both ways: by the installation conversion (parameter → column) and
 * by the template's gap messages (column → the parameter named in the reader's language).
 */
import type { QualifyingParam } from '../../model/qualifying';

export const QUALIFYING_COLUMNS: Readonly<Record<QualifyingParam, string | Readonly<Record<string, string>>>> = {
  reducingAgent: 'P',
  steelMillId: 'Q',
  mnPct: 'R',
  crPct: 'S',
  niPct: 'T',
  alloyPct: 'U',
  otherAlloysPct: 'U',
  carbonPct: 'V',
  scrapShare: { 'Crude steel': 'W', 'Unwrought aluminium': 'Z', 'Aluminium products': 'Z' },
  otherMaterialsPct: 'X',
  preConsumerScrapPct: 'Y',
  nonAluminiumPct: 'AA',
  clinkerShare: 'AB',
  clinkerFactor: 'AB',
  calcined: 'AC',
  concentrationPct: 'AD',
  nitricAcidPct: 'AE',
  ureaPct: 'AF',
  nPct: 'AG',
  nAmmoniumPct: 'AH',
  nNitratePct: 'AI',
  nUreaPct: 'AJ',
  nOtherPct: 'AK',
};

/** Column → parameter; where two parameters share a column, the later one of the table names it (U: otherAlloysPct, AB: clinkerFactor). */
export const QUALIFYING_PARAM_OF_COLUMN: Readonly<Record<string, QualifyingParam>> = Object.fromEntries(
  (Object.entries(QUALIFYING_COLUMNS) as [QualifyingParam, string | Record<string, string>][]).flatMap(([param, col]) =>
    (typeof col === 'string' ? [col] : Object.values(col)).map((c) => [c, param] as const),
  ),
);
