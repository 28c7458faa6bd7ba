import { Text, View } from '@tarojs/components';
import type { StaffAdminView } from '@/core/people/views';
import { ROLE_LABELS } from '@/core/roles';

interface RosterTableProps {
  items: StaffAdminView[];
  onOpen: (staff: StaffAdminView) => void;
}

/** A table on desktop; on a phone each row folds into a two-line card (see roster.scss). */
export function RosterTable({ items, onOpen }: RosterTableProps) {
  return (
    <View className='rtable' role='table'>
      <View className='rtable__row rtable__row--head' role='row'>
        <Text className='rtable__cell rtable__name'>姓名</Text>
        <Text className='rtable__cell rtable__no'>工号</Text>
        <Text className='rtable__cell rtable__dept'>部门</Text>
        <Text className='rtable__cell rtable__roles'>角色</Text>
        <Text className='rtable__cell rtable__state'>状态</Text>
      </View>
      {items.map((s) => (
        <View
          key={s.id}
          className={`rtable__row ${s.active ? '' : 'is-inactive'}`}
          role='row'
          onClick={() => onOpen(s)}
        >
          <Text className='rtable__cell rtable__name'>{s.name}</Text>
          <Text className='rtable__cell rtable__no'>{s.staffNo}</Text>
          <Text className='rtable__cell rtable__dept'>
            {s.department}
            {s.branch ? ` · ${s.branch}` : ''}
          </Text>
          <Text className='rtable__cell rtable__roles'>
            {s.roles
              .filter((r) => r !== 'staff')
              .map((r) => ROLE_LABELS[r])
              .join('、') || ROLE_LABELS.staff}
          </Text>
          <View className='rtable__cell rtable__state'>
            <Text className={`badge ${s.bound ? 'badge--ok' : 'badge--muted'}`}>{s.bound ? '已绑定' : '未绑定'}</Text>
            {!s.active && <Text className='badge'>已停用</Text>}
          </View>
        </View>
      ))}
    </View>
  );
}
