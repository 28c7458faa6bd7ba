import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { useMutation, useQuery } from '@/api/hooks';
import { Card } from '@/components/Card';
import { Page } from '@/components/Page';
import { StateView } from '@/components/StateView';
import { SessionGate } from '@/features/session/SessionGate';
import type { ReadySession } from '@/features/session/session';
import { Ballot } from './Ballot';
import { NominationCard } from './NominationCard';
import { decodeParam } from './routes';
import './honor.scss';

export function VotePage() {
  const roundId = decodeParam(useRouter()?.params?.roundId);
  return (
    <SessionGate>
      {(me) => (
        <Page className='hn-page'>
          <Vote roundId={roundId} me={me} />
        </Page>
      )}
    </SessionGate>
  );
}

function Vote({ roundId, me }: { roundId: string; me: ReadySession }) {
  const list = useQuery('honor.nominations', roundId ? { roundId } : null);
  const vote = useMutation('honor.vote');
  const [cast, setCast] = useState(false);

  if (!roundId) return <StateView kind='error' message='缺少评选编号，请从好人榜进入' />;
  if (list.error) return <StateView kind='error' message={list.error.message} onRetry={list.reload} />;
  if (!list.data) return <StateView kind='loading' />;
  const { round } = list.data;
  const back = () => void Taro.navigateBack().catch(() => undefined);

  if (cast || round.voted) {
    return (
      <Card title={cast ? '投票成功' : '您已投票'}>
        <Text className='card__text'>感谢参与。投票截止后由单位确定入选名单并进行公示。</Text>
        <View className='btn-row'>
          <Button className='btn btn--primary' onClick={back}>
            返回好人榜
          </Button>
        </View>
      </Card>
    );
  }
  if (!round.stage.canVote) {
    return <StateView kind='blocked' title='投票未开放' message='本轮评选当前不在投票时间内' />;
  }
  const candidates = list.data.items.filter((n) => n.status === 'approved');

  return (
    <View>
      <Card title={`投票 · ${round.title}`}>
        <Ballot
          candidates={candidates}
          ballotSize={round.ballotSize}
          selfId={me.staff.id}
          busy={vote.busy}
          error={vote.error?.message}
          onSubmit={async (nominationIds) => {
            const res = await vote.run({ roundId: round.id, nominationIds });
            if (res.ok) setCast(true);
          }}
        />
      </Card>
      <Text className='section-title'>候选人事迹</Text>
      {candidates.map((item) => (
        <NominationCard key={item.id} item={item} hideStatus />
      ))}
    </View>
  );
}
