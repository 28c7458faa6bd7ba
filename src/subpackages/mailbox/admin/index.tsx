import { MailboxAdminPage } from '@/features/mailbox/MailboxAdminPage';

export default function Index() {
  return <MailboxAdminPage />;
}
