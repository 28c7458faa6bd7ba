/** Audit log (审计日志): the contract of `audit.list` and its view. */
export * from './contract';
export * from './views';
