import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, View } from '@tarojs/components';
import { useQuery } from '@/api/hooks';
import { Page } from '@/components/Page';
import { StateView } from '@/components/StateView';
import { SessionGate } from '@/features/session/SessionGate';
import { ActivityCard } from '../ActivityCard';
import { ACTIVITY_ROUTES } from '../routes';
import '../activity.scss';
import { useRefreshOnShow } from '@/features/session/useRefreshOnShow';

const ORGANIZER = ['organizer'] as const;

/** Every activity, newest first, for organizers; new ones start here. */
export function ManageListPage() {
  return (
    <SessionGate roles={ORGANIZER}>
      {(me) => (
        <Page wide>
          <ManageList timeZone={me.settings.timeZone} />
        </Page>
      )}
    </SessionGate>
  );
}

function ManageList({ timeZone }: { timeZone: string }) {
  const [page, setPage] = useState(1);
  const list = useQuery('activity.list', { status: 'manage', page });
  useRefreshOnShow(list.reload);
  return (
    <View>
      <View className='btn-row'>
        <Button className='btn btn--primary' onClick={() => void Taro.navigateTo({ url: ACTIVITY_ROUTES.edit })}>
          发布文体活动
        </Button>
      </View>
      <View className='section-title' />
      {list.error && <StateView kind='error' message={list.error.message} onRetry={list.reload} />}
      {!list.error && !list.data && <StateView kind='loading' />}
      {list.data && list.data.items.length === 0 && <StateView kind='empty' title='还没有文体活动' />}
      {list.data?.items.map((a) => (
        <ActivityCard key={a.id} activity={a} timeZone={timeZone} />
      ))}
      {list.data && (page > 1 || list.data.hasMore) && (
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
