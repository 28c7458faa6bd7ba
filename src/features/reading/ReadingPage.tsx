import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { hasAnyRole } from '@/core/roles';
import { localDayKey } from '@/core/time';
import { Card } from '@/components/Card';
import { Page } from '@/components/Page';
import { SessionGate } from '@/features/session/SessionGate';
import { type ReadySession, serverNow } from '@/features/session/session';
import { ArchivePanel } from './ArchivePanel';
import { HonorRollPanel } from './HonorRollPanel';
import { branchOf } from '@/core/people/branch';
import { MyCalendar } from './MyCalendar';
import { PastReadings } from './PastReadings';
import { READING_ROUTES } from './routes';
import { TodayPanel } from './TodayPanel';
import './reading.scss';
import './panels.scss';

const VIEWS = [
  { key: 'today', label: '今日' },
  { key: 'past', label: '往期' },
  { key: 'calendar', label: '日历' },
  { key: 'archive', label: '档案' },
  { key: 'honor', label: '标兵' },
] as const;
type ViewKey = (typeof VIEWS)[number]['key'];

/** The 晨读 tab: today's reading and check-in, past readings, my calendar, my archive, the honor roll. */
export function ReadingPage() {
  return <SessionGate>{(me) => <Reading me={me} />}</SessionGate>;
}

function Reading({ me }: { me: ReadySession }) {
  const [view, setView] = useState<ViewKey>('today');
  const { timeZone, rankingMode } = me.settings;
  const views = VIEWS.filter((v) => v.key !== 'honor' || rankingMode !== 'off');
  const manages = hasAnyRole(me.roles, ['secretary']);

  return (
    <Page className='reading'>
      <View className='rtabs' role='tablist'>
        {views.map((v) => (
          <View
            key={v.key}
            role='tab'
            aria-selected={view === v.key}
            className={`rtabs__item ${view === v.key ? 'is-active' : ''}`}
            onClick={() => setView(v.key)}
          >
            {v.label}
          </View>
        ))}
      </View>
      {view === 'today' && <TodayPanel me={me} />}
      {view === 'past' && <PastReadings timeZone={timeZone} />}
      {view === 'calendar' && <MyCalendar timeZone={timeZone} />}
      {view === 'archive' && <ArchivePanel thisYear={Number(localDayKey(serverNow(), timeZone).slice(0, 4))} />}
      {view === 'honor' && <HonorRollPanel timeZone={timeZone} branch={branchOf(me.staff)} />}
      {manages && (
        <Card
          title='晨读管理'
          className='reading__manage'
          onClick={() => void Taro.navigateTo({ url: READING_ROUTES.manage })}
          extra={<Text className='muted'>进入 ›</Text>}
        >
          <Text className='card__text'>发布与编辑晨读、查看各部门参与情况。</Text>
        </Card>
      )}
    </Page>
  );
}
