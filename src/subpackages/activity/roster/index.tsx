import { RosterPage } from '@/features/activity/manage/RosterPage';

export default function Index() {
  return <RosterPage />;
}
