import { Text } from '@tarojs/components';

export function MailboxPage() {
  return <Text>…</Text>;
}
