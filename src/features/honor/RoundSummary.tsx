import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import type { HonorRound } from '@/core/honor/contract';
import { type HonorPhase, PHASE_ORDER } from '@/core/honor/rules';
import { Card } from '@/components/Card';
import { formatDay, formatInstant, phaseBadge } from './format';

const STEPS: { phase: HonorPhase; label: string }[] = [
  { phase: 'nominating', label: '推荐' },
  { phase: 'reviewing', label: '审核' },
  { phase: 'voting', label: '投票' },
  { phase: 'publicity', label: '公示' },
  { phase: 'published', label: '发布' },
];

/** Where the round stands: its phase among the five, the deadlines, and one line on what now. */
export function RoundSummary({
  round,
  timeZone,
  children,
}: {
  round: HonorRound;
  timeZone: string;
  children?: ReactNode;
}) {
  const badge = phaseBadge(round.phase);
  const at = PHASE_ORDER.indexOf(round.phase);
  return (
    <Card title={round.title} extra={<Text className={`badge ${badge.tone}`}>{badge.text}</Text>}>
      {round.phase !== 'cancelled' && (
        <View className='hn-steps'>
          {STEPS.map((s) => {
            const i = PHASE_ORDER.indexOf(s.phase);
            const state = i < at ? 'is-done' : i === at ? 'is-current' : '';
            return (
              <View key={s.phase} className={`hn-steps__item ${state}`}>
                <View className='hn-steps__dot' />
                <Text className='hn-steps__label'>{s.label}</Text>
              </View>
            );
          })}
        </View>
      )}
      <View className='hn-times'>
        <Line label='推荐截止' value={formatInstant(round.nominateUntil, timeZone)} />
        <Line label='投票截止' value={formatInstant(round.voteUntil, timeZone)} />
        {round.publicityStart && round.publicityEnd && (
          <Line
            label='公示期'
            value={`${formatDay(round.publicityStart)} 至 ${formatDay(round.publicityEnd)}（${round.publicityDays} 个工作日）`}
          />
        )}
        {round.ballotCount !== undefined && <Line label='已投票' value={`${round.ballotCount} 人`} />}
        <Line label='评选类别' value={round.categories.join('、')} />
      </View>
      <Text className='hn-hint'>{round.stage.hint}</Text>
      {children}
    </Card>
  );
}

function Line({ label, value }: { label: string; value: string }) {
  return (
    <View className='hn-times__row'>
      <Text className='hn-times__label'>{label}</Text>
      <Text className='hn-times__value'>{value}</Text>
    </View>
  );
}
