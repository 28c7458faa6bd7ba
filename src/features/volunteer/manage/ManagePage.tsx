import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { call } from '@/api/client';
import { useQuery } from '@/api/hooks';
import type { AttendanceRow, VolunteerEventView } from '@/core/volunteer/contract';
import { TextArea } from '@/components/TextArea';
import { Card } from '@/components/Card';
import { Field } from '@/components/Field';
import { ErrorText, StateView } from '@/components/StateView';
import { confirmAction, toast } from '@/components/confirm';
import { formatDateTime, formatHours, seatsText, timeText } from '../format';
import { decodeParam } from '../routes';
import { type HoursDraft, initialDraft, planConfirm } from './hours-form';
import { OrganizerGate } from './OrganizerGate';
import '../volunteer.scss';

const STATUS: Record<AttendanceRow['status'], string> = {
  confirmed: '报名成功',
  waitlisted: '候补',
  cancelled: '已取消',
};

/** Sign-ups, waitlist and attendance of one event; confirming hours; cancelling the event. */
export function ManagePage() {
  const id = decodeParam(useRouter()?.params?.id);
  return <OrganizerGate>{(me) => <Manage id={id} timeZone={me.settings.timeZone} myId={me.staff.id} />}</OrganizerGate>;
}

function Manage({ id, timeZone, myId }: { id: string; timeZone: string; myId: string }) {
  const q = useQuery('volunteer.attendance', id ? { eventId: id } : null);
  const [drafts, setDrafts] = useState<Record<string, HoursDraft>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (q.data) setDrafts(Object.fromEntries(q.data.rows.map((r) => [r.staffId, initialDraft(r)])));
  }, [q.data]);

  if (!id) return <StateView kind='error' message='缺少活动编号' />;
  if (q.error) return <StateView kind='error' message={q.error.message} onRetry={q.reload} />;
  if (!q.data) return <StateView kind='loading' />;
  const { event, rows } = q.data;
  // Hours are what was served: they are confirmed once the event has ended (the server holds the same).
  const canConfirm = event.phase === 'finished';
  const hoursConfirmed = rows.some((r) => r.hours !== null);

  async function confirm() {
    // One's own hours are another organizer's or an admin's to confirm (the server refuses them).
    const plan = planConfirm(
      rows.filter((r) => r.staffId !== myId),
      drafts,
      event.plannedHours,
    );
    setErrors(plan.errors);
    setMessage(null);
    if (Object.keys(plan.errors).length > 0) return;
    if (plan.entries.length === 0) return setMessage('没有需要确认或修改的时长');
    setBusy(true);
    const res = await call('volunteer.confirm', { eventId: event.id, entries: plan.entries });
    setBusy(false);
    if (!res.ok) {
      const staffId = res.error.details?.staffId;
      if (typeof staffId === 'string') setErrors({ [staffId]: res.error.message });
      return setMessage(res.error.message);
    }
    toast(`已确认 ${res.data.changed} 人`);
    q.reload();
  }

  const edit = (staffId: string, key: keyof HoursDraft) => (value: string) => {
    setDrafts((d) => ({ ...d, [staffId]: { ...(d[staffId] ?? { hours: '', note: '' }), [key]: value } }));
    setErrors(({ [staffId]: _gone, ...rest }) => rest);
    setMessage(null);
  };

  return (
    <View>
      <Card title={event.title}>
        <Text className='card__text'>
          {timeText(event, timeZone)} · {event.place}
        </Text>
        <Text className='card__text'>
          {seatsText(event)} · 报名成功 {event.confirmedCount} 人 · 候补 {event.waitingCount} 人 · 计划{' '}
          {formatHours(event.plannedHours)}
        </Text>
      </Card>
      <Card title={`名单（${rows.length}）`}>
        {rows.length === 0 && <StateView kind='empty' title='还没有人报名' />}
        {rows.map((r) => (
          <View key={r.staffId} className='vol-table__row'>
            <View className='vol-table__who'>
              <Text className='vol-table__name'>{r.name}</Text>
              <Text className='muted'>
                {r.staffNo} · {r.department}
              </Text>
            </View>
            <Text className={`badge ${r.status === 'confirmed' ? 'badge--ok' : 'badge--muted'}`}>
              {STATUS[r.status]}
              {r.position ? ` 第 ${r.position} 位` : ''}
            </Text>
            <Text className='vol-table__times'>
              签到 {r.signInAt ? formatDateTime(r.signInAt, timeZone) : '—'} · 签退{' '}
              {r.signOutAt ? formatDateTime(r.signOutAt, timeZone) : '—'}
              {r.computedHours !== null ? ` · 计 ${formatHours(r.computedHours)}` : ''}
              {r.hours !== null ? ` · 已确认 ${formatHours(r.hours)}` : ''}
            </Text>
            {r.status === 'confirmed' && canConfirm && r.staffId === myId && (
              <Text className='muted'>本人的服务时长须由其他组织者或管理员确认</Text>
            )}
            {r.status === 'confirmed' && canConfirm && r.staffId !== myId && (
              <>
                <View className='vol-table__hours'>
                  <Input
                    className='field__input vol-table__hours-input'
                    type='digit'
                    value={drafts[r.staffId]?.hours ?? ''}
                    placeholder='时长'
                    onInput={(e) => edit(r.staffId, 'hours')(e.detail.value)}
                  />
                  <Text>小时</Text>
                </View>
                <Input
                  className='field__input vol-table__note'
                  value={drafts[r.staffId]?.note ?? ''}
                  maxlength={200}
                  placeholder='调整说明'
                  onInput={(e) => edit(r.staffId, 'note')(e.detail.value)}
                />
                <ErrorText message={errors[r.staffId]} />
              </>
            )}
          </View>
        ))}
        {canConfirm ? (
          <View className='btn-row'>
            <Button className='btn btn--primary' disabled={busy} onClick={() => void confirm()}>
              确认时长
            </Button>
          </View>
        ) : (
          <Text className='card__text'>活动结束后可在这里确认每人的服务时长。</Text>
        )}
        <ErrorText message={message} />
      </Card>
      {event.phase !== 'cancelled' && event.phase !== 'finished' && !hoursConfirmed && (
        <CancelEvent event={event} onDone={q.reload} />
      )}
    </View>
  );
}

function CancelEvent({ event, onDone }: { event: VolunteerEventView; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function cancel() {
    if (!reason.trim()) return setError('请填写取消原因，它会通知到每位报名的同事');
    if (
      !(await confirmAction(
        '取消活动',
        `取消后将通知全部 ${event.confirmedCount + event.waitingCount} 位报名者，且不能恢复。确定取消？`,
        '取消活动',
      ))
    )
      return;
    setBusy(true);
    const res = await call('volunteer.event.cancel', { eventId: event.id, reason });
    setBusy(false);
    if (!res.ok) return setError(res.error.message);
    toast(`已取消，通知 ${res.data.notified} 人`);
    onDone();
    void Taro.navigateBack().catch(() => undefined);
  }
  return (
    <Card title='取消活动'>
      <Field label='取消原因' error={error ?? undefined}>
        <TextArea
          value={reason}
          maxlength={200}
          size='short'
          placeholder='例如：暴雨预警，活动顺延'
          onInput={setReason}
        />
      </Field>
      <Button className='btn btn--danger' disabled={busy} onClick={() => void cancel()}>
        取消活动并通知报名者
      </Button>
    </Card>
  );
}
