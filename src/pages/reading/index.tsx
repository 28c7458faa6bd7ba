import { ReadingTab } from '@/features/soon/SoonTabs';

export default function Index() {
  return <ReadingTab />;
}
