/**
 * The admin dashboard (the first page of 管理): the month's reading participation by department, the
 * year's volunteer hours by month, the registered-volunteer rate and hours per person against the
 * unit's target, what is open, and unanswered mail. It owns no collection: every figure is another
 * feature's counter or an indexed count, never a scan of history.
 */
import { defineFeature } from '../../kernel/feature';
import { dashboardSummary } from './actions/summary';

export const dashboard = defineFeature({
  name: 'dashboard',
  collections: {},
  handlers: { 'dashboard.summary': dashboardSummary },
});
