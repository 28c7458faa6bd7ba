import { AuditPage } from '@/features/admin/audit/AuditPage';

export default function Index() {
  return <AuditPage />;
}
