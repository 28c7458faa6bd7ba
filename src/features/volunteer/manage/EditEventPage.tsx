import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { call } from '@/api/client';
import { useQuery } from '@/api/hooks';
import type { VolunteerEventView } from '@/core/volunteer/contract';
import { VOLUNTEER_TEAMS } from '@/core/volunteer/rules';
import { TextArea } from '@/components/TextArea';
import { Card } from '@/components/Card';
import { DateTimeField } from '@/components/DateTimeField';
import { Field } from '@/components/Field';
import { ErrorText, StateView } from '@/components/StateView';
import { toast } from '@/components/confirm';
import { serverFieldErrors } from '@/features/forms/issues';
import { useFormErrors } from '@/features/forms/useFormErrors';
import { decodeParam, VOLUNTEER_ROUTES, withEvent } from '../routes';
import { changesOf, draftOf, type EventDraft, inputOf, newDraft } from './event-form';
import { OrganizerGate } from './OrganizerGate';
import '../volunteer.scss';
import { serverNow } from '@/features/session/session';

/** Create an event (no id) or edit one (`?id=`). */
export function EditEventPage() {
  const id = decodeParam(useRouter()?.params?.id);
  return (
    <OrganizerGate>
      {(me) =>
        id ? (
          <EditLoader id={id} timeZone={me.settings.timeZone} />
        ) : (
          <EventForm timeZone={me.settings.timeZone} before={null} />
        )
      }
    </OrganizerGate>
  );
}

function EditLoader({ id, timeZone }: { id: string; timeZone: string }) {
  const q = useQuery('volunteer.event.get', { eventId: id });
  if (q.error) return <StateView kind='error' message={q.error.message} onRetry={q.reload} />;
  if (!q.data) return <StateView kind='loading' />;
  return <EventForm timeZone={timeZone} before={q.data.event} />;
}

/** Which draft fields show an error about a schema field. */
const ERROR_FIELD: Record<string, keyof EventDraft> = {
  startAt: 'startDay',
  endAt: 'endDay',
  signupDeadline: 'deadlineDay',
};

/** The action's field each date or time part fills. */
const FILLS: Partial<Record<keyof EventDraft, string>> = {
  startDay: 'startAt',
  startTime: 'startAt',
  endDay: 'endAt',
  endTime: 'endAt',
  deadlineDay: 'signupDeadline',
  deadlineTime: 'signupDeadline',
};

function EventForm({ timeZone, before }: { timeZone: string; before: VolunteerEventView | null }) {
  const [draft, setDraft] = useState<EventDraft>(() =>
    before ? draftOf(before, timeZone) : newDraft(serverNow(), timeZone),
  );
  const form = useFormErrors();
  const errors = form.errors;
  const [busy, setBusy] = useState(false);
  const set = (key: keyof EventDraft) => (value: string) => {
    setDraft((d) => ({ ...d, [key]: value }));
    // A message may be under the draft's key or under the action's field it fills (startTime → startAt).
    const fills = FILLS[key];
    form.edited(key, ...(fills ? [fills] : []));
  };
  const err = (key: keyof EventDraft): string | undefined => {
    const field = Object.keys(ERROR_FIELD).find((f) => ERROR_FIELD[f] === key);
    return errors[key] ?? (field ? errors[field] : undefined);
  };

  async function save() {
    const checked = inputOf(draft, timeZone);
    if (!checked.ok) return form.show(checked.errors);
    form.clear();
    setBusy(true);
    const res = before
      ? await call('volunteer.event.update', { eventId: before.id, ...changesOf(checked.value, before) })
      : await call('volunteer.event.create', checked.value);
    setBusy(false);
    if (!res.ok) return form.show(serverFieldErrors(res.error));
    toast(before ? '已保存' : '活动已发布');
    const url = withEvent(VOLUNTEER_ROUTES.event, res.data.event.id);
    void (before ? Taro.navigateBack() : Taro.redirectTo({ url }));
  }

  return (
    <Card title={before ? '编辑志愿服务活动' : '发起志愿服务活动'}>
      <Field label='活动名称' error={err('title')}>
        <Input
          className='field__input'
          value={draft.title}
          maxlength={40}
          placeholder='例如：走进特殊教育学校'
          onInput={(e) => set('title')(e.detail.value)}
        />
      </Field>
      <Field label='服务内容' error={err('content')}>
        <TextArea
          value={draft.content}
          maxlength={2000}
          placeholder='做什么、注意事项、集合要求'
          onInput={(v) => set('content')(v)}
        />
      </Field>
      <Field label='服务地点' error={err('place')}>
        <Input
          className='field__input'
          value={draft.place}
          maxlength={100}
          onInput={(e) => set('place')(e.detail.value)}
        />
      </Field>
      <Field label='服务队' error={err('team')} hint='可选；再点一次取消选择'>
        <View className='choice'>
          {VOLUNTEER_TEAMS.map((t) => (
            <View
              key={t}
              className={`choice__item ${draft.team === t ? 'is-active' : ''}`}
              onClick={() => set('team')(draft.team === t ? '' : t)}
            >
              <Text>{t}</Text>
            </View>
          ))}
        </View>
        <Input
          className='field__input'
          value={(VOLUNTEER_TEAMS as readonly string[]).includes(draft.team) ? '' : draft.team}
          maxlength={40}
          placeholder='或填写其他服务队'
          onInput={(e) => set('team')(e.detail.value)}
        />
      </Field>
      <DateTimeField
        label='开始'
        day={draft.startDay}
        time={draft.startTime}
        onDay={set('startDay')}
        onTime={set('startTime')}
        error={err('startDay')}
      />
      <DateTimeField
        label='结束'
        day={draft.endDay}
        time={draft.endTime}
        onDay={set('endDay')}
        onTime={set('endTime')}
        error={err('endDay')}
      />
      <DateTimeField
        label='报名截止'
        day={draft.deadlineDay}
        time={draft.deadlineTime}
        onDay={set('deadlineDay')}
        onTime={set('deadlineTime')}
        error={err('deadlineDay')}
      />
      <Field label='名额（人）' error={err('capacity')}>
        <Input
          className='field__input'
          type='number'
          value={draft.capacity}
          onInput={(e) => set('capacity')(e.detail.value)}
        />
      </Field>
      <Field
        label='计划时长（小时）'
        error={err('plannedHours')}
        hint='留空则按活动时长；以 0.5 小时为单位，签到签退计算的时长不超过它'
      >
        <Input
          className='field__input'
          type='digit'
          value={draft.plannedHours}
          onInput={(e) => set('plannedHours')(e.detail.value)}
        />
      </Field>
      <ErrorText message={errors['']} />
      <View className='btn-row'>
        <Button className='btn btn--primary' disabled={busy} onClick={() => void save()}>
          {busy ? '正在保存…' : before ? '保存修改' : '发布活动'}
        </Button>
        <Button className='btn' disabled={busy} onClick={() => void Taro.navigateBack()}>
          返回
        </Button>
      </View>
    </Card>
  );
}
