/** The admin dashboard: the month's figures from counters kept on write, never a scan of history. */
import { defineFeature } from '../../kernel/feature';

export const dashboard = defineFeature({
  name: 'dashboard',
  collections: {},
  handlers: {},
});
