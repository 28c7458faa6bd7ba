import { RateTable } from '@/features/reading/RateTable';
import { useMemo, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useQuery } from '@/api/hooks';
import type { DashboardSummary } from '@/core/dashboard';
import { localMonthKey } from '@/core/time';
import { Card } from '@/components/Card';
import { StateView } from '@/components/StateView';
import { monthLabel, shiftMonth } from '@/features/admin/calendar/month-grid';
import { StepNav } from '@/features/reading/MonthNav';
import { percentText } from '@/features/reading/format';
import { ROUTES } from '@/features/session/routes';
import { serverNow } from '@/features/session/session';
import { barChart } from './charts';
import { F2Canvas } from './F2Canvas';
import '@/features/reading/panels.scss';
import '@/features/reading/manage/manage.scss';
import './dashboard.scss';

/** The office's dashboard, the first thing on 管理: a month's figures, two charts and their tables. */
export function DashboardPanel({ timeZone }: { timeZone: string }) {
  const current = localMonthKey(serverNow(), timeZone);
  const [month, setMonth] = useState(current);
  const q = useQuery('dashboard.summary', { month });
  return (
    <Card title='工作概览' className='dash'>
      <StepNav label={monthLabel(month)} onStep={(d) => setMonth((m) => shiftMonth(m, d))} noNext={month >= current} />
      {q.error && <StateView kind='error' message={q.error.message} onRetry={q.reload} />}
      {!q.error && !q.data && <StateView kind='loading' />}
      {q.data && !q.error && <Figures data={q.data} />}
    </Card>
  );
}

function Figure({ value, label, onClick }: { value: string; label: string; onClick?: () => void }) {
  return (
    <View className={`rpart__figure ${onClick ? 'dash__link' : ''}`} onClick={onClick}>
      <Text className='rpart__value'>{value}</Text>
      <Text className='rpart__label'>{label}</Text>
    </View>
  );
}

function Figures({ data }: { data: DashboardSummary }) {
  const { reading, volunteer, open } = data;
  const readingChart = useMemo(
    () =>
      barChart(
        reading.departments.map((d) => ({ label: d.department, value: d.rate })),
        true,
      ),
    [reading.departments],
  );
  const hoursChart = useMemo(
    () =>
      barChart(
        volunteer.months.map((m) => ({ label: `${Number(m.month.slice(5))}月`, value: m.hours })),
        false,
      ),
    [volunteer.months],
  );
  const hoursText = (h: number) => `${Math.round(h * 10) / 10}`;
  return (
    <View className='dash__body'>
      <View className='rpart__summary'>
        <Figure value={percentText(reading.rate)} label={`${monthLabel(data.month)}晨读参与率`} />
        <Figure value={percentText(volunteer.volunteerRate)} label={`${data.year} 年注册志愿者比例`} />
        <Figure
          value={`${hoursText(volunteer.hoursPerPerson)} / ${volunteer.targetHours}`}
          label='人均志愿服务小时 / 年度目标'
        />
        <Figure value={String(open.rounds)} label='进行中的好人榜评选' />
        <Figure value={String(open.events)} label='未结束的志愿服务' />
        <Figure value={String(open.activities)} label='未结束的文体活动' />
        <Figure
          value={String(data.mailbox.unanswered)}
          label='待答复的投诉建议'
          onClick={() => void Taro.navigateTo({ url: ROUTES.mailboxAdmin })}
        />
      </View>

      <Text className='section-title'>晨读参与率（按部门）</Text>
      <F2Canvas chart={readingChart} height={220} label='各部门晨读参与率柱状图' />
      <RateTable
        head='部门'
        label='各部门晨读参与率'
        rows={reading.departments.map((d) => ({ ...d, name: d.department }))}
      />
      {reading.branches.length > 0 && (
        <>
          <Text className='section-title'>晨读参与率（按党支部）</Text>
          <RateTable
            head='支部'
            label='各党支部晨读参与率'
            rows={reading.branches.map((b) => ({ ...b, name: b.branch }))}
          />
        </>
      )}

      <Text className='section-title'>{data.year} 年志愿服务时长（按月，已确认）</Text>
      <F2Canvas chart={hoursChart} height={220} label='各月志愿服务时长柱状图' />
      <View className='rtable' role='table' aria-label='各月志愿服务时长'>
        <View className='rtable__row rtable__row--head' role='row'>
          <Text className='rtable__cell'>月份</Text>
          <Text className='rtable__cell'>小时</Text>
          <Text className='rtable__cell'>服务人次</Text>
        </View>
        {volunteer.months.map((m) => (
          <View key={m.month} className={`rtable__row ${m.services === 0 ? 'is-empty' : ''}`} role='row'>
            <Text className='rtable__cell'>{`${Number(m.month.slice(5))}月`}</Text>
            <Text className='rtable__cell'>{hoursText(m.hours)}</Text>
            <Text className='rtable__cell'>{m.services}</Text>
          </View>
        ))}
        <View className='rtable__row rtable__row--total' role='row'>
          <Text className='rtable__cell'>全年</Text>
          <Text className='rtable__cell'>{hoursText(volunteer.hours)}</Text>
          <Text className='rtable__cell'>{volunteer.services}</Text>
        </View>
      </View>
      <Text className='muted'>
        {`注册志愿者：本年至少有一次已确认服务的在册人员 ${volunteer.volunteers} 人，在册 ${data.activeMembers} 人。`}
      </Text>
    </View>
  );
}
