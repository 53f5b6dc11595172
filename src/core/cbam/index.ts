/** Public API of the EU CBAM layer: rule packs, screening, calculation methods, certificate cost. */
export * from './pack-schema';
export * from './packs';
export * from './screen';
export * from './methods';
export * from './cost';
