import { ImportPage } from '@/features/admin/import/ImportPage';

export default function Index() {
  return <ImportPage />;
}
