/** Settings (设置) and the workday calendar: the settings schema with its defaults, the contract and the calendar view. */
export * from './contract';
export * from './views';
export * from './schema';
