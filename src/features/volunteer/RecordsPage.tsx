import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { useQuery } from '@/api/hooks';
import type { VolunteerRecordView } from '@/core/volunteer/contract';
import { localYear } from '@/core/volunteer/rules';
import { Card } from '@/components/Card';
import { Page } from '@/components/Page';
import { StateView } from '@/components/StateView';
import { SessionGate } from '@/features/session/SessionGate';
import { formatDateTime, formatHours } from './format';
import { VOLUNTEER_ROUTES, withEvent, withYear } from './routes';
import { StarLevel } from './StarLevel';
import './volunteer.scss';
import { serverNow } from '@/features/session/session';

/** 我的志愿服务记录: a year's records, and the total of confirmed hours (only those count). */
export function RecordsPage() {
  const asked = Number(useRouter()?.params?.year);
  return (
    <SessionGate>
      {(me) => (
        <Page>
          <Records
            timeZone={me.settings.timeZone}
            initialYear={Number.isInteger(asked) && asked > 2000 ? asked : null}
          />
        </Page>
      )}
    </SessionGate>
  );
}

function Records({ timeZone, initialYear }: { timeZone: string; initialYear: number | null }) {
  const thisYear = localYear(serverNow().toISOString(), timeZone);
  const [year, setYear] = useState(initialYear ?? thisYear);
  const q = useQuery('volunteer.records', { year });
  return (
    <View>
      <View className='vol-year'>
        <Button className='btn btn--small' onClick={() => setYear(year - 1)}>
          ‹ {year - 1}
        </Button>
        <Text>{year} 年</Text>
        <Button className='btn btn--small' disabled={year >= thisYear} onClick={() => setYear(year + 1)}>
          {year + 1} ›
        </Button>
      </View>
      {q.error ? (
        <StateView kind='error' message={q.error.message} onRetry={q.reload} />
      ) : !q.data || q.loading ? (
        <StateView kind='loading' />
      ) : (
        <>
          <Card title={`${year} 年志愿服务`}>
            <View className='vol-total'>
              <Text className='vol-total__value'>{q.data.totalHours}</Text>
              <Text>小时（已确认）</Text>
            </View>
            <Text className='card__text'>只统计组织者确认的时长，待确认的记录不计入。</Text>
            <StarLevel standing={q.data} />
            {q.data.items.some((r) => (r.hours ?? 0) > 0) ? (
              <View className='btn-row'>
                <Button
                  className='btn btn--small'
                  onClick={() => void Taro.navigateTo({ url: withYear(VOLUNTEER_ROUTES.certificate, year) })}
                >
                  查看服务证明
                </Button>
              </View>
            ) : (
              <Text className='card__text'>这一年有组织者确认的服务时长后，可在这里开具志愿服务证明。</Text>
            )}
          </Card>
          {q.data.items.length === 0 ? (
            <StateView
              kind='empty'
              title='这一年还没有服务记录'
              message='参加志愿服务并在现场签到后，记录会显示在这里。'
            />
          ) : (
            q.data.items.map((r) => <RecordCard key={r.eventId} record={r} timeZone={timeZone} />)
          )}
        </>
      )}
    </View>
  );
}

function RecordCard({ record, timeZone }: { record: VolunteerRecordView; timeZone: string }) {
  const confirmed = record.hours !== null;
  return (
    <Card
      title={record.title}
      className='vol-card'
      onClick={() => void Taro.navigateTo({ url: withEvent(VOLUNTEER_ROUTES.event, record.eventId) })}
      extra={
        <Text className={`badge ${confirmed ? 'badge--ok' : 'badge--muted'}`}>
          {confirmed ? formatHours(record.hours ?? 0) : '待确认'}
        </Text>
      }
    >
      <Text className='vol-card__meta'>
        {record.date} · {record.place}
      </Text>
      <Text className='vol-card__meta'>
        签到 {record.signInAt ? formatDateTime(record.signInAt, timeZone) : '—'} · 签退{' '}
        {record.signOutAt ? formatDateTime(record.signOutAt, timeZone) : '—'}
      </Text>
      {confirmed && (
        <Text className='vol-card__meta'>
          {record.confirmerName} 确认于 {record.confirmedAt ? formatDateTime(record.confirmedAt, timeZone) : ''}
          {record.note ? `（${record.note}）` : ''}
        </Text>
      )}
    </Card>
  );
}
