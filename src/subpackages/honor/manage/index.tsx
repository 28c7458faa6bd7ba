import { ManagePage } from '@/features/honor/admin/ManagePage';

export default function Index() {
  return <ManagePage />;
}
