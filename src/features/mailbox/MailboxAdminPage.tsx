import { Text } from '@tarojs/components';

export function MailboxAdminPage() {
  return <Text>…</Text>;
}
