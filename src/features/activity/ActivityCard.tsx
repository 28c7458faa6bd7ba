import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ACTIVITY_KIND_LABELS, ACTIVITY_PHASE_LABELS } from '@/core/activity/rules';
import type { ActivitySummary } from '@/core/activity/views';
import { Card } from '@/components/Card';
import { formatSpan, formatWhen, seatsText } from './format';
import { ACTIVITY_ROUTES, withId } from './routes';

const PHASE_TONE: Partial<Record<ActivitySummary['phase'], string>> = {
  open: 'badge--ok',
  ended: 'badge--muted',
  cancelled: 'badge--muted',
};

/** One activity in a list: kind, time, place, deadline and the seats left per item. */
export function ActivityCard({ activity, timeZone }: { activity: ActivitySummary; timeZone: string }) {
  const open = () => void Taro.navigateTo({ url: withId(ACTIVITY_ROUTES.detail, activity.id) });
  return (
    <Card
      title={activity.title}
      onClick={open}
      extra={
        <Text className={`badge ${PHASE_TONE[activity.phase] ?? ''}`}>{ACTIVITY_PHASE_LABELS[activity.phase]}</Text>
      }
    >
      <Text className='act-meta'>
        {ACTIVITY_KIND_LABELS[activity.kind]} · {formatSpan(activity.startAt, activity.endAt, timeZone)}
      </Text>
      <Text className='act-meta'>{activity.place}</Text>
      {activity.phase === 'open' && (
        <Text className='act-meta'>报名截止：{formatWhen(activity.signupDeadline, timeZone)}</Text>
      )}
      <View className='act-items'>
        {activity.items.map((item) => (
          <Text key={item.id} className={`act-item-seat ${item.seatsLeft > 0 ? '' : 'act-item-seat--full'}`}>
            {item.name} {seatsText(item)}
          </Text>
        ))}
      </View>
      {activity.myItemCount > 0 && <Text className='badge badge--ok'>我已报 {activity.myItemCount} 项</Text>}
    </Card>
  );
}
