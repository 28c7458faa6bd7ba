/** Excel exports and the 创建台账 ledger: the contract of `report.export`. */
export * from './contract';
