import { ActivityDetailPage } from '@/features/activity/ActivityDetailPage';

export default function Index() {
  return <ActivityDetailPage />;
}
