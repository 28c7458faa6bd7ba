import { useEffect, useRef } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { useQuery } from '@/api/hooks';
import type { HonorNomination, HonorRound } from '@/core/honor/contract';
import { StateView } from '@/components/StateView';
import type { ReadySession } from '@/features/session/session';
import { RoundNominations } from './RoundNominations';
import { RoundSummary } from './RoundSummary';
import { HONOR_ROUTES, withRound } from './routes';

interface Props {
  round: HonorRound;
  me: ReadySession;
  onChanged: () => void;
}

export function CurrentRound({ round, me, onChanged }: Props) {
  const list = useQuery('honor.nominations', { roundId: round.id });
  const stage = round.stage;
  // The tab reloads the round when it shows again (back from nominating, voting, another tab): the
  // list below must follow, or it would show the phase it was loaded in.
  const first = useRef(true);
  const { reload } = list;
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    reload();
  }, [round, reload]);
  const items = list.data?.items ?? [];
  const go = (url: string) => void Taro.navigateTo({ url: withRound(url, round.id) });

  return (
    <View className='hn-current'>
      <RoundSummary round={round} timeZone={me.settings.timeZone}>
        <View className='btn-row'>
          {stage.canNominate && (
            <Button className='btn btn--primary' onClick={() => go(HONOR_ROUTES.nominate)}>
              推荐好人
            </Button>
          )}
          {stage.canVote && (
            <Button className='btn btn--primary' onClick={() => go(HONOR_ROUTES.vote)}>
              去投票
            </Button>
          )}
          {round.phase === 'voting' && round.voted && <Text className='badge badge--ok'>已投票</Text>}
        </View>
      </RoundSummary>
      {list.error && <StateView kind='error' message={list.error.message} onRetry={list.reload} />}
      {!list.error && !list.data && <StateView kind='loading' />}
      {list.data && (
        <RoundNominations
          round={list.data.round}
          mine={items.filter((n) => n.relation.length > 0)}
          others={items.filter((n) => othersShown(n, list.data!.round))}
          canSecond={stage.canNominate}
          canObject={stage.canObject}
          onChanged={() => {
            list.reload();
            onChanged();
          }}
        />
      )}
    </View>
  );
}

/** Everyone's list: the open nominations while collecting, later the approved candidates. */
function othersShown(n: HonorNomination, round: HonorRound): boolean {
  if (round.phase === 'nominating') return n.relation.length === 0;
  return n.status === 'approved';
}
