import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useQuery } from '@/api/hooks';
import { useRefreshOnShow } from '@/features/session/useRefreshOnShow';
import type { CalendarEntry } from '@/core/reading/contract';
import { dayLabel } from '@/core/reading/rules';
import { localMonthKey } from '@/core/time';
import { Card } from '@/components/Card';
import { StateView } from '@/components/StateView';
import { toast } from '@/components/confirm';
import { monthGrid, monthLabel, shiftMonth } from '@/features/admin/calendar/month-grid';
import { DAY_STATE_LABELS, minutesText } from './format';
import { MakeupForm } from './MakeupForm';
import { StepNav } from './MonthNav';
import { serverNow } from '@/features/session/session';

const WEEK_HEAD = ['一', '二', '三', '四', '五', '六', '日'];
const LEGEND: CalendarEntry['state'][] = ['checked', 'makeup', 'missed', 'off'];

/** My month as a calendar: checked, made up, missed and non-workdays; a missed day may be made up. */
export function MyCalendar({ timeZone }: { timeZone: string }) {
  const current = localMonthKey(serverNow(), timeZone);
  const [month, setMonth] = useState(current);
  const [selected, setSelected] = useState<CalendarEntry | null>(null);
  const cal = useQuery('checkin.calendar', { month });
  useRefreshOnShow(cal.reload);
  const byDate = new Map((cal.data?.days ?? []).map((d) => [d.date, d]));

  const step = (delta: number) => {
    setMonth((m) => shiftMonth(m, delta));
    setSelected(null);
  };

  return (
    <Card>
      <StepNav label={monthLabel(month)} onStep={step} noNext={month >= current} />
      {cal.error && <StateView kind='error' message={cal.error.message} onRetry={cal.reload} />}
      {!cal.error && !cal.data && <StateView kind='loading' />}
      {cal.data && !cal.error && (
        <>
          <View className='rcal' role='grid'>
            {WEEK_HEAD.map((w) => (
              <Text key={w} className='rcal__head'>
                {w}
              </Text>
            ))}
            {monthGrid(month)
              .flat()
              .map((date, i) => {
                const day = date ? byDate.get(date) : undefined;
                if (!date || !day) return <View key={date ?? `pad-${i}`} className='rcal__cell rcal__cell--pad' />;
                const cls = `rcal__cell is-${day.state} ${day.canMakeup ? 'can-makeup' : ''} ${selected?.date === date ? 'is-selected' : ''}`;
                return (
                  <View
                    key={date}
                    className={cls}
                    role='gridcell'
                    aria-label={`${dayLabel(date)} ${DAY_STATE_LABELS[day.state]}`}
                    onClick={() => setSelected(day)}
                  >
                    <Text className='rcal__num'>{Number(date.slice(8))}</Text>
                    <Text className='rcal__tag'>
                      {day.canMakeup ? '可补' : day.state === 'noReading' ? '' : DAY_STATE_LABELS[day.state]}
                    </Text>
                  </View>
                );
              })}
          </View>
          <View className='rcal__legend'>
            {LEGEND.map((s) => (
              <View key={s} className='rcal__key'>
                <View className={`rcal__swatch is-${s}`} />
                <Text>{DAY_STATE_LABELS[s]}</Text>
              </View>
            ))}
          </View>
          <Text className='card__text'>
            本月打卡 {cal.data.checkins} 次（其中补卡 {cal.data.makeups} 次），计学时 {minutesText(cal.data.minutes)}；
            本月还可补卡 {cal.data.makeupsLeft} 次（每月 {cal.data.makeupsPerMonth} 次，限 {cal.data.makeupDaysBack}{' '}
            天内的工作日）。
          </Text>
          {selected && (
            <View className='rcal__detail'>
              {selected.canMakeup ? (
                <MakeupForm
                  key={selected.date}
                  date={selected.date}
                  makeupsLeft={cal.data.makeupsLeft}
                  onDone={() => {
                    toast('补卡成功');
                    setSelected(null);
                    cal.reload();
                  }}
                />
              ) : (
                <Text className='card__text'>
                  {dayLabel(selected.date)}：{DAY_STATE_LABELS[selected.state] || '尚未到来'}
                  {selected.note ? `（${selected.note}）` : ''}
                </Text>
              )}
            </View>
          )}
        </>
      )}
    </Card>
  );
}
