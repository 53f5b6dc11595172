export * from './schema';
export * from './translate';
