import { AdminHomePage } from '@/features/admin/AdminHomePage';

export default function Index() {
  return <AdminHomePage />;
}
