import { StaffDetailPage } from '@/features/admin/staff/StaffDetailPage';

export default function Index() {
  return <StaffDetailPage />;
}
