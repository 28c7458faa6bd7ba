import { RecordsPage } from '@/features/volunteer/RecordsPage';

export default function Index() {
  return <RecordsPage />;
}
