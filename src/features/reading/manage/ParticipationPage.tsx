import { RateTable } from '../RateTable';
import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useQuery } from '@/api/hooks';
import type { Participation } from '@/core/reading/contract';
import { dayLabel } from '@/core/reading/rules';
import { localMonthKey } from '@/core/time';
import { Card } from '@/components/Card';
import { Page } from '@/components/Page';
import { StateView } from '@/components/StateView';
import { SessionGate } from '@/features/session/SessionGate';
import { monthLabel, shiftMonth } from '@/features/admin/calendar/month-grid';
import { percentText } from '../format';
import { StepNav } from '../MonthNav';
import { SECRETARY } from './ManagePage';
import '../reading.scss';
import '../panels.scss';
import './manage.scss';
import { serverNow } from '@/features/session/session';

/** Secretary/admin: participation by department and by day; aggregate figures only, no names. */
export function ParticipationPage() {
  return (
    <SessionGate roles={SECRETARY}>
      {(me) => (
        <Page wide>
          <ParticipationView timeZone={me.settings.timeZone} />
        </Page>
      )}
    </SessionGate>
  );
}

function ParticipationView({ timeZone }: { timeZone: string }) {
  const current = localMonthKey(serverNow(), timeZone);
  const [month, setMonth] = useState(current);
  const p = useQuery('checkin.participation', { month });
  return (
    <Card>
      <StepNav label={monthLabel(month)} onStep={(d) => setMonth((m) => shiftMonth(m, d))} noNext={month >= current} />
      {p.error && <StateView kind='error' message={p.error.message} onRetry={p.reload} />}
      {!p.error && !p.data && <StateView kind='loading' />}
      {p.data && !p.error && <Figures data={p.data} />}
    </Card>
  );
}

function Figures({ data }: { data: Participation }) {
  const { total } = data;
  return (
    <View className='rpart'>
      <View className='rpart__summary'>
        <Figure value={String(data.workdays)} label='已过晨读日' />
        <Figure value={String(data.headcount)} label='在册人数' />
        <Figure value={String(total.participants)} label='本月参与人数' />
        <Figure value={percentText(total.rate)} label='平均参与率' />
      </View>
      <Text className='section-title'>按部门</Text>
      <RateTable
        head='部门'
        rows={[...data.departments, total].map((d) => ({ ...d, name: d.department, total: d === total }))}
      />
      {data.byBranch.length > 0 && (
        <>
          <Text className='section-title'>按支部</Text>
          <RateTable head='支部' rows={data.byBranch.map((b) => ({ ...b, name: b.branch, days: b.workdays }))} />
          <Text className='card__text'>支部的参与率按本支部的晨读日计算：本支部发布的与全单位发布的。</Text>
        </>
      )}
      <Text className='section-title'>按日</Text>
      {data.days.length === 0 && <StateView kind='empty' message='本月还没有晨读日' />}
      <View className='rtable' role='table'>
        {data.days.map((d) => (
          <View key={d.date} className='rtable__row' role='row'>
            <Text className='rtable__cell rtable__cell--wide'>{dayLabel(d.date)}</Text>
            <View className='rpart__bar' aria-hidden>
              <View className='rpart__fill' style={{ width: `${Math.round(d.rate * 100)}%` }} />
            </View>
            <Text className='rtable__cell'>{percentText(d.rate)}</Text>
            <Text className='rtable__cell'>
              {d.checkins} 人{d.makeups ? `（补 ${d.makeups}）` : ''}
            </Text>
          </View>
        ))}
      </View>
      <Text className='field__hint'>
        参与率 = 打卡人次 ÷（部门在册人数 ×
        已过的有晨读工作日）；当天打卡时段结束前，当天不计入平均。打卡自愿，数据仅供了解学习情况。
      </Text>
    </View>
  );
}

function Figure({ value, label }: { value: string; label: string }) {
  return (
    <View className='rpart__figure'>
      <Text className='rpart__value'>{value}</Text>
      <Text className='rpart__label'>{label}</Text>
    </View>
  );
}
