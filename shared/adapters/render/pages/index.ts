export * from './html';
export * from './layout';
export * from './form';
export * from './decision-pages';
