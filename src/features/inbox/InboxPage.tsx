import { useEffect, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { call } from '@/api/client';
import type { InboxItem } from '@/core/inbox/contract';
import { formatDateTime } from '@/core/volunteer/rules';
import { Page } from '@/components/Page';
import { ErrorText, StateView } from '@/components/StateView';
import { SessionGate } from '@/features/session/SessionGate';
import { openLink } from './open-link';
import './inbox.scss';

/** 我的 → 消息: in-app notices, newest first; opening one marks it read and follows its link. */
export function InboxPage() {
  return (
    <SessionGate>
      {(me) => (
        <Page>
          <Inbox timeZone={me.settings.timeZone} />
        </Page>
      )}
    </SessionGate>
  );
}

interface State {
  items: InboxItem[];
  total: number;
  unread: number;
  page: number;
}

function Inbox({ timeZone }: { timeZone: string }) {
  const [state, setState] = useState<State | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function load(page: number) {
    setBusy(true);
    setError(null);
    const res = await call('inbox.list', { page });
    setBusy(false);
    if (!res.ok) return setError(res.error.message);
    const { items, total, unread } = res.data;
    setState((s) => ({ items: page === 1 || !s ? items : [...s.items, ...items], total, unread, page }));
  }

  useEffect(() => {
    void load(1);
  }, []);

  async function open(item: InboxItem) {
    if (!item.read) {
      const res = await call('inbox.read', { messageId: item.id });
      if (res.ok) {
        setState(
          (s) =>
            s && {
              ...s,
              unread: Math.max(0, s.unread - (res.data.already ? 0 : 1)),
              items: s.items.map((m) => (m.id === item.id ? res.data.message : m)),
            },
        );
      } else setError(res.error.message);
    }
    if (item.link) openLink(item.link);
  }

  if (!state)
    return error ? (
      <StateView kind='error' message={error} onRetry={() => void load(1)} />
    ) : (
      <StateView kind='loading' />
    );
  if (state.items.length === 0)
    return <StateView kind='empty' title='暂无消息' message='候补递补、时长确认、评审结果等通知会出现在这里。' />;
  return (
    <View className='inbox'>
      <Text className='section-title'>{state.unread > 0 ? `${state.unread} 条未读` : '全部已读'}</Text>
      {state.items.map((m) => (
        <View key={m.id} className={`inbox__item ${m.read ? '' : 'is-unread'}`} onClick={() => void open(m)}>
          <View className='inbox__head'>
            {!m.read && <View className='inbox__dot' aria-label='未读' />}
            <Text className='inbox__title'>{m.title}</Text>
            <Text className='inbox__time'>{formatDateTime(m.createdAt, timeZone)}</Text>
          </View>
          <Text className='inbox__body'>{m.body}</Text>
          {m.link && <Text className='inbox__more'>查看 ›</Text>}
        </View>
      ))}
      <ErrorText message={error} />
      {state.items.length < state.total && (
        <Button className='btn btn--block' disabled={busy} onClick={() => void load(state.page + 1)}>
          加载更多
        </Button>
      )}
    </View>
  );
}
