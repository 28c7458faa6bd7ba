import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { VolunteerEventView } from '@/core/volunteer/contract';
import { Card } from '@/components/Card';
import { myStatusText, phaseBadge, seatsText, timeText } from './format';
import { VOLUNTEER_ROUTES, withEvent } from './routes';

/** One event in a list: what, when, where, seats, and where I stand. */
export function EventCard({ event, timeZone }: { event: VolunteerEventView; timeZone: string }) {
  const badge = phaseBadge(event);
  const mine = myStatusText(event.mine);
  return (
    <Card
      title={event.title}
      className='vol-card'
      extra={<Text className={`badge ${badge.tone ? `badge--${badge.tone}` : ''}`}>{badge.text}</Text>}
      onClick={() => void Taro.navigateTo({ url: withEvent(VOLUNTEER_ROUTES.event, event.id) })}
    >
      <Text className='vol-card__meta'>{timeText(event, timeZone)}</Text>
      <Text className='vol-card__meta'>
        {event.place}
        {event.team ? ` · ${event.team}` : ''}
      </Text>
      <View className='vol-card__foot'>
        {event.phase === 'open' ? (
          <Text className='vol-card__seats'>{seatsText(event)}</Text>
        ) : (
          <Text className='muted'>{event.capacity} 个名额</Text>
        )}
        {mine && (
          <Text className={`badge ${event.mine?.status === 'confirmed' ? 'badge--ok' : 'badge--muted'}`}>{mine}</Text>
        )}
      </View>
    </Card>
  );
}
