import Taro, { useDidShow } from '@tarojs/taro';
import { Text } from '@tarojs/components';
import { useQuery } from '@/api/hooks';
import type { VolunteerEventView } from '@/core/volunteer/contract';
import { Card } from '@/components/Card';
import { ROUTES } from '@/features/session/routes';
import { myStatusText, timeText } from './format';
import { VOLUNTEER_ROUTES, withEvent } from './routes';

/** My next volunteer event (confirmed or waiting, not over), or null. */
export function nextEvent(items: readonly VolunteerEventView[]): VolunteerEventView | null {
  const ahead = items.filter(
    (e) =>
      (e.phase === 'open' || e.phase === 'closed' || e.phase === 'ongoing') &&
      (e.mine?.status === 'confirmed' || e.mine?.status === 'waitlisted'),
  );
  return ahead.sort((a, b) => a.startAt.localeCompare(b.startAt))[0] ?? null;
}

/** 首页's 我的活动 card: my next event, else a way to find one. */
export function MyNextEventCard({ timeZone }: { timeZone: string }) {
  const q = useQuery('volunteer.events', { status: 'mine' });
  useDidShow(() => q.reload());
  const next = q.data ? nextEvent(q.data.items) : null;
  if (q.error) {
    return (
      <Card title='我的活动'>
        <Text className='card__text'>{q.error.message}</Text>
      </Card>
    );
  }
  if (!q.data) {
    return (
      <Card title='我的活动'>
        <Text className='card__text muted'>加载中…</Text>
      </Card>
    );
  }
  if (!next) {
    return (
      <Card
        title='我的活动'
        onClick={() => void Taro.switchTab({ url: ROUTES.activity })}
        extra={<Text className='muted'>去看看 ›</Text>}
      >
        <Text className='card__text'>暂无即将参加的活动。看看近期的志愿服务？</Text>
      </Card>
    );
  }
  const status = myStatusText(next.mine);
  return (
    <Card
      title='我的活动'
      onClick={() => void Taro.navigateTo({ url: withEvent(VOLUNTEER_ROUTES.event, next.id) })}
      extra={
        status ? (
          <Text className={`badge ${next.mine?.status === 'confirmed' ? 'badge--ok' : 'badge--muted'}`}>{status}</Text>
        ) : undefined
      }
    >
      <Text className='card__text'>志愿服务 · {next.title}</Text>
      <Text className='card__text'>
        {timeText(next, timeZone)} · {next.place}
      </Text>
    </Card>
  );
}
