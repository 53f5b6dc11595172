export * from './schema';
export * from './catalogue';
export * from './sheet';
export * from './sheet-html';
