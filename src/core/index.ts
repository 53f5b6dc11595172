/** Public API of the CarbonBridge core (pure TypeScript: runs in Node and in the browser). */
export * from './i18n/message';
export * from './num';
export * from './model/units';
export * from './model/gases';
export * from './model/normalise';
export * from './model/dataset';
export * from './model/migrations';
export * from './model/problems';
export * from './model/validate';
export { processProblems, flowCycle, TEMPLATE_LIMITS, isPurchasedPrecursorLine, type ProcessCheckOptions } from './model/processes';
export * from './packs/schema';
export * from './packs/registry';
export * from './engine/types';
export * from './engine/compute';
export * from './engine/checks';
export * from './engine/compare';
export * from './i18n/translate';
export { magnitudeFindings, MAGNITUDE_FACTOR, type MagnitudeInput } from './cbam/magnitude';
