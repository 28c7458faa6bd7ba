import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { call } from '@/api/client';
import type { HonorNomination, HonorRound } from '@/core/honor/contract';
import { ErrorText } from '@/components/StateView';
import { toast } from '@/components/confirm';
import { NominationCard } from './NominationCard';
import { ObjectionForm } from './ObjectionForm';

interface Props {
  round: HonorRound;
  mine: HonorNomination[];
  others: HonorNomination[];
  canSecond: boolean;
  canObject: boolean;
  onChanged: () => void;
}

const RELATION_TEXT = { nominator: '我推荐的', nominee: '推荐我的', seconder: '我附议的' } as const;

export function RoundNominations({ round, mine, others, canSecond, canObject, onChanged }: Props) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [objecting, setObjecting] = useState<string | null>(null);

  async function second(item: HonorNomination) {
    setBusy(item.id);
    setError(null);
    const res = await call('honor.second', { nominationId: item.id });
    setBusy(null);
    if (!res.ok) return setError(res.error.message);
    toast(res.data.already ? '您已附议过' : '已附议');
    onChanged();
  }

  const othersTitle =
    round.phase === 'nominating'
      ? '同事们的推荐'
      : round.phase === 'voting'
        ? '候选人'
        : round.phase === 'reviewing'
          ? ''
          : '候选人与入选名单';
  const visibleOthers =
    round.phase === 'publicity' ? [...others].sort((a, b) => Number(b.winner) - Number(a.winner)) : others;

  return (
    <View className='hn-lists'>
      <ErrorText message={error} />
      {mine.length > 0 && (
        <>
          <Text className='section-title'>与我有关</Text>
          {mine.map((item) => (
            <NominationCard key={item.id} item={item}>
              <Text className='hn-card__relation'>{item.relation.map((r) => RELATION_TEXT[r]).join(' · ')}</Text>
            </NominationCard>
          ))}
        </>
      )}
      {othersTitle && (
        <Text className='section-title'>
          {othersTitle}（{visibleOthers.length}）
        </Text>
      )}
      {othersTitle && visibleOthers.length === 0 && <Text className='muted hn-empty'>暂时还没有</Text>}
      {othersTitle &&
        visibleOthers.map((item) => (
          <NominationCard key={item.id} item={item} hideStatus={round.phase !== 'nominating'}>
            {canSecond && item.relation.length === 0 && (
              <Button
                className='btn btn--small hn-card__action'
                disabled={busy !== null}
                onClick={() => void second(item)}
              >
                {busy === item.id ? '提交中…' : '附议'}
              </Button>
            )}
            {canObject && item.winner && objecting !== item.id && (
              <Button className='btn btn--small btn--ghost hn-card__action' onClick={() => setObjecting(item.id)}>
                提出异议
              </Button>
            )}
            {objecting === item.id && (
              <ObjectionForm roundId={round.id} nomination={item} onDone={() => setObjecting(null)} />
            )}
          </NominationCard>
        ))}
    </View>
  );
}
