import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { useQuery } from '@/api/hooks';
import type { EVENT_LIST_STATUSES } from '@/core/volunteer/contract';
import { hasAnyRole } from '@/core/roles';
import { StateView } from '@/components/StateView';
import type { ReadySession } from '@/features/session/session';
import { EventCard } from './EventCard';
import { VOLUNTEER_ROUTES } from './routes';
import './volunteer.scss';

type ListStatus = (typeof EVENT_LIST_STATUSES)[number];

const FILTERS: { value: ListStatus; label: string; empty: string }[] = [
  { value: 'upcoming', label: '近期', empty: '近期没有志愿服务活动' },
  { value: 'mine', label: '我的', empty: '您还没有报名过志愿服务' },
  { value: 'past', label: '往期', empty: '还没有往期活动' },
];

// Kept across tab switches so that coming back shows the same list.
let lastFilter: ListStatus = 'upcoming';

/** The 志愿服务 segment of the 活动 tab: upcoming, mine, past; organizers start events here. */
export function VolunteerSegment({ me }: { me: ReadySession }) {
  const [filter, setFilter] = useState<ListStatus>(lastFilter);
  const list = useQuery('volunteer.events', { status: filter });
  // Back from an event page: seats and my status may have changed there.
  useDidShow(() => list.reload());
  const choose = (value: ListStatus) => {
    lastFilter = value;
    setFilter(value);
  };
  const current = FILTERS.find((f) => f.value === filter) ?? FILTERS[0];
  const organizer = hasAnyRole(me.roles, ['organizer']);
  return (
    <View className='vol-list'>
      <View className='vol-list__head'>
        <View className='vol-list__filters'>
          {FILTERS.map((f) => (
            <Text
              key={f.value}
              className={`vol-list__filter ${f.value === filter ? 'is-active' : ''}`}
              onClick={() => choose(f.value)}
            >
              {f.label}
            </Text>
          ))}
        </View>
        {organizer && (
          <Button
            className='btn btn--primary btn--small'
            onClick={() => void Taro.navigateTo({ url: VOLUNTEER_ROUTES.edit })}
          >
            发起活动
          </Button>
        )}
      </View>
      {list.error ? (
        <StateView kind='error' message={list.error.message} onRetry={list.reload} />
      ) : !list.data || list.loading ? (
        <StateView kind='loading' />
      ) : list.data.items.length === 0 ? (
        <StateView kind='empty' title={current.empty} />
      ) : (
        list.data.items.map((e) => <EventCard key={e.id} event={e} timeZone={me.settings.timeZone} />)
      )}
    </View>
  );
}
