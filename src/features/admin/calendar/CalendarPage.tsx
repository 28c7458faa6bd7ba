import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { useQuery } from '@/api/hooks';
import type { CalendarDay } from '@/core/settings/views';
import { localMonthKey } from '@/core/time';
import { Card } from '@/components/Card';
import { StateView } from '@/components/StateView';
import { type ReadySession, serverNow } from '@/features/session/session';
import { ADMIN_TRAIL, AdminGate } from '../AdminGate';
import { DayEditor } from './DayEditor';
import { dayMarks } from './day-marks';
import { monthGrid, monthLabel, shiftMonth } from './month-grid';
import './calendar.scss';

const WEEK_HEAD = ['一', '二', '三', '四', '五', '六', '日'];

export function CalendarPage() {
  return <AdminGate trail={[...ADMIN_TRAIL, { label: '工作日历' }]}>{(me) => <WorkCalendar me={me} />}</AdminGate>;
}

function WorkCalendar({ me }: { me: ReadySession }) {
  const [month, setMonth] = useState(() => localMonthKey(serverNow(), me.settings.timeZone));
  const [selected, setSelected] = useState<CalendarDay | null>(null);
  const cal = useQuery('calendar.month', { month });
  const byDate = new Map((cal.data?.days ?? []).map((d) => [d.date, d]));

  const go = (delta: number) => {
    setMonth((m) => shiftMonth(m, delta));
    setSelected(null);
  };

  const saved = (day: CalendarDay) => {
    if (cal.data) cal.setData({ ...cal.data, days: cal.data.days.map((d) => (d.date === day.date ? day : d)) });
    setSelected(day);
  };

  return (
    <View className='wcal'>
      <Card>
        <View className='wcal__nav'>
          <Button className='btn btn--small' onClick={() => go(-1)}>
            ‹ 上月
          </Button>
          <Text className='wcal__month'>{monthLabel(month)}</Text>
          <Button className='btn btn--small' onClick={() => go(1)}>
            下月 ›
          </Button>
        </View>
        {cal.error && <StateView kind='error' message={cal.error.message} onRetry={cal.reload} />}
        {!cal.error && !cal.data && <StateView kind='loading' />}
        {cal.data && !cal.error && (
          <View className='wcal__grid'>
            {WEEK_HEAD.map((w) => (
              <Text key={w} className='wcal__head'>
                {w}
              </Text>
            ))}
            {monthGrid(month)
              .flat()
              .map((date, i) => {
                const day = date ? byDate.get(date) : undefined;
                if (!date || !day) return <View key={date ?? `pad-${i}`} className='wcal__cell wcal__cell--pad' />;
                const marks = dayMarks(day);
                const cls = [
                  'wcal__cell',
                  day.workday ? 'is-work' : 'is-off',
                  day.override ? 'is-override' : '',
                  selected?.date === date ? 'is-selected' : '',
                ].join(' ');
                return (
                  <View key={date} className={cls} onClick={() => setSelected(day)}>
                    <Text className='wcal__num'>{Number(date.slice(8))}</Text>
                    <View className='wcal__tags'>
                      <Text className='wcal__tag'>{marks.state}</Text>
                      {marks.official && (
                        <Text className={`wcal__official ${day.override ? 'is-overridden' : ''}`}>
                          {marks.official}
                        </Text>
                      )}
                    </View>
                    {marks.note && <Text className='wcal__note'>{marks.note}</Text>}
                  </View>
                );
              })}
          </View>
        )}
        {cal.data && !cal.data.officialKnown && (
          <Text className='wcal__warn'>
            尚未收录 {month.slice(0, 4)} 年的国务院节假日安排，本月按周一至周五计算；如已发布通知，请逐日设置。
          </Text>
        )}
        <Legend />
      </Card>
      {selected && <DayEditor key={`${selected.date}:${selected.source}`} day={selected} onSaved={saved} />}
    </View>
  );
}

/** What the marks mean: the official schedule comes pre-filled, the unit's entries win over it. */
function Legend() {
  return (
    <View className='wcal__legend'>
      <View className='wcal__key'>
        <Text className='wcal__swatch is-off' />
        <Text>休息日</Text>
      </View>
      <View className='wcal__key'>
        <Text className='wcal__official'>法定</Text>
        <Text>国务院安排的节假日</Text>
      </View>
      <View className='wcal__key'>
        <Text className='wcal__official'>调休</Text>
        <Text>国务院安排的调休上班日</Text>
      </View>
      <View className='wcal__key'>
        <Text className='wcal__swatch is-override' />
        <Text>本单位的调整（优先于国务院安排）</Text>
      </View>
      <Text className='field__hint'>点选日期可调整；已调整的日期可恢复为国务院安排。</Text>
    </View>
  );
}
