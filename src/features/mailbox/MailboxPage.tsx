import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { useQuery } from '@/api/hooks';
import { Card } from '@/components/Card';
import { Page } from '@/components/Page';
import { StateView } from '@/components/StateView';
import { ROUTES } from '@/features/session/routes';
import { SessionGate } from '@/features/session/SessionGate';
import { useRefreshOnShow } from '@/features/session/useRefreshOnShow';
import { LookupPanel } from './LookupPanel';
import { MailThread } from './MailThread';
import './mailbox.scss';

/** 我的 → 投诉建议: write, read the answers to my named letters, or look one up by receipt code. */
export function MailboxPage() {
  return (
    <SessionGate>
      {(me) => (
        <Page className='mailbox'>
          <Card title='投诉建议 · 局长信箱'>
            <Text className='card__text'>
              来信由单位办公室阅处。实名来信的答复会通过消息通知您；匿名来信不记录任何个人信息，凭回执码查看答复。
            </Text>
            <View className='btn-row'>
              <Button className='btn btn--primary' onClick={() => void Taro.navigateTo({ url: ROUTES.mailboxWrite })}>
                写信
              </Button>
            </View>
          </Card>
          <LookupPanel timeZone={me.settings.timeZone} />
          <Mine timeZone={me.settings.timeZone} />
        </Page>
      )}
    </SessionGate>
  );
}

function Mine({ timeZone }: { timeZone: string }) {
  const [page, setPage] = useState(1);
  const mine = useQuery('mailbox.mine', { page });
  // Back from 写信: the new letter must show.
  useRefreshOnShow(mine.reload);
  const data = mine.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  return (
    <View>
      <Text className='section-title'>我的实名来信</Text>
      {mine.error && <StateView kind='error' message={mine.error.message} onRetry={mine.reload} />}
      {!data && !mine.error && <StateView kind='loading' />}
      {data && !mine.error && data.items.length === 0 && (
        <StateView kind='empty' title='还没有实名来信' message='匿名来信不会出现在这里，请凭回执码查询。' />
      )}
      {data &&
        !mine.error &&
        data.items.map((m) => (
          <Card key={m.id}>
            <MailThread message={m} timeZone={timeZone} />
          </Card>
        ))}
      {data && pages > 1 && (
        <View className='mailbox__pager'>
          <Button className='btn btn--small' disabled={page <= 1 || mine.loading} onClick={() => setPage(page - 1)}>
            上一页
          </Button>
          <Text>
            第 {page} / {pages} 页
          </Text>
          <Button className='btn btn--small' disabled={page >= pages || mine.loading} onClick={() => setPage(page + 1)}>
            下一页
          </Button>
        </View>
      )}
    </View>
  );
}
