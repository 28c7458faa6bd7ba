import { ActivityTab } from '@/features/activity-tab/ActivityTab';

export default function Index() {
  return <ActivityTab />;
}
