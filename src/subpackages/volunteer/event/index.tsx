import { EventPage } from '@/features/volunteer/EventPage';

export default function Index() {
  return <EventPage />;
}
