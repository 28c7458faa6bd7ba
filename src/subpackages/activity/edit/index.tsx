import { ActivityEditPage } from '@/features/activity/manage/ActivityEditPage';

export default function Index() {
  return <ActivityEditPage />;
}
