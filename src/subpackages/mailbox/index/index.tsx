import { MailboxPage } from '@/features/mailbox/MailboxPage';

export default function Index() {
  return <MailboxPage />;
}
