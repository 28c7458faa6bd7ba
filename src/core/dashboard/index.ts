/** The admin dashboard: the contract of `dashboard.summary`. */
export * from './contract';
