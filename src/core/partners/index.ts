export * from './schema';
export * from './registry';
export * from './crosswalk';
export * from './statement';
export * from './html';
export * from './statement-html';
export { REFERENCE_PACK_IDS } from './reference-packs';
