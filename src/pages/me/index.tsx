import { MePage } from '@/features/me/MePage';

export default function Index() {
  return <MePage />;
}
