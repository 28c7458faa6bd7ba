import { ParticipationPage } from '@/features/reading/manage/ParticipationPage';

export default function Index() {
  return <ParticipationPage />;
}
