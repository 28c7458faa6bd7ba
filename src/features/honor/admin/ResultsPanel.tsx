import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import { useMutation, useQuery } from '@/api/hooks';
import type { HonorRound } from '@/core/honor/contract';
import { Card } from '@/components/Card';
import { ErrorText, StateView } from '@/components/StateView';
import { confirmAction, toast } from '@/components/confirm';

/**
 * The tallies once voting has closed, and the choice of honorees. Votes are advisory (DESIGN.md §6):
 * the admin picks, the counts only inform.
 */
export function ResultsPanel({ round, onSelected }: { round: HonorRound; onSelected: () => void }) {
  const results = useQuery('honor.results', { roundId: round.id });
  const [chosen, setChosen] = useState<string[]>(round.winnerIds ?? []);
  const select = useMutation('honor.select');
  const selecting = round.phase === 'voting';
  const [withdrawing, setWithdrawing] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const unselect = useMutation('honor.unselect');

  // After an upheld objection: the honoree leaves the list before it is published.
  async function withdraw() {
    // Checked here too: a disabled Taro button still delivers taps on H5.
    if (!withdrawing || unselect.busy || reason.trim().length < 2) return;
    const res = await unselect.run({ roundId: round.id, nominationId: withdrawing, reason: reason.trim() });
    if (res.ok) {
      toast('已撤销入选');
      setWithdrawing(null);
      setReason('');
      onSelected();
    }
  }

  async function confirm() {
    if (chosen.length === 0 || select.busy) return;
    const names = (results.data?.items ?? [])
      .filter((r) => chosen.includes(r.nomination.id))
      .map((r) => r.nomination.nominee.name);
    const ok = await confirmAction(
      '确定入选名单',
      `入选：${names.join('、')}。确定后进入 ${round.publicityDays} 个工作日的公示期。`,
      '确定公示',
    );
    if (!ok) return;
    const res = await select.run({ roundId: round.id, nominationIds: chosen });
    if (res.ok) {
      toast('已进入公示');
      onSelected();
    }
  }

  if (results.error) return <StateView kind='error' message={results.error.message} onRetry={results.reload} />;
  if (!results.data) return <StateView kind='loading' />;
  const { ballots, eligible, items } = results.data;
  return (
    <Card title='计票结果'>
      <Text className='card__text'>
        共 {ballots} 人投票（在职 {eligible} 人）。票数仅供参考，入选名单由单位研究确定。
      </Text>
      <View className='hn-results'>
        {items.map((r) => {
          const on = chosen.includes(r.nomination.id);
          return (
            <View
              key={r.nomination.id}
              className={`hn-results__row ${on ? 'is-on' : ''}`}
              role='checkbox'
              aria-checked={on}
              onClick={() =>
                selecting &&
                setChosen(on ? chosen.filter((id) => id !== r.nomination.id) : [...chosen, r.nomination.id])
              }
            >
              {selecting && <View className='hn-ballot__box'>{on ? '✓' : ''}</View>}
              <Text className='hn-results__name'>{r.nomination.nominee.name}</Text>
              <Text className='hn-results__cat'>{r.nomination.category}</Text>
              <Text className='hn-results__votes'>{r.votes} 票</Text>
              {r.winner && <Text className='badge hn-badge--gold'>入选</Text>}
              {r.winner && round.phase === 'publicity' && (
                <Button
                  className='btn btn--small'
                  onClick={(e) => {
                    e.stopPropagation();
                    setWithdrawing(r.nomination.id);
                  }}
                >
                  撤销入选
                </Button>
              )}
            </View>
          );
        })}
      </View>
      {withdrawing && (
        <View className='hn-unselect'>
          <Input
            className='field__input'
            value={reason}
            placeholder='撤销原因（仅管理员可见）'
            maxlength={200}
            onInput={(e) => {
              setReason(e.detail.value);
              unselect.clearError();
            }}
          />
          <View className='btn-row'>
            <Button
              className='btn btn--danger'
              disabled={unselect.busy || reason.trim().length < 2}
              onClick={() => void withdraw()}
            >
              确认撤销
            </Button>
            <Button className='btn' onClick={() => setWithdrawing(null)}>
              取消
            </Button>
          </View>
          <ErrorText message={unselect.error?.message} />
        </View>
      )}
      <ErrorText message={select.error?.message} />
      {selecting && (
        <Button
          className='btn btn--primary'
          disabled={select.busy || chosen.length === 0}
          onClick={() => void confirm()}
        >
          确定入选名单并公示（{chosen.length}）
        </Button>
      )}
    </Card>
  );
}
