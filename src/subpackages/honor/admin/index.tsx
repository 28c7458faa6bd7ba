import { RoundsPage } from '@/features/honor/admin/RoundsPage';

export default function Index() {
  return <RoundsPage />;
}
