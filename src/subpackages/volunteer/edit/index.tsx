import { EditEventPage } from '@/features/volunteer/manage/EditEventPage';

export default function Index() {
  return <EditEventPage />;
}
