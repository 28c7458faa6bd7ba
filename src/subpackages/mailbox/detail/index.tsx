import { MailboxDetailPage } from '@/features/mailbox/MailboxDetailPage';

export default function Index() {
  return <MailboxDetailPage />;
}
