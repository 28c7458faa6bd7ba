import { MailboxWritePage } from '@/features/mailbox/MailboxWritePage';

export default function Index() {
  return <MailboxWritePage />;
}
