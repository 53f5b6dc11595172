/** The battery family: EU Battery Regulation Art. 7 and China MIIT power-battery declarations from one footprint dataset. */
export * from './details';
export * from './rules';
export * from './due';
export * from './declaration';
export * from './electricity';
export * from './passport';
export * from './compare';
export * from './apportion';
export * from './html';
