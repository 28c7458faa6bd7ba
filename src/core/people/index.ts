/** People (人员): the contract of session, binding and roster actions and the staff views. */
export * from './contract';
export * from './views';
export * from './rules';
export * from './import-limits';
export * from './delimited';
export * from './roster-sheet';
