import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useQuery } from '@/api/hooks';
import { Card } from '@/components/Card';
import { StateView } from '@/components/StateView';
import { ADMIN_TRAIL, AdminGate } from '@/features/admin/AdminGate';
import type { ReadySession } from '@/features/session/session';
import { formatInstant, phaseBadge } from '../format';
import { HONOR_ROUTES, withRound } from '../routes';
import { CreateRoundForm } from './CreateRoundForm';
import '../honor.scss';
import { useRefreshOnShow } from '@/features/session/useRefreshOnShow';

/** Admins: every round (drafts included), and a form for the next one. */
export function RoundsPage() {
  return <AdminGate trail={[...ADMIN_TRAIL, { label: '好人榜评选' }]}>{(me) => <Rounds me={me} />}</AdminGate>;
}

function Rounds({ me }: { me: ReadySession }) {
  const rounds = useQuery('honor.round.list', {});
  useRefreshOnShow(rounds.reload);
  const tz = me.settings.timeZone;
  const open = (id: string) => void Taro.navigateTo({ url: withRound(HONOR_ROUTES.manage, id) });

  return (
    <View className='hn-page hn-admin'>
      <Text className='section-title'>全部评选</Text>
      {rounds.error && <StateView kind='error' message={rounds.error.message} onRetry={rounds.reload} />}
      {!rounds.error && !rounds.data && <StateView kind='loading' />}
      {rounds.data?.items.length === 0 && <StateView kind='empty' message='还没有评选，请在下方新建' />}
      {rounds.data?.items.map((r) => {
        const badge = phaseBadge(r.phase);
        return (
          <Card
            key={r.id}
            title={r.title}
            onClick={() => open(r.id)}
            extra={<Text className={`badge ${badge.tone}`}>{badge.text}</Text>}
          >
            <Text className='card__text'>
              推荐 {r.nominationCount} 条 · 候选人 {r.candidateCount} 位
              {r.ballotCount !== undefined ? ` · 已投票 ${r.ballotCount} 人` : ''}
            </Text>
            <Text className='card__text'>
              推荐截止 {formatInstant(r.nominateUntil, tz)} · 投票截止 {formatInstant(r.voteUntil, tz)}
            </Text>
          </Card>
        );
      })}
      <CreateRoundForm
        timeZone={tz}
        onCreated={(round) => {
          rounds.reload();
          open(round.id);
        }}
      />
    </View>
  );
}
