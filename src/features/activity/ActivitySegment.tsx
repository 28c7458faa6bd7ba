import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { useQuery } from '@/api/hooks';
import { useRefreshOnShow } from '@/features/session/useRefreshOnShow';
import { ACTIVITY_KIND_LABELS, ACTIVITY_KINDS, type ActivityKind } from '@/core/activity/rules';
import { hasAnyRole } from '@/core/roles';
import { StateView } from '@/components/StateView';
import type { ReadySession } from '@/features/session/session';
import { ActivityCard } from './ActivityCard';
import { ACTIVITY_ROUTES } from './routes';
import './activity.scss';

type ListStatus = 'open' | 'mine' | 'past';
const LISTS: { value: ListStatus; label: string }[] = [
  { value: 'open', label: '近期活动' },
  { value: 'mine', label: '我的报名' },
  { value: 'past', label: '往期' },
];

/** The 文体活动 segment of the 活动 tab: open / mine / past, filtered by kind. */
export function ActivitySegment({ me }: { me: ReadySession }) {
  const [status, setStatus] = useState<ListStatus>('open');
  const [kind, setKind] = useState<ActivityKind | null>(null);
  const [page, setPage] = useState(1);
  const list = useQuery('activity.list', { status, page, ...(kind ? { kind } : {}) });
  useRefreshOnShow(list.reload);
  const organizer = hasAnyRole(me.roles, ['organizer']);

  const choose = (next: ListStatus) => {
    setStatus(next);
    setPage(1);
  };

  return (
    <View className='act-list'>
      <View className='act-filters'>
        {LISTS.map((l) => (
          <Text
            key={l.value}
            className={`act-chip ${status === l.value ? 'is-active' : ''}`}
            onClick={() => choose(l.value)}
          >
            {l.label}
          </Text>
        ))}
        {organizer && (
          <Text className='act-chip' onClick={() => void Taro.navigateTo({ url: ACTIVITY_ROUTES.manage })}>
            管理活动 ›
          </Text>
        )}
      </View>
      <View className='act-filters'>
        <Text
          className={`act-chip ${kind === null ? 'is-active' : ''}`}
          onClick={() => {
            setKind(null);
            setPage(1);
          }}
        >
          全部
        </Text>
        {ACTIVITY_KINDS.map((k) => (
          <Text
            key={k}
            className={`act-chip ${kind === k ? 'is-active' : ''}`}
            onClick={() => {
              setKind(k);
              setPage(1);
            }}
          >
            {ACTIVITY_KIND_LABELS[k]}
          </Text>
        ))}
      </View>
      {list.error && <StateView kind='error' message={list.error.message} onRetry={list.reload} />}
      {!list.error && (list.loading || !list.data) && <StateView kind='loading' />}
      {!list.error && !list.loading && list.data && list.data.items.length === 0 && (
        <StateView
          kind='empty'
          title={status === 'mine' ? '还没有报名' : '暂无活动'}
          message={status === 'open' ? '新的文体活动发布后会显示在这里' : undefined}
        />
      )}
      {!list.error &&
        !list.loading &&
        list.data?.items.map((a) => <ActivityCard key={a.id} activity={a} timeZone={me.settings.timeZone} />)}
      {!list.loading && list.data && (page > 1 || list.data.hasMore) && (
        <View className='btn-row'>
          {page > 1 && (
            <Button className='btn btn--small' onClick={() => setPage((p) => p - 1)}>
              上一页
            </Button>
          )}
          {list.data.hasMore && (
            <Button className='btn btn--small' onClick={() => setPage((p) => p + 1)}>
              下一页
            </Button>
          )}
        </View>
      )}
    </View>
  );
}
