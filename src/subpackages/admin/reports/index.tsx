import { ReportsPage } from '@/features/admin/reports/ReportsPage';

export default function Index() {
  return <ReportsPage />;
}
