import { RemindMe } from '@/features/notice/RemindMe';
import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { call } from '@/api/client';
import { useQuery } from '@/api/hooks';
import type { VolunteerEventView } from '@/core/volunteer/contract';
import { formatHours } from '@/core/volunteer/rules';
import { parseCodeScene } from '@/core/volunteer/scene';
import { Card } from '@/components/Card';
import { Page } from '@/components/Page';
import { ErrorText, StateView } from '@/components/StateView';
import { confirmAction, toast } from '@/components/confirm';
import { SessionGate } from '@/features/session/SessionGate';
import { useServerClock } from '@/features/reading/useServerClock';
import { CheckInPanel } from './CheckInPanel';
import { eventOffers } from './event-offers';
import { deadlineText, myStatusText, phaseBadge, seatsText, timeText } from './format';
import { decodeParam, VOLUNTEER_ROUTES, withEvent } from './routes';
import './volunteer.scss';

/** Opened from the list (`?id=`) or by the camera from the on-site WeChat code (`?scene=`, scene.ts). */
export function EventPage() {
  const params = useRouter()?.params;
  const scanned = parseCodeScene(params?.scene);
  const id = decodeParam(params?.id) || scanned?.eventId || '';
  const unreadable = !id && Boolean(params?.scene);
  return (
    <SessionGate>
      {(me) => (
        <Page>
          <EventLoader id={id} scanned={scanned?.code} unreadable={unreadable} timeZone={me.settings.timeZone} />
        </Page>
      )}
    </SessionGate>
  );
}

interface LoaderProps {
  id: string;
  scanned?: string;
  unreadable: boolean;
  timeZone: string;
}

function EventLoader({ id, scanned, unreadable, timeZone }: LoaderProps) {
  const q = useQuery('volunteer.event.get', id ? { eventId: id } : null);
  const now = useServerClock(q.data?.serverNow ?? null) ?? new Date();
  if (unreadable) return <StateView kind='error' message='无法识别这个小程序码，请扫描活动现场屏幕上的码' />;
  if (!id) return <StateView kind='error' message='缺少活动编号，请从活动列表进入' />;
  if (q.error) return <StateView kind='error' message={q.error.message} onRetry={q.reload} />;
  if (!q.data) return <StateView kind='loading' />;
  const { event, canManage } = q.data;
  const setEvent = (next: VolunteerEventView) => q.setData({ ...q.data!, event: next });
  return (
    <View className='vol-event'>
      <EventInfo event={event} timeZone={timeZone} />
      <MyPart event={event} now={now} scanned={scanned} onEvent={setEvent} onReload={q.reload} />
      {canManage && <Organizer event={event} />}
    </View>
  );
}

function Info({ label, value }: { label: string; value: string }) {
  return (
    <View className='vol-info'>
      <Text className='vol-info__label'>{label}</Text>
      <Text className='vol-info__value'>{value}</Text>
    </View>
  );
}

function EventInfo({ event, timeZone }: { event: VolunteerEventView; timeZone: string }) {
  const badge = phaseBadge(event);
  return (
    <Card
      title={event.title}
      extra={<Text className={`badge ${badge.tone ? `badge--${badge.tone}` : ''}`}>{badge.text}</Text>}
    >
      <Info label='时间' value={timeText(event, timeZone)} />
      <Info label='地点' value={event.place} />
      {event.team && <Info label='服务队' value={event.team} />}
      <Info label='计划时长' value={formatHours(event.plannedHours)} />
      <Info label='名额' value={seatsText(event)} />
      <Info label='截止' value={deadlineText(event, timeZone)} />
      <Info label='组织者' value={event.organizerName} />
      <Text className='vol-event__content'>{event.content}</Text>
    </Card>
  );
}

interface MyPartProps {
  event: VolunteerEventView;
  now: Date;
  scanned?: string;
  onEvent: (e: VolunteerEventView) => void;
  onReload: () => void;
}

function MyPart({ event, now, scanned, onEvent, onReload }: MyPartProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const offers = eventOffers(event, now);
  const status = myStatusText(event.mine);

  async function signup() {
    setBusy(true);
    setError(null);
    const res = await call('volunteer.signup', { eventId: event.id });
    setBusy(false);
    if (!res.ok) return setError(res.error.message);
    onEvent(res.data.event);
    toast(res.data.status === 'confirmed' ? '报名成功' : `已候补第 ${res.data.position ?? '?'} 位`);
  }

  async function cancel() {
    if (
      !(await confirmAction(
        '取消报名',
        `确定取消「${event.title}」的报名？名额将让给候补的同事。`,
        '取消报名',
        '再想想',
      ))
    )
      return;
    setBusy(true);
    setError(null);
    const res = await call('volunteer.cancel', { eventId: event.id });
    setBusy(false);
    if (!res.ok) return setError(res.error.message);
    onEvent(res.data.event);
    toast('已取消报名');
  }

  return (
    <Card
      title='我的报名'
      extra={
        status ? (
          <Text className={`badge ${event.mine?.status === 'confirmed' ? 'badge--ok' : 'badge--muted'}`}>{status}</Text>
        ) : undefined
      }
    >
      {offers.notice && <Text className='card__text vol-event__notice'>{offers.notice}</Text>}
      {offers.signup && (
        <Button className='btn btn--primary btn--block vol-event__action' disabled={busy} onClick={() => void signup()}>
          {offers.signup === 'signup' ? '立即报名' : '加入候补'}
        </Button>
      )}
      {offers.cancel && <RemindMe noticeKey='event' label='活动前一天和名额变动时微信提醒我' />}
      <CheckInPanel
        eventId={event.id}
        signIn={offers.signIn}
        signOut={offers.signOut}
        scanned={scanned}
        onDone={onReload}
      />
      {offers.cancel && (
        <Button className='btn btn--danger btn--block vol-event__action' disabled={busy} onClick={() => void cancel()}>
          取消报名
        </Button>
      )}
      <ErrorText message={error} />
    </Card>
  );
}

function Organizer({ event }: { event: VolunteerEventView }) {
  const go = (url: string) => void Taro.navigateTo({ url: withEvent(url, event.id) });
  const live = event.phase !== 'cancelled';
  return (
    <Card title='组织管理'>
      <View className='btn-row'>
        <Button className='btn btn--small' onClick={() => go(VOLUNTEER_ROUTES.manage)}>
          报名与时长
        </Button>
        {live && event.phase !== 'finished' && (
          <Button className='btn btn--small' onClick={() => go(VOLUNTEER_ROUTES.code)}>
            现场签到码
          </Button>
        )}
        {live && event.phase !== 'finished' && (
          <Button className='btn btn--small' onClick={() => go(VOLUNTEER_ROUTES.edit)}>
            编辑活动
          </Button>
        )}
      </View>
    </Card>
  );
}
