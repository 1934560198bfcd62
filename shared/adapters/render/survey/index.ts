export * from './form';
export * from './pages';
export * from './qr';
export * from './texts';
