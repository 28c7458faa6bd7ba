import { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { useMutation, useQuery } from '@/api/hooks';
import type { ActionInput } from '@/core/contract';
import type { HonorRound } from '@/core/honor/contract';
import { ErrorText, StateView } from '@/components/StateView';
import { confirmAction, toast } from '@/components/confirm';
import { ADMIN_TRAIL, AdminGate } from '@/features/admin/AdminGate';
import type { ReadySession } from '@/features/session/session';
import { formatDay } from '../format';
import { RoundSummary } from '../RoundSummary';
import { decodeParam, HONOR_ROUTES } from '../routes';
import { DeadlinesForm } from './DeadlinesForm';
import { ResultsPanel } from './ResultsPanel';
import { ReviewItem } from './ReviewItem';
import '../honor.scss';

type Target = ActionInput<'honor.round.advance'>['to'];

/** Admins run one round here: phase moves, review, tallies and selection, objections, publication. */
export function ManagePage() {
  const roundId = decodeParam(useRouter()?.params?.roundId);
  return (
    <AdminGate trail={[...ADMIN_TRAIL, { label: '好人榜评选', url: HONOR_ROUTES.admin }, { label: '评选详情' }]}>
      {(me) => <Manage roundId={roundId} me={me} />}
    </AdminGate>
  );
}

function Manage({ roundId, me }: { roundId: string; me: ReadySession }) {
  const list = useQuery('honor.nominations', roundId ? { roundId } : null);
  if (!roundId) return <StateView kind='error' message='缺少评选编号，请从评选列表进入' />;
  if (list.error) return <StateView kind='error' message={list.error.message} onRetry={list.reload} />;
  if (!list.data) return <StateView kind='loading' />;
  const { round, items } = list.data;
  const closed = round.stage.votingClosed;
  const pending = items.filter((n) => n.status === 'pending').length;

  return (
    <View className='hn-page hn-admin'>
      <RoundSummary round={round} timeZone={me.settings.timeZone}>
        <PhaseActions round={round} pending={pending} onMoved={list.reload} />
        {['draft', 'nominating', 'reviewing'].includes(round.phase) && (
          <DeadlinesForm
            key={`${round.nominateUntil}-${round.voteUntil}`}
            round={round}
            timeZone={me.settings.timeZone}
            onSaved={list.reload}
          />
        )}
      </RoundSummary>
      {(round.phase === 'voting' && closed) || round.phase === 'publicity' || round.phase === 'published' ? (
        <ResultsPanel key={round.phase} round={round} onSelected={list.reload} />
      ) : null}
      <Text className='section-title'>
        全部推荐（{items.length}）{round.phase === 'reviewing' ? ` · 待审核 ${pending}` : ''}
      </Text>
      {items.length === 0 && <StateView kind='empty' message='还没有推荐' />}
      {items.map((item) => (
        <ReviewItem
          key={`${item.id}-${item.status ?? ''}`}
          item={item}
          editable={round.phase === 'reviewing'}
          onReviewed={list.reload}
        />
      ))}
    </View>
  );
}

/** The confirm button of each phase move (at most four characters: WeChat's showModal limit). */
type MoveLabel = '开始推荐' | '结束推荐' | '开始投票' | '发布' | '取消评选';

function PhaseActions({ round, pending, onMoved }: { round: HonorRound; pending: number; onMoved: () => void }) {
  const advance = useMutation('honor.round.advance');

  async function move(to: Target, title: string, content: string, confirm: MoveLabel, cancel?: '不取消') {
    if (advance.busy) return;
    if (!(await confirmAction(title, content, confirm, cancel))) return;
    const res = await advance.run({ roundId: round.id, to });
    if (res.ok) {
      toast('已更新');
      onMoved();
    }
  }

  const early = round.stage.canNominate;
  const publicityOver = round.phase === 'publicity' && !round.stage.canObject;
  return (
    <View>
      <View className='btn-row'>
        {round.phase === 'draft' && (
          <Button
            className='btn btn--primary'
            disabled={advance.busy}
            onClick={() => void move('nominating', '开始推荐', '开始后全体职工即可推荐。', '开始推荐')}
          >
            开始推荐
          </Button>
        )}
        {round.phase === 'nominating' && (
          <Button
            className='btn btn--primary'
            disabled={advance.busy}
            onClick={() =>
              void move(
                'reviewing',
                '结束推荐',
                early ? '推荐截止时间还未到，确定提前结束推荐并进入审核吗？' : '结束推荐并进入审核。',
                '结束推荐',
              )
            }
          >
            结束推荐，进入审核
          </Button>
        )}
        {round.phase === 'reviewing' && (
          <Button
            className='btn btn--primary'
            disabled={advance.busy || pending > 0}
            onClick={() => void move('voting', '开始投票', '投票开始后候选人名单不再变动。', '开始投票')}
          >
            开始投票
          </Button>
        )}
        {round.phase === 'publicity' && (
          <Button
            className='btn btn--primary'
            disabled={advance.busy || !publicityOver}
            onClick={() => void move('published', '发布好人榜', '发布后入选人员将登上好人榜。', '发布')}
          >
            发布好人榜
          </Button>
        )}
        {!['published', 'cancelled'].includes(round.phase) && (
          <Button
            className='btn btn--danger'
            disabled={advance.busy}
            onClick={() => void move('cancelled', '取消评选', '取消后本轮评选不可恢复。', '取消评选', '不取消')}
          >
            取消评选
          </Button>
        )}
      </View>
      {round.phase === 'reviewing' && pending > 0 && (
        <Text className='field__hint'>还有 {pending} 条推荐未审核，审核完毕后才能开始投票。</Text>
      )}
      {round.phase === 'voting' && !round.stage.votingClosed && (
        <Text className='field__hint'>投票进行中，截止后才能查看计票结果。</Text>
      )}
      {round.phase === 'publicity' && !publicityOver && round.publicityEnd && (
        <Text className='field__hint'>公示期至 {formatDay(round.publicityEnd)} 结束，结束后才能发布。</Text>
      )}
      <ErrorText message={advance.error?.message} />
    </View>
  );
}
