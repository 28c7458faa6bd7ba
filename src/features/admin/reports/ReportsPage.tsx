import { Text } from '@tarojs/components';

export function ReportsPage() {
  return <Text>…</Text>;
}
