import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { useQuery } from '@/api/hooks';
import { NOTICE_KEY_LABELS, type PushLogItem } from '@/core/notice';
import { Card } from '@/components/Card';
import { StateView } from '@/components/StateView';
import type { ReadySession } from '@/features/session/session';
import { ADMIN_TRAIL, AdminGate } from '../AdminGate';
import { TemplatesForm } from './TemplatesForm';
import './notices.scss';

const STATUS: Record<PushLogItem['status'], string> = {
  sending: '发送中',
  sent: '已发送',
  failed: '未送达',
  skipped: '未发送',
};

/** 订阅消息: the templates, and the log of what went to WeChat (on the local server: what would have). */
export function NoticesPage() {
  return (
    <AdminGate trail={[...ADMIN_TRAIL, { label: '订阅消息' }]}>
      {(me) => (
        <>
          <TemplatesLoader />
          <PushLog me={me} />
        </>
      )}
    </AdminGate>
  );
}

function TemplatesLoader() {
  const current = useQuery('settings.get', {});
  if (current.error) return <StateView kind='error' message={current.error.message} onRetry={current.reload} />;
  if (!current.data) return <StateView kind='loading' />;
  return <TemplatesForm saved={current.data} onSaved={current.setData} />;
}

function PushLog({ me }: { me: ReadySession }) {
  const [page, setPage] = useState(1);
  const log = useQuery('notice.log', { page });
  const time = (iso: string) =>
    new Date(iso).toLocaleString('zh-CN', { timeZone: me.settings.timeZone, hour12: false }).slice(0, 16);
  return (
    <Card title='发送记录'>
      {log.data?.delivery === 'local' && (
        <Text className='card__text'>本地服务不连接微信：这里记录的是部署后会发送的消息，未真正发出。</Text>
      )}
      {log.error && <StateView kind='error' message={log.error.message} onRetry={log.reload} />}
      {log.data && log.data.items.length === 0 && <Text className='muted'>还没有订阅消息。</Text>}
      {log.data?.items.map((item) => (
        <View key={item.id} className={`plog plog--${item.status}`}>
          <View className='plog__head'>
            <Text>
              {item.staffName}（{item.staffNo}）· {NOTICE_KEY_LABELS[item.key]}
            </Text>
            <Text className='plog__status'>{STATUS[item.status]}</Text>
          </View>
          <Text className='plog__title'>{item.title}</Text>
          <Text className='muted plog__preview'>{item.preview}</Text>
          <Text className='muted'>
            {time(item.at)}
            {item.reason ? ` · ${item.reason}` : ''}
          </Text>
        </View>
      ))}
      {log.data && (page > 1 || log.data.hasMore) && (
        <View className='btn-row'>
          <Button className='btn' disabled={page <= 1} onClick={() => setPage(page - 1)}>
            上一页
          </Button>
          <Button className='btn' disabled={!log.data.hasMore} onClick={() => setPage(page + 1)}>
            下一页
          </Button>
        </View>
      )}
    </Card>
  );
}
