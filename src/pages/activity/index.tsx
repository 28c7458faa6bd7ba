import { ActivityTab } from '@/features/soon/SoonTabs';

export default function Index() {
  return <ActivityTab />;
}
