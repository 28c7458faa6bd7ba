/** Excel exports (.xlsx) and the 创建台账 ledger for a period, built with exceljs from the store. */
import { defineFeature } from '../../kernel/feature';

export const report = defineFeature({
  name: 'report',
  collections: {},
  handlers: {},
});
