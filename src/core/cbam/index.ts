/** Public API of the border-adjustment layer: rule packs (EU CBAM, UK CBAM, user packs), screening, methods, cost. */
export * from './pack-schema';
export * from './packs';
export * from './screen';
export * from './methods';
export * from './cost';
export * from './pack-files';
export * from './cost-rate';
export * from './compare-schemes';
export * from './origin';
export {
  convertInstallation,
  processView,
  type InstallationConversion,
  type InstallationOptions,
  type InstallationProcess,
  type InstallationProduct,
  type InstallationSee,
  type MissingFigure,
} from './installation';
export * from './comparison';
