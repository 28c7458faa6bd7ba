import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { useQuery } from '@/api/hooks';
import { AUDIT_ACTION_OPTIONS } from '@/core/audit/views';
import type { StaffPick } from '@/core/people/views';
import { SelectInput } from '@/components/SelectInput';
import { StateView } from '@/components/StateView';
import type { ReadySession } from '@/features/session/session';
import { ADMIN_TRAIL, AdminGate } from '../AdminGate';
import { ActorFilter } from './ActorFilter';
import { AuditTable } from './AuditTable';
import './audit.scss';

const ALL_ACTIONS = [{ value: '', label: '全部操作' }, ...AUDIT_ACTION_OPTIONS];

/** 审计日志: who did which privileged write to what and when, newest first, by action and by person. */
export function AuditPage() {
  return <AdminGate trail={[...ADMIN_TRAIL, { label: '审计日志' }]}>{(me) => <AuditLog me={me} />}</AdminGate>;
}

function AuditLog({ me }: { me: ReadySession }) {
  const [action, setAction] = useState('');
  const [actor, setActor] = useState<StaffPick | null>(null);
  const [page, setPage] = useState(1);
  const list = useQuery('audit.list', {
    page,
    ...(action ? { action } : {}),
    ...(actor ? { actorId: actor.id } : {}),
  });
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / list.data.pageSize)) : 1;

  return (
    <View className='alog'>
      <View className='alog__filters'>
        <SelectInput
          className='alog__select'
          ariaLabel='按操作筛选'
          value={action}
          options={ALL_ACTIONS}
          onChange={(a) => {
            setAction(a);
            setPage(1);
          }}
        />
        <ActorFilter
          value={actor}
          onChange={(a) => {
            setActor(a);
            setPage(1);
          }}
        />
      </View>

      {list.error && <StateView kind='error' message={list.error.message} onRetry={list.reload} />}
      {list.loading && !list.data && <StateView kind='loading' />}
      {list.data && !list.error && (
        <>
          <Text className='alog__count'>
            共 {list.data.total} 条{list.loading ? '（刷新中…）' : ''}
          </Text>
          {list.data.items.length === 0 ? (
            <StateView kind='empty' message='没有符合条件的操作记录' />
          ) : (
            <AuditTable items={list.data.items} timeZone={me.settings.timeZone} />
          )}
          <View className='alog__pager'>
            <Button
              className='btn btn--small'
              disabled={page <= 1 || list.loading}
              onClick={() => setPage((p) => p - 1)}
            >
              上一页
            </Button>
            <Text>
              第 {page} / {pages} 页
            </Text>
            <Button
              className='btn btn--small'
              disabled={page >= pages || list.loading}
              onClick={() => setPage((p) => p + 1)}
            >
              下一页
            </Button>
          </View>
        </>
      )}
    </View>
  );
}
