import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { call } from '@/api/client';
import { useQuery } from '@/api/hooks';
import { ACTIVITY_KIND_LABELS, ACTIVITY_KINDS } from '@/core/activity/rules';
import { DateInput, TimeInput } from '@/components/DateInput';
import { TextArea } from '@/components/TextArea';
import { Card } from '@/components/Card';
import { Field } from '@/components/Field';
import { Page } from '@/components/Page';
import { ErrorText, StateView } from '@/components/StateView';
import { toast } from '@/components/confirm';
import { useFormErrors } from '@/features/forms/useFormErrors';
import { SessionGate } from '@/features/session/SessionGate';
import { ACTIVITY_ROUTES, decodeParam, withId } from '../routes';
import { type ActivityDraft, emptyDraft, fromDraft, toDraft } from './activity-form';
import { ItemsEditor } from './ItemsEditor';
import '../activity.scss';

const ORGANIZER = ['organizer'] as const;

/** Create (no id) or edit an activity with its items. */
export function ActivityEditPage() {
  const id = decodeParam(useRouter()?.params?.id);
  return (
    <SessionGate roles={ORGANIZER}>
      {(me) => (
        <Page wide>
          {id ? (
            <EditLoader id={id} timeZone={me.settings.timeZone} />
          ) : (
            <ActivityForm initial={emptyDraft()} timeZone={me.settings.timeZone} />
          )}
        </Page>
      )}
    </SessionGate>
  );
}

function EditLoader({ id, timeZone }: { id: string; timeZone: string }) {
  const q = useQuery('activity.get', { activityId: id });
  if (q.error) return <StateView kind='error' message={q.error.message} onRetry={q.reload} />;
  if (!q.data) return <StateView kind='loading' />;
  if (q.data.phase === 'cancelled')
    return <StateView kind='blocked' title='活动已取消' message='已取消的活动不能再编辑' />;
  return <ActivityForm id={id} initial={toDraft(q.data, timeZone)} timeZone={timeZone} />;
}

/** The action's fields a part of the draft fills: a change clears their messages. */
function fieldsOf(key: string): string[] {
  if (key === 'startDate' || key === 'startTime') return ['startAt', 'endAt'];
  if (key === 'endDate' || key === 'endTime') return ['endAt'];
  if (key === 'deadlineDate' || key === 'deadlineTime') return ['signupDeadline'];
  return [key];
}

function ActivityForm({ id, initial, timeZone }: { id?: string; initial: ActivityDraft; timeZone: string }) {
  const [draft, setDraft] = useState(initial);
  const form = useFormErrors();
  const errors = form.errors;
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<ActivityDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    form.edited(...Object.keys(patch).flatMap(fieldsOf));
  };

  async function save() {
    const checked = fromDraft(draft, timeZone);
    if (!checked.ok) {
      form.show({ ...checked.errors, '': '请按提示修改后再保存' });
      return;
    }
    form.clear();
    setBusy(true);
    const res = id
      ? await call('activity.update', { activityId: id, ...checked.value })
      : await call('activity.create', checked.value);
    setBusy(false);
    if (!res.ok) {
      const fields = Object.fromEntries((res.error.details?.fields ?? []).map((f) => [f.field, f.message]));
      form.show({ ...fields, '': res.error.message });
      return;
    }
    toast(id ? '已保存' : '活动已发布');
    // Editing came from the activity page (it reloads when shown again); a new one opens its page.
    if (id) void Taro.navigateBack().catch(() => Taro.redirectTo({ url: withId(ACTIVITY_ROUTES.detail, id) }));
    else void Taro.redirectTo({ url: withId(ACTIVITY_ROUTES.detail, res.data.activity.id) });
  }

  const e = (k: string) => errors[k];
  return (
    <Card title={id ? '编辑活动' : '发布文体活动'}>
      <Field label='活动名称' error={e('title')}>
        <Input
          className='field__input'
          value={draft.title}
          maxlength={80}
          onInput={(ev) => set({ title: ev.detail.value })}
        />
      </Field>
      <Field label='类别' error={e('kind')}>
        <View className='act-filters'>
          {ACTIVITY_KINDS.map((k) => (
            <Text
              key={k}
              className={`act-chip ${draft.kind === k ? 'is-active' : ''}`}
              onClick={() => set({ kind: k })}
            >
              {ACTIVITY_KIND_LABELS[k]}
            </Text>
          ))}
        </View>
      </Field>
      <Field label='地点' error={e('place')}>
        <Input
          className='field__input'
          value={draft.place}
          maxlength={80}
          onInput={(ev) => set({ place: ev.detail.value })}
        />
      </Field>
      <View className='act-edit-item__row'>
        <DateField
          label='活动日期'
          value={draft.startDate}
          error={e('startAt')}
          onChange={(v) => set({ startDate: v })}
        />
        <TimeField label='开始时间' value={draft.startTime} onChange={(v) => set({ startTime: v })} />
        <TimeField label='结束时间' value={draft.endTime} error={e('endAt')} onChange={(v) => set({ endTime: v })} />
      </View>
      <View className='act-edit-item__row'>
        <DateField label='结束日期（跨天活动才填）' value={draft.endDate} onChange={(v) => set({ endDate: v })} />
        <DateField
          label='报名截止日期'
          value={draft.deadlineDate}
          error={e('signupDeadline')}
          onChange={(v) => set({ deadlineDate: v })}
        />
        <TimeField label='截止时间' value={draft.deadlineTime} onChange={(v) => set({ deadlineTime: v })} />
      </View>
      <Field label='每人限报项目数' error={e('maxItemsPerPerson')} hint='组队参加的项目也计入'>
        <Input
          className='field__input'
          type='number'
          value={draft.maxItemsPerPerson}
          onInput={(ev) => set({ maxItemsPerPerson: ev.detail.value })}
        />
      </Field>
      <Field label='活动说明' error={e('description')}>
        <TextArea
          value={draft.description}
          maxlength={2000}
          ariaLabel='活动说明'
          onInput={(v) => set({ description: v })}
        />
      </Field>
      <Text className='section-title'>比赛项目</Text>
      <ErrorText message={e('items')} />
      <ItemsEditor items={draft.items} errors={errors} onChange={(items) => set({ items })} />
      <ErrorText message={e('')} />
      <View className='btn-row'>
        <Button className='btn btn--primary' disabled={busy} onClick={() => void save()}>
          {busy ? '正在保存…' : id ? '保存' : '发布'}
        </Button>
      </View>
    </Card>
  );
}

function DateField({
  label,
  value,
  error,
  onChange,
}: {
  label: string;
  value: string;
  error?: string;
  onChange: (v: string) => void;
}) {
  return (
    <Field label={label} error={error}>
      <DateInput value={value} onChange={onChange} ariaLabel={label} />
    </Field>
  );
}

function TimeField({
  label,
  value,
  error,
  onChange,
}: {
  label: string;
  value: string;
  error?: string;
  onChange: (v: string) => void;
}) {
  return (
    <Field label={label} error={error}>
      <TimeInput value={value} onChange={onChange} ariaLabel={label} />
    </Field>
  );
}
