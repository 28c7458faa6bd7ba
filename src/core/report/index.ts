/** Excel exports and the 创建台账 ledger: the contract of `report.export`, its views and the period rules. */
export * from './contract';
export * from './views';
export * from './rules';
