export * from './decision-pages';
export * from './form';
export * from './html';
export * from './layout';
