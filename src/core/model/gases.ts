/**
 * Greenhouse gases are kept separately in every dataset; CO2e is derived by each rule pack with its own
 * GWP set. `CO2e` is the exception: an already-characterised figure from a secondary dataset, carried as
 * is (GWP 1 in every set) and flagged, because it cannot be re-characterised.
 */
export const GASES = ['CO2_fossil', 'CO2_biogenic', 'CH4_fossil', 'CH4_biogenic', 'N2O', 'CF4', 'C2F6', 'SF6', 'NF3', 'HFC-23', 'HFC-134a', 'CO2e'] as const;
export type Gas = (typeof GASES)[number];

export const NON_CO2_GASES: readonly Gas[] = GASES.filter((g) => !g.startsWith('CO2'));
