import Taro from '@tarojs/taro';
import { Text } from '@tarojs/components';
import { Card } from '@/components/Card';
import { INBOX_ROUTE } from './routes';
import { useUnread } from './useUnread';
import './inbox.scss';

/** 我的 → 消息, with the unread count. */
export function MeInboxCard() {
  const unread = useUnread();
  return (
    <Card
      title='消息'
      onClick={() => void Taro.navigateTo({ url: INBOX_ROUTE })}
      extra={unread ? <Text className='badge'>{unread} 条未读</Text> : <Text className='muted'>›</Text>}
    >
      <Text className='card__text'>候补递补、活动变更、时长确认等通知。</Text>
    </Card>
  );
}

/** The unread count on 首页's band; nothing when all is read. */
export function UnreadChip() {
  const unread = useUnread();
  if (!unread) return null;
  return (
    <Text className='unread-chip' onClick={() => void Taro.navigateTo({ url: INBOX_ROUTE })}>
      {unread} 条未读消息 ›
    </Text>
  );
}
