export * from './links';
export * from './link-keys';
