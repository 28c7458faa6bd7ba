import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useQuery } from '@/api/hooks';
import { useRefreshOnShow } from '@/features/session/useRefreshOnShow';
import { dayLabel } from '@/core/reading/rules';
import { localMonthKey } from '@/core/time';
import { Card } from '@/components/Card';
import { StateView } from '@/components/StateView';
import { monthLabel, shiftMonth } from '@/features/admin/calendar/month-grid';
import { StepNav } from './MonthNav';
import { READING_ROUTES } from './routes';
import { serverNow } from '@/features/session/session';

/** Past readings by month, with my mark on each. */
export function PastReadings({ timeZone }: { timeZone: string }) {
  const current = localMonthKey(serverNow(), timeZone);
  const [month, setMonth] = useState(current);
  const list = useQuery('reading.list', { month });
  useRefreshOnShow(list.reload);

  return (
    <Card>
      <StepNav label={monthLabel(month)} onStep={(d) => setMonth((m) => shiftMonth(m, d))} noNext={month >= current} />
      {list.error && <StateView kind='error' message={list.error.message} onRetry={list.reload} />}
      {!list.error && !list.data && <StateView kind='loading' />}
      {list.data && !list.error && list.data.items.length === 0 && <StateView kind='empty' message='本月没有晨读' />}
      {list.data && !list.error && (
        <View className='rlist'>
          {[...list.data.items].reverse().map((r) => (
            <View
              key={r.id}
              className='rlist__item'
              onClick={() => void Taro.navigateTo({ url: `${READING_ROUTES.view}?id=${encodeURIComponent(r.id)}` })}
            >
              <View className='rlist__main'>
                <Text className='rlist__date'>{dayLabel(r.date)}</Text>
                <Text className='rlist__title'>{r.title}</Text>
              </View>
              {r.mine === 'checked' && <Text className='badge badge--ok'>已打卡</Text>}
              {r.mine === 'makeup' && <Text className='badge'>补卡</Text>}
              <Text className='muted'>›</Text>
            </View>
          ))}
        </View>
      )}
    </Card>
  );
}
