export * from './compare-batch';
export * from './table';
