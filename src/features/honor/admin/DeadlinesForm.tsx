import { useState } from 'react';
import { Button, View } from '@tarojs/components';
import { useMutation } from '@/api/hooks';
import type { HonorRound } from '@/core/honor/contract';
import { localDayKey, localInstant, localTimeKey } from '@/core/time';
import { DateTimeField } from '@/components/DateTimeField';
import { ErrorText } from '@/components/StateView';
import { toast } from '@/components/confirm';
import { serverFieldErrors } from '@/features/forms/issues';

const split = (iso: string, timeZone: string) => ({
  day: localDayKey(new Date(iso), timeZone),
  time: localTimeKey(new Date(iso), timeZone),
});

/** Moving the deadlines before the vote opens; the nomination deadline only while nominations run. */
export function DeadlinesForm({
  round,
  timeZone,
  onSaved,
}: {
  round: HonorRound;
  timeZone: string;
  onSaved: () => void;
}) {
  const [nominate, setNominate] = useState(() => split(round.nominateUntil, timeZone));
  const [vote, setVote] = useState(() => split(round.voteUntil, timeZone));
  const update = useMutation('honor.round.update');
  const nominationsOpen = round.phase === 'draft' || round.phase === 'nominating';

  async function save() {
    const res = await update.run({
      roundId: round.id,
      ...(nominationsOpen ? { nominateUntil: localInstant(nominate.day, nominate.time, timeZone).toISOString() } : {}),
      voteUntil: localInstant(vote.day, vote.time, timeZone).toISOString(),
    });
    if (res.ok) {
      toast('截止时间已更新');
      onSaved();
    }
  }

  // Each message under its deadline; a change clears it (DESIGN: one form behaviour everywhere).
  const errors = update.error ? serverFieldErrors(update.error) : {};
  const change = (apply: () => void) => {
    apply();
    update.clearError();
  };
  return (
    <View>
      {nominationsOpen && (
        <DateTimeField
          label='推荐截止'
          day={nominate.day}
          time={nominate.time}
          error={errors.nominateUntil}
          onDay={(day) => change(() => setNominate((v) => ({ ...v, day })))}
          onTime={(time) => change(() => setNominate((v) => ({ ...v, time })))}
        />
      )}
      <DateTimeField
        label='投票截止'
        day={vote.day}
        time={vote.time}
        error={errors.voteUntil}
        onDay={(day) => change(() => setVote((v) => ({ ...v, day })))}
        onTime={(time) => change(() => setVote((v) => ({ ...v, time })))}
      />
      <View className='btn-row'>
        <Button className='btn' disabled={update.busy} onClick={() => void save()}>
          {update.busy ? '正在保存…' : '修改截止时间'}
        </Button>
      </View>
      <ErrorText message={errors['']} />
    </View>
  );
}
