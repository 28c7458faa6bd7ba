import { RosterPage } from '@/features/admin/roster/RosterPage';

export default function Index() {
  return <RosterPage />;
}
