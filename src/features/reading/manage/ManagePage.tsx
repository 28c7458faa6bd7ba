import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { useQuery } from '@/api/hooks';
import { dayLabel } from '@/core/reading/rules';
import { localDayKey } from '@/core/time';
import { Card } from '@/components/Card';
import { Page } from '@/components/Page';
import { StateView } from '@/components/StateView';
import { SessionGate } from '@/features/session/SessionGate';
import { type ReadySession, serverNow } from '@/features/session/session';
import { monthLabel, shiftMonth } from '@/features/admin/calendar/month-grid';
import { StepNav } from '../MonthNav';
import { READING_ROUTES } from '../routes';
import '../reading.scss';
import '../panels.scss';
import './manage.scss';
import { useRefreshOnShow } from '@/features/session/useRefreshOnShow';
import { branchOf } from '@/core/people/branch';
import { Field } from '@/components/Field';
import { SelectInput } from '@/components/SelectInput';

export const SECRETARY = ['secretary'] as const;

/** Secretary: every workday of a month with its reading (or a gap to fill), published ahead too. */
export function ManagePage() {
  return (
    <SessionGate roles={SECRETARY}>
      {(me) => (
        <Page wide>
          <Manage me={me} />
        </Page>
      )}
    </SessionGate>
  );
}

const go = (url: string) => void Taro.navigateTo({ url });

function Manage({ me }: { me: ReadySession }) {
  const today = localDayKey(serverNow(), me.settings.timeZone);
  const [month, setMonth] = useState(today.slice(0, 7));
  const list = useQuery('reading.list', { month });
  const days = useQuery('calendar.month', { month });
  useRefreshOnShow(list.reload);
  // Whose readings this page lists and publishes: an admin picks the unit or a branch; a branch's
  // secretary has their own branch, a secretary of no branch the unit (core/reading/scope.ts).
  const admin = me.roles.includes('admin');
  const own = branchOf(me.staff);
  const branches = useQuery('staff.branches', admin ? {} : null);
  const [picked, setPicked] = useState('');
  const scope = admin ? picked : (own ?? '');

  const error = list.error ?? days.error;
  const mine = (list.data?.items ?? []).filter((r) => (r.branch ?? '') === scope);
  const byDate = new Map(mine.map((r) => [r.date, r]));
  const withScope = (url: string) => (scope ? `${url}&branch=${encodeURIComponent(scope)}` : url);
  const names = branches.data?.items.map((b) => b.name) ?? [];
  const rows = (days.data?.days ?? []).filter((d) => d.workday || byDate.has(d.date));
  // 发布晨读 opens on the first workday from today that has no reading yet (this month as shown).
  const nextFree = rows.find((d) => d.workday && d.date >= today && !byDate.has(d.date))?.date ?? '';

  return (
    <View className='rmanage'>
      <View className='btn-row rmanage__actions'>
        <Button className='btn btn--primary' onClick={() => go(withScope(`${READING_ROUTES.edit}?date=${nextFree}`))}>
          发布晨读
        </Button>
        <Button className='btn' onClick={() => go(READING_ROUTES.participation)}>
          参与情况
        </Button>
      </View>
      <Card>
        {admin && names.length > 0 ? (
          <Field label='发布范围' hint='全单位的晨读人人可读；支部的晨读只有本支部成员读到，当天没有时读全单位的。'>
            <SelectInput
              value={picked}
              options={[{ value: '', label: '全单位' }, ...names.map((n) => ({ value: n, label: n }))]}
              onChange={setPicked}
              ariaLabel='发布范围'
            />
          </Field>
        ) : (
          own && <Text className='card__text'>{`发布范围：${own}（本支部成员读到；当天没有时读全单位的晨读）`}</Text>
        )}
        <StepNav label={monthLabel(month)} onStep={(d) => setMonth((m) => shiftMonth(m, d))} />
        {error && (
          <StateView
            kind='error'
            message={error.message}
            onRetry={() => {
              list.reload();
              days.reload();
            }}
          />
        )}
        {!error && (!list.data || !days.data) && <StateView kind='loading' />}
        {!error && list.data && days.data && (
          <View className='rlist'>
            {rows.map((d) => {
              const r = byDate.get(d.date);
              const editable = d.date >= today;
              return (
                <View
                  key={d.date}
                  className={`rlist__item ${r ? '' : 'is-gap'}`}
                  onClick={() =>
                    r
                      ? go(`${READING_ROUTES.edit}?id=${encodeURIComponent(r.id)}`)
                      : editable
                        ? go(withScope(`${READING_ROUTES.edit}?date=${d.date}`))
                        : undefined
                  }
                >
                  <View className='rlist__main'>
                    <Text className='rlist__date'>
                      {dayLabel(d.date)}
                      {d.date === today ? ' · 今天' : ''}
                      {!d.workday ? ' · 非工作日' : ''}
                    </Text>
                    <Text className={`rlist__title ${r ? '' : 'muted'}`}>{r ? r.title : '未发布'}</Text>
                  </View>
                  {r && d.date <= today && <Text className='badge badge--muted'>{r.checkins ?? 0} 人打卡</Text>}
                  {r && d.date > today && <Text className='badge'>待发布日</Text>}
                  {(r || editable) && <Text className='rmanage__link'>{r ? '编辑' : '发布'} ›</Text>}
                </View>
              );
            })}
          </View>
        )}
      </Card>
    </View>
  );
}
