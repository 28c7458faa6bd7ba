import { Text } from '@tarojs/components';

export function MailboxDetailPage() {
  return <Text>…</Text>;
}
