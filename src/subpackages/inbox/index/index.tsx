import { InboxPage } from '@/features/inbox/InboxPage';

export default function Index() {
  return <InboxPage />;
}
