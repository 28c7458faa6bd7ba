import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { useQuery } from '@/api/hooks';
import { MAIL_STATUS_LABELS, MAIL_STATUSES, type MailStatus } from '@/core/mailbox/rules';
import { StateView } from '@/components/StateView';
import { ADMIN_TRAIL, AdminGate } from '@/features/admin/AdminGate';
import { ROUTES } from '@/features/session/routes';
import { useRefreshOnShow } from '@/features/session/useRefreshOnShow';
import { sentAt, StatusBadge } from './MailThread';
import './mailbox.scss';

const FILTERS: { value: MailStatus | undefined; label: string }[] = [
  { value: undefined, label: '全部' },
  ...MAIL_STATUSES.map((s) => ({ value: s, label: MAIL_STATUS_LABELS[s] })),
];

/** 管理 → 投诉建议: every letter, newest first, by status; a table on desktop, cards on a phone. */
export function MailboxAdminPage() {
  return (
    <AdminGate trail={[...ADMIN_TRAIL, { label: '投诉建议' }]}>
      {(me) => <MailList timeZone={me.settings.timeZone} />}
    </AdminGate>
  );
}

function MailList({ timeZone }: { timeZone: string }) {
  const [status, setStatus] = useState<MailStatus | undefined>('open');
  const [page, setPage] = useState(1);
  const list = useQuery('mailbox.list', status ? { status, page } : { page });
  // Back from a letter just answered or closed: its row must show the new status.
  useRefreshOnShow(list.reload);
  const data = list.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  return (
    <View className='mailbox'>
      <View className='mailbox__seg'>
        {FILTERS.map((f) => (
          <View
            key={f.label}
            className={`mailbox__seg-item ${status === f.value ? 'is-active' : ''}`}
            onClick={() => {
              setStatus(f.value);
              setPage(1);
            }}
          >
            {f.label}
          </View>
        ))}
      </View>
      {list.error && <StateView kind='error' message={list.error.message} onRetry={list.reload} />}
      {list.loading && !data && <StateView kind='loading' />}
      {data && !list.error && (
        <>
          <Text className='mailbox__count'>
            共 {data.total} 封{list.loading ? '（刷新中…）' : ''}
          </Text>
          {data.items.length === 0 ? (
            <StateView kind='empty' message='没有符合条件的来信' />
          ) : (
            <View className='mtable' role='table'>
              <View className='mtable__row mtable__row--head' role='row'>
                <Text className='mtable__cell mtable__date'>日期</Text>
                <Text className='mtable__cell mtable__cat'>类别</Text>
                <Text className='mtable__cell mtable__subject'>标题</Text>
                <Text className='mtable__cell mtable__from'>来信人</Text>
                <Text className='mtable__cell mtable__state'>状态</Text>
              </View>
              {data.items.map((m) => (
                <View
                  key={m.id}
                  className='mtable__row'
                  role='row'
                  onClick={() =>
                    void Taro.navigateTo({ url: `${ROUTES.mailboxDetail}?id=${encodeURIComponent(m.id)}` })
                  }
                >
                  <Text className='mtable__cell mtable__date'>{sentAt(m, timeZone)}</Text>
                  <Text className='mtable__cell mtable__cat'>{m.category}</Text>
                  <Text className='mtable__cell mtable__subject'>{m.subject}</Text>
                  <Text className='mtable__cell mtable__from'>{m.from}</Text>
                  <View className='mtable__cell mtable__state'>
                    <StatusBadge status={m.status} />
                    {m.replyCount > 0 && <Text className='muted'>{m.replyCount} 次答复</Text>}
                  </View>
                </View>
              ))}
            </View>
          )}
          <View className='mailbox__pager'>
            <Button className='btn btn--small' disabled={page <= 1 || list.loading} onClick={() => setPage(page - 1)}>
              上一页
            </Button>
            <Text>
              第 {page} / {pages} 页
            </Text>
            <Button
              className='btn btn--small'
              disabled={page >= pages || list.loading}
              onClick={() => setPage(page + 1)}
            >
              下一页
            </Button>
          </View>
        </>
      )}
    </View>
  );
}
