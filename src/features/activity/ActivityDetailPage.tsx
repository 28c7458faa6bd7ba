import { useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { useMutation, useQuery } from '@/api/hooks';
import { ACTIVITY_KIND_LABELS, ACTIVITY_PHASE_LABELS } from '@/core/activity/rules';
import type { ActivityDetail } from '@/core/activity/views';
import { Card } from '@/components/Card';
import { Field } from '@/components/Field';
import { Page } from '@/components/Page';
import { ErrorText, StateView } from '@/components/StateView';
import { toast } from '@/components/confirm';
import { SessionGate } from '@/features/session/SessionGate';
import type { ReadySession } from '@/features/session/session';
import { formatSpan, formatWhen } from './format';
import { ItemPanel } from './ItemPanel';
import { ACTIVITY_ROUTES, decodeParam, withId } from './routes';
import './activity.scss';

export function ActivityDetailPage() {
  const id = decodeParam(useRouter()?.params?.id);
  return (
    <SessionGate>
      {(me) => (
        <Page>
          <DetailLoader id={id} me={me} />
        </Page>
      )}
    </SessionGate>
  );
}

function DetailLoader({ id, me }: { id: string; me: ReadySession }) {
  const q = useQuery('activity.get', id ? { activityId: id } : null);
  // Back from the edit or roster page: show what changed there.
  useDidShow(() => {
    if (q.data) q.reload();
  });
  if (!id) return <StateView kind='error' message='缺少活动编号，请从活动列表进入' />;
  if (q.error) return <StateView kind='error' message={q.error.message} onRetry={q.reload} />;
  if (!q.data) return <StateView kind='loading' />;
  const activity = q.data;
  return (
    <View className='act-detail'>
      <ActivityInfo activity={activity} timeZone={me.settings.timeZone} />
      {activity.canManage && <OrganizerBar activity={activity} onChanged={q.setData} />}
      <Text className='section-title'>
        比赛项目（每人限报 {activity.maxItemsPerPerson} 项
        {activity.myItemCount > 0 ? `，我已报 ${activity.myItemCount} 项` : ''}）
      </Text>
      {activity.items.map((item) => (
        <ItemPanel
          key={item.id}
          activity={activity}
          item={item}
          me={{ id: me.staff.id, name: me.staff.name }}
          onChanged={q.reload}
        />
      ))}
    </View>
  );
}

function Info({ label, value }: { label: string; value: string }) {
  return (
    <View className='act-info'>
      <Text className='act-info__label'>{label}</Text>
      <Text className='act-info__value'>{value}</Text>
    </View>
  );
}

function ActivityInfo({ activity, timeZone }: { activity: ActivityDetail; timeZone: string }) {
  return (
    <Card
      title={activity.title}
      extra={
        <Text className={`badge ${activity.phase === 'open' ? 'badge--ok' : 'badge--muted'}`}>
          {ACTIVITY_PHASE_LABELS[activity.phase]}
        </Text>
      }
    >
      <Info label='类别' value={ACTIVITY_KIND_LABELS[activity.kind]} />
      <Info label='时间' value={formatSpan(activity.startAt, activity.endAt, timeZone)} />
      <Info label='地点' value={activity.place} />
      <Info label='报名截止' value={formatWhen(activity.signupDeadline, timeZone)} />
      <Info label='组织者' value={activity.organizerName} />
      {activity.cancelReason && <Info label='取消原因' value={activity.cancelReason} />}
      <Text className='act-desc'>{activity.description}</Text>
    </Card>
  );
}

function OrganizerBar({ activity, onChanged }: { activity: ActivityDetail; onChanged: (a: ActivityDetail) => void }) {
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const cancel = useMutation('activity.cancel');
  const live = activity.phase !== 'cancelled';

  async function submit() {
    const res = await cancel.run({ activityId: activity.id, reason });
    if (!res.ok) return;
    toast('活动已取消');
    setCancelling(false);
    onChanged(res.data.activity);
  }

  return (
    <Card title='组织者'>
      <View className='btn-row'>
        {live && (
          <Button
            className='btn btn--small'
            onClick={() => void Taro.navigateTo({ url: withId(ACTIVITY_ROUTES.edit, activity.id) })}
          >
            编辑活动
          </Button>
        )}
        <Button
          className='btn btn--small'
          onClick={() => void Taro.navigateTo({ url: withId(ACTIVITY_ROUTES.roster, activity.id) })}
        >
          报名名单与名次
        </Button>
        {live && activity.phase !== 'ended' && !cancelling && (
          <Button className='btn btn--danger btn--small' onClick={() => setCancelling(true)}>
            取消活动
          </Button>
        )}
      </View>
      {cancelling && (
        <View className='register'>
          <Field label='取消原因（将通知所有已报名的人）'>
            <Input
              className='field__input'
              value={reason}
              maxlength={200}
              placeholder='例如：因天气原因取消'
              onInput={(e) => setReason(e.detail.value)}
            />
          </Field>
          <ErrorText message={cancel.error?.message} />
          <View className='btn-row'>
            <Button className='btn btn--danger btn--small' disabled={cancel.busy} onClick={() => void submit()}>
              确认取消活动
            </Button>
            <Button className='btn btn--small' disabled={cancel.busy} onClick={() => setCancelling(false)}>
              返回
            </Button>
          </View>
        </View>
      )}
    </Card>
  );
}
