import { useDidShow } from '@tarojs/taro';
import { useQuery } from '@/api/hooks';
import { syncTabBadge } from './open-link';
import { useEffect } from 'react';

/** Unread notices, asked again whenever the page shows (reading a notice elsewhere changes it). */
export function useUnread(): number | null {
  const q = useQuery('inbox.list', { unreadOnly: true });
  useDidShow(() => q.reload());
  const unread = q.data?.unread ?? null;
  useEffect(() => {
    if (unread !== null) syncTabBadge(unread);
  }, [unread]);
  return unread;
}
