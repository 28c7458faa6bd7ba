import { CalendarPage } from '@/features/admin/calendar/CalendarPage';

export default function Index() {
  return <CalendarPage />;
}
