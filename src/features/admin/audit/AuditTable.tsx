import { Text, View } from '@tarojs/components';
import { type AuditEntry, actionLabel, auditWhen, targetText } from '@/core/audit/views';

interface AuditTableProps {
  items: AuditEntry[];
  timeZone: string;
}

/** A table at desktop width; on a phone each line folds into a card (see audit.scss). */
export function AuditTable({ items, timeZone }: AuditTableProps) {
  return (
    <View className='atable' role='table'>
      <View className='atable__row atable__row--head' role='row'>
        <Text className='atable__cell atable__when'>时间</Text>
        <Text className='atable__cell atable__who'>操作人</Text>
        <Text className='atable__cell atable__what'>操作</Text>
        <Text className='atable__cell atable__target'>对象</Text>
      </View>
      {items.map((e) => (
        <View key={e.id} className='atable__row' role='row'>
          <Text className='atable__cell atable__when'>{auditWhen(e.at, timeZone)}</Text>
          <Text className='atable__cell atable__who'>
            {e.actorName}
            {e.actorStaffNo ? `（${e.actorStaffNo}）` : ''}
          </Text>
          <Text className='atable__cell atable__what'>{actionLabel(e.action)}</Text>
          <Text className='atable__cell atable__target'>{targetText(e.target)}</Text>
        </View>
      ))}
    </View>
  );
}
