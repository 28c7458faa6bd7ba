import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { useQuery } from '@/api/hooks';
import { Card } from '@/components/Card';
import { Page } from '@/components/Page';
import { StateView } from '@/components/StateView';
import { SessionGate } from '@/features/session/SessionGate';
import type { ReadySession } from '@/features/session/session';
import { Board } from './Board';
import { CurrentRound } from './CurrentRound';
import { HONOR_ROUTES } from './routes';
import './honor.scss';
import { useRefreshOnShow } from '@/features/session/useRefreshOnShow';

/** The 好人榜 tab: the round under way and what I can do in it, then the board of honorees. */
export function HonorTab() {
  return <SessionGate>{(me) => <Honor me={me} />}</SessionGate>;
}

function Honor({ me }: { me: ReadySession }) {
  const rounds = useQuery('honor.round.list', {});
  // Back from nominating or voting: the round's state changed there.
  useRefreshOnShow(rounds.reload);
  const current = rounds.data?.items.find((r) => r.id === rounds.data?.currentId) ?? null;
  const isAdmin = me.roles.includes('admin');

  return (
    <Page className='hn-page'>
      {isAdmin && (
        <View className='hn-admin-entry'>
          <Button className='btn btn--small' onClick={() => void Taro.navigateTo({ url: HONOR_ROUTES.admin })}>
            管理评选 ›
          </Button>
        </View>
      )}
      {rounds.error && <StateView kind='error' message={rounds.error.message} onRetry={rounds.reload} />}
      {!rounds.error && !rounds.data && <StateView kind='loading' />}
      {rounds.data &&
        !rounds.error &&
        (current ? (
          <CurrentRound key={current.id} round={current} me={me} onChanged={rounds.reload} />
        ) : (
          <Card title='好人榜'>
            <Text className='card__text'>当前没有进行中的评选。发现身边的好人好事，可留意单位发布的下一轮评选。</Text>
          </Card>
        ))}
      <Board />
    </Page>
  );
}
