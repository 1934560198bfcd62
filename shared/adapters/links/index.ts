export * from './link-keys';
export * from './links';
