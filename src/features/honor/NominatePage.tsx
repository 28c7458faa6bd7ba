import { RemindMe } from '@/features/notice/RemindMe';
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { useMutation, useQuery } from '@/api/hooks';
import { honorNominateInput, type HonorRound } from '@/core/honor/contract';
import { DEEDS_MAX, DEEDS_MIN, type HonorKind, KIND_LABELS } from '@/core/honor/rules';
import type { StaffPick } from '@/core/people/views';
import { TextArea } from '@/components/TextArea';
import { Card } from '@/components/Card';
import { Field } from '@/components/Field';
import { Page } from '@/components/Page';
import { ErrorText, StateView } from '@/components/StateView';
import { DraftNotice } from '@/features/forms/DraftNotice';
import { issuesToFieldErrors, serverFieldErrors } from '@/features/forms/issues';
import { useDraft } from '@/features/forms/useDraft';
import { useFormErrors } from '@/features/forms/useFormErrors';
import { SessionGate } from '@/features/session/SessionGate';
import type { ReadySession } from '@/features/session/session';
import { PhotoPicker } from './PhotoPicker';
import { decodeParam } from './routes';
import { StaffPicker } from './StaffPicker';
import './honor.scss';

export function NominatePage() {
  const roundId = decodeParam(useRouter()?.params?.roundId);
  return (
    <SessionGate>
      {(me) => (
        <Page className='hn-page'>
          <NominateLoader roundId={roundId} me={me} />
        </Page>
      )}
    </SessionGate>
  );
}

function NominateLoader({ roundId, me }: { roundId: string; me: ReadySession }) {
  const round = useQuery('honor.round.get', roundId ? { roundId } : null);
  if (!roundId) return <StateView kind='error' message='缺少评选编号，请从好人榜进入' />;
  if (round.error) return <StateView kind='error' message={round.error.message} onRetry={round.reload} />;
  if (!round.data) return <StateView kind='loading' />;
  const r = round.data.round;
  if (!r.stage.canNominate) {
    return <StateView kind='blocked' title='推荐未开放' message='本轮评选当前不接受推荐' />;
  }
  return <NominateForm round={r} me={me} />;
}

interface NominationDraft {
  kind: HonorKind;
  nominee: StaffPick | null;
  category: string;
  deeds: string;
  photos: string[];
}

function NominateForm({ round, me }: { round: HonorRound; me: ReadySession }) {
  const canOrg = me.roles.includes('secretary') || me.roles.includes('admin');
  const kinds: HonorKind[] = canOrg ? ['peer', 'self', 'org'] : ['peer', 'self'];
  // A half-written story survives leaving the page: the draft is per round and person's device.
  const draft = useDraft<NominationDraft>(`nominate:${round.id}`, {
    kind: 'peer',
    nominee: null,
    category: round.categories[0] ?? '',
    deeds: '',
    photos: [],
  });
  const { kind, nominee, category, deeds, photos } = draft.value;
  const form = useFormErrors();
  const errors = form.errors;
  const [done, setDone] = useState<string | null>(null);
  const nominate = useMutation('honor.nominate');

  const self: StaffPick = { id: me.staff.id, name: me.staff.name, department: me.staff.department };
  const chosen = kind === 'self' ? self : nominee;
  const change =
    <K extends keyof NominationDraft>(key: K, field: string) =>
    (value: NominationDraft[K]) => {
      draft.set((d) => ({ ...d, [key]: value }));
      form.edited(field);
    };

  async function submit() {
    if (nominate.busy) return;
    const input = { roundId: round.id, nomineeStaffId: chosen?.id ?? '', kind, category, deeds, photos };
    const checked = honorNominateInput.safeParse(input);
    // Every problem at once, each under its field.
    const found = checked.success ? {} : issuesToFieldErrors(checked.error.issues);
    if (!chosen) found.nomineeStaffId = '请选择被推荐的同事';
    if (!checked.success || !chosen) return form.show(found);
    form.clear();
    const res = await nominate.run(checked.data);
    if (!res.ok) return form.show(serverFieldErrors(res.error));
    draft.discard();
    if (res.data.seconded) setDone(`${chosen.name}已被其他同事推荐，您的推荐已记为附议。`);
    else if (res.data.already) setDone('您已推荐过这位同事，无需重复提交。');
    else setDone('推荐已提交。推荐截止后单位将进行审核，结果会通过消息通知您。');
  }

  if (done) {
    return (
      <Card title='谢谢您的推荐'>
        <Text className='card__text'>{done}</Text>
        <RemindMe noticeKey='review' label='审核结果出来时微信提醒我' />
        <View className='btn-row'>
          <Button className='btn btn--primary' onClick={() => void Taro.navigateBack().catch(() => undefined)}>
            返回好人榜
          </Button>
        </View>
      </Card>
    );
  }

  const length = deeds.trim().length;
  return (
    <Card title={`推荐好人 · ${round.title}`}>
      {draft.restored && <DraftNotice onReset={draft.reset} />}
      <Field label='推荐方式' error={errors.kind}>
        <View className='hn-chips'>
          {kinds.map((k) => (
            <View
              key={k}
              className={`hn-chip ${kind === k ? 'is-active' : ''}`}
              onClick={() => change('kind', 'kind')(k)}
            >
              {KIND_LABELS[k]}
            </View>
          ))}
        </View>
      </Field>
      <Field label='被推荐人' error={errors.nomineeStaffId}>
        {kind === 'self' ? (
          <Text className='hn-picker__name'>{self.name}（本人）</Text>
        ) : (
          <StaffPicker value={nominee} onChange={change('nominee', 'nomineeStaffId')} excludeId={me.staff.id} />
        )}
      </Field>
      <Field label='评选类别' error={errors.category}>
        <View className='hn-chips'>
          {round.categories.map((c) => (
            <View
              key={c}
              className={`hn-chip ${category === c ? 'is-active' : ''}`}
              onClick={() => change('category', 'category')(c)}
            >
              {c}
            </View>
          ))}
        </View>
      </Field>
      <Field
        label='主要事迹'
        error={errors.deeds}
        hint={`${length}/${DEEDS_MAX} 字，至少 ${DEEDS_MIN} 字；请写明时间、地点和具体事例`}
      >
        <TextArea
          value={deeds}
          maxlength={DEEDS_MAX}
          size='long'
          placeholder='例如：何时何地做了什么好事，产生了什么影响'
          onInput={change('deeds', 'deeds')}
        />
      </Field>
      <Field label='照片（选填，最多 3 张）' error={errors.photos}>
        <PhotoPicker value={photos} onChange={change('photos', 'photos')} />
      </Field>
      <ErrorText message={errors['']} />
      <Button className='btn btn--primary btn--block' disabled={nominate.busy} onClick={() => void submit()}>
        {nominate.busy ? '提交中…' : '提交推荐'}
      </Button>
    </Card>
  );
}
