import { useState } from 'react';
import { Button, Input, View } from '@tarojs/components';
import { useMutation } from '@/api/hooks';
import { honorRoundCreateInput, type HonorRound } from '@/core/honor/contract';
import { DEFAULT_BALLOT_SIZE, DEFAULT_CATEGORIES, DEFAULT_PUBLICITY_DAYS } from '@/core/honor/rules';
import { addDays, localDayKey, localInstant } from '@/core/time';
import { Card } from '@/components/Card';
import { DateTimeField } from '@/components/DateTimeField';
import { Field } from '@/components/Field';
import { ErrorText } from '@/components/StateView';
import { toast } from '@/components/confirm';
import { issuesToFieldErrors, serverFieldErrors } from '@/features/forms/issues';
import { useFormErrors } from '@/features/forms/useFormErrors';

interface Draft {
  title: string;
  categories: string;
  ballotSize: string;
  publicityDays: string;
  nominateDay: string;
  nominateTime: string;
  voteDay: string;
  voteTime: string;
}

function initial(timeZone: string): Draft {
  const today = localDayKey(new Date(), timeZone);
  return {
    title: '',
    categories: DEFAULT_CATEGORIES.join('、'),
    ballotSize: String(DEFAULT_BALLOT_SIZE),
    publicityDays: String(DEFAULT_PUBLICITY_DAYS),
    nominateDay: addDays(today, 7),
    nominateTime: '18:00',
    voteDay: addDays(today, 14),
    voteTime: '18:00',
  };
}

/** Deadlines are picked as local dates and times of the unit and sent as instants. */
export function toInput(d: Draft, timeZone: string) {
  const number = (s: string) => (s.trim() === '' ? undefined : Number(s));
  return {
    title: d.title,
    categories: d.categories
      .split(/[、,，\s]+/)
      .map((c) => c.trim())
      .filter(Boolean),
    ballotSize: number(d.ballotSize),
    publicityDays: number(d.publicityDays),
    nominateUntil: localInstant(d.nominateDay, d.nominateTime, timeZone).toISOString(),
    voteUntil: localInstant(d.voteDay, d.voteTime, timeZone).toISOString(),
  };
}

/** Which field of the action each part of the form fills, so that a change clears its message. */
const FIELD_OF: Record<keyof Draft, string> = {
  title: 'title',
  categories: 'categories',
  ballotSize: 'ballotSize',
  publicityDays: 'publicityDays',
  nominateDay: 'nominateUntil',
  nominateTime: 'nominateUntil',
  voteDay: 'voteUntil',
  voteTime: 'voteUntil',
};

export function CreateRoundForm({ timeZone, onCreated }: { timeZone: string; onCreated: (round: HonorRound) => void }) {
  const [draft, setDraft] = useState<Draft>(() => initial(timeZone));
  const form = useFormErrors();
  const errors = form.errors;
  const create = useMutation('honor.round.create');
  const set = (key: keyof Draft) => (value: string) => {
    setDraft((d) => ({ ...d, [key]: value }));
    form.edited(FIELD_OF[key]);
  };

  async function submit() {
    const checked = honorRoundCreateInput.safeParse(toInput(draft, timeZone));
    if (!checked.success) return form.show(issuesToFieldErrors(checked.error.issues));
    form.clear();
    const res = await create.run(toInput(draft, timeZone));
    if (!res.ok) return form.show(serverFieldErrors(res.error));
    toast('已创建');
    setDraft(initial(timeZone));
    onCreated(res.data.round);
  }

  return (
    <Card title='新建评选'>
      <Field label='评选名称' error={errors.title}>
        <Input
          className='field__input'
          value={draft.title}
          placeholder='例如：2026年第二季度“身边好人”评选'
          onInput={(e) => set('title')(e.detail.value)}
        />
      </Field>
      <Field label='评选类别' error={errors.categories} hint='用顿号分隔'>
        <Input className='field__input' value={draft.categories} onInput={(e) => set('categories')(e.detail.value)} />
      </Field>
      <View className='hn-form-row'>
        <Field label='每票最多选' error={errors.ballotSize} hint='人'>
          <Input
            className='field__input'
            type='number'
            value={draft.ballotSize}
            onInput={(e) => set('ballotSize')(e.detail.value)}
          />
        </Field>
        <Field label='公示' error={errors.publicityDays} hint='个工作日'>
          <Input
            className='field__input'
            type='number'
            value={draft.publicityDays}
            onInput={(e) => set('publicityDays')(e.detail.value)}
          />
        </Field>
      </View>
      <DateTimeField
        label='推荐截止'
        error={errors.nominateUntil}
        day={draft.nominateDay}
        time={draft.nominateTime}
        onDay={set('nominateDay')}
        onTime={set('nominateTime')}
      />
      <DateTimeField
        label='投票截止'
        error={errors.voteUntil}
        day={draft.voteDay}
        time={draft.voteTime}
        onDay={set('voteDay')}
        onTime={set('voteTime')}
      />
      <ErrorText message={errors['']} />
      <Button className='btn btn--primary' disabled={create.busy} onClick={() => void submit()}>
        {create.busy ? '创建中…' : '创建（草稿）'}
      </Button>
    </Card>
  );
}
