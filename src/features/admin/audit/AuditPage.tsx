import { Text } from '@tarojs/components';

export function AuditPage() {
  return <Text>…</Text>;
}
