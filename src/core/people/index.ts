/** People (人员): the contract of session, binding and roster actions and the staff views. */
export * from './contract';
export * from './views';
export * from './rules';
