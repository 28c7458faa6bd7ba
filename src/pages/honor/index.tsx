import { HonorTab } from '@/features/honor/HonorTab';

export default function Index() {
  return <HonorTab />;
}
