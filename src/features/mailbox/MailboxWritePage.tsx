import { Text } from '@tarojs/components';

export function MailboxWritePage() {
  return <Text>…</Text>;
}
