import { NoticesPage } from '@/features/admin/notices/NoticesPage';

export default function Index() {
  return <NoticesPage />;
}
