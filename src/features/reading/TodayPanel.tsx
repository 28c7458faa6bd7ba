import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { call } from '@/api/client';
import { useQuery } from '@/api/hooks';
import type { CheckinResult, ReadingToday } from '@/core/reading/contract';
import { dayLabel } from '@/core/reading/rules';
import { Card } from '@/components/Card';
import { ErrorText, StateView } from '@/components/StateView';
import type { ReadySession } from '@/features/session/session';
import { CheckinBox } from './CheckinBox';
import { ReadingBody } from './ReadingBody';
import { useServerClock } from './useServerClock';
import { useRefreshOnShow } from '@/features/session/useRefreshOnShow';

/** The 晨读 tab's first view: today's reading, the timer and the check-in. */
export function TodayPanel({ me }: { me: ReadySession }) {
  const today = useQuery('reading.today', {});
  useRefreshOnShow(today.reload);
  if (today.error) return <StateView kind='error' message={today.error.message} onRetry={today.reload} />;
  if (!today.data) return <StateView kind='loading' />;
  return <Today key={today.data.date} data={today.data} me={me} onChange={today.setData} />;
}

function Today({ data, me, onChange }: { data: ReadingToday; me: ReadySession; onChange: (d: ReadingToday) => void }) {
  const { reading } = data;
  const [opened, setOpened] = useState<{ openedAt: string; now: string } | null>(
    data.openedAt ? { openedAt: data.openedAt, now: data.now } : null,
  );
  const [openError, setOpenError] = useState<string | null>(null);
  const readingId = reading?.id ?? null;
  const checkedIn = data.checkin !== null;

  // Opening the reading starts the timer on the server; only the first opening counts.
  useEffect(() => {
    if (!readingId || checkedIn || !data.workday) return undefined;
    let live = true;
    void call('reading.open', { readingId }).then((res) => {
      if (!live) return;
      if (res.ok) setOpened({ openedAt: res.data.openedAt, now: res.data.now });
      else setOpenError(res.error.message);
    });
    return () => {
      live = false;
    };
  }, [readingId, checkedIn, data.workday]);

  const now = useServerClock(opened?.now ?? data.now);
  const done = (result: CheckinResult) =>
    onChange({ ...data, checkin: result.checkin, streak: result.streak, monthCount: result.monthCount });

  return (
    <View className='today'>
      <View className='today__status'>
        <Text className='today__date'>{dayLabel(data.date)}</Text>
        <Text className='today__stats'>
          连续打卡 <Text className='today__num'>{data.streak}</Text> 天 · 本月{' '}
          <Text className='today__num'>{data.monthCount}</Text> 次
        </Text>
      </View>
      {!reading && (
        <Card>
          <StateView
            kind='empty'
            title={data.workday ? '今日暂无晨读' : '今天不是工作日'}
            message={
              data.workday
                ? '支部发布今日晨读后会显示在这里，可以先在「往期」中阅读。'
                : `${data.calendarNote ? `${data.calendarNote}，` : ''}无需打卡，好好休息。`
            }
          />
        </Card>
      )}
      {reading && (
        <Card>
          <ReadingBody reading={reading} />
          {!data.workday && (
            <Text className='checkin__hint'>
              今天不是工作日{data.calendarNote ? `（${data.calendarNote}）` : ''}，无需打卡。
            </Text>
          )}
          {data.workday && (
            <>
              <ErrorText message={openError} />
              <CheckinBox
                today={data}
                readingId={reading.id}
                timeZone={me.settings.timeZone}
                noteMax={me.settings.noteMaxLength}
                now={now}
                openedAt={opened?.openedAt ?? null}
                checkin={data.checkin}
                onDone={done}
              />
            </>
          )}
        </Card>
      )}
    </View>
  );
}
