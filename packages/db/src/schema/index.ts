export * from './tenants';
export * from './auth';
export * from './team';
export * from './knowledge';
export * from './conversations';
export * from './billing';
export * from './audit';
export * from './email';
