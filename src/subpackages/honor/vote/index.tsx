import { VotePage } from '@/features/honor/VotePage';

export default function Index() {
  return <VotePage />;
}
