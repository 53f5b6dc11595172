/**
 * Pinned results of the aluminium sample (public/samples/aluminium-ingot-ningxia.json, 1 t of unwrought aluminium,
 * Ningxia), shared by the unit, CLI and browser tests so that each figure is written down once. A change of any of
 * them is a change of a published figure: update it here, deliberately, with the reason in the commit.
 * Units: kg CO2e per functional unit (1 t) unless the name says otherwise.
 */
export const ALUMINIUM = {
  sample: 'aluminium-ingot-ningxia.json',
  /** GB/T 24067-2024 footprint (AR6), unrounded engine figure and 3 decimals as displayed. */
  gbtTotalExactKg: 13217.850855,
  gbtTotalKg: 13217.851,
  /** ISO 14067:2018 footprint of the same inventory. */
  isoTotalKg: 13191.451,
  /** GB/T → ISO: the GWP set is the only cause (CF4 7380 → 6630). */
  gbtToIsoGwpDeltaKg: -26.4,
  /** EU CBAM definitive period (2026): specific embedded emissions, direct (t CO2e per t) and per functional unit. */
  cbamSeeDirectT: 1.732459,
  cbamTotalKg: 1732.459,
  /** GB/T → EU CBAM: causes (boundary, electricity not counted) and the total difference. */
  gbtToCbamBoundaryKg: -2916.375,
  gbtToCbamElectricityKg: -8542.59,
  gbtToCbamDeltaKg: -11485.392,
} as const;
