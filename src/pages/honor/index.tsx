import { HonorTab } from '@/features/soon/SoonTabs';

export default function Index() {
  return <HonorTab />;
}
