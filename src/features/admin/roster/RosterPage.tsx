import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { useQuery } from '@/api/hooks';
import type { ActionInput } from '@/core/contract';
import { SelectInput } from '@/components/SelectInput';
import { StateView } from '@/components/StateView';
import { ROUTES } from '@/features/session/routes';
import { ADMIN_TRAIL, AdminGate } from '../AdminGate';
import { RosterTable } from './RosterTable';
import './roster.scss';
import { useRefreshOnShow } from '@/features/session/useRefreshOnShow';

type Status = 'active' | 'inactive' | 'all';
const STATUSES: { value: Status; label: string }[] = [
  { value: 'active', label: '在用' },
  { value: 'inactive', label: '已停用' },
  { value: 'all', label: '全部' },
];
const ALL_DEPARTMENTS = '全部部门';

export function RosterPage() {
  return <AdminGate trail={[...ADMIN_TRAIL, { label: '人员名册' }]}>{() => <Roster />}</AdminGate>;
}

function Roster() {
  const [draft, setDraft] = useState('');
  const [query, setQuery] = useState<ActionInput<'staff.list'>>({ status: 'active', page: 1 });
  const list = useQuery('staff.list', query);
  const departments = list.data?.departments ?? [];

  // Coming back from a detail page: what was changed there must show here.
  useRefreshOnShow(list.reload);

  const update = (patch: Partial<ActionInput<'staff.list'>>) => setQuery((q) => ({ ...q, page: 1, ...patch }));
  const search = () => update({ q: draft.trim() || undefined });
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / list.data.pageSize)) : 1;
  const page = query.page ?? 1;

  return (
    <View className='roster'>
      <View className='roster__filters'>
        <View className='roster__search'>
          <Input
            className='field__input'
            value={draft}
            placeholder='姓名或工号'
            confirmType='search'
            onInput={(e) => setDraft(e.detail.value)}
            onConfirm={search}
          />
          <Button className='btn btn--primary' onClick={search}>
            搜索
          </Button>
        </View>
        <SelectInput
          className='roster__picker'
          ariaLabel='按部门筛选'
          value={query.department ?? ''}
          options={[{ value: '', label: ALL_DEPARTMENTS }, ...departments.map((d) => ({ value: d, label: d }))]}
          onChange={(d) => update({ department: d || undefined })}
        />
        <View className='segmented'>
          {STATUSES.map((s) => (
            <View
              key={s.value}
              className={`segmented__item ${query.status === s.value ? 'is-active' : ''}`}
              onClick={() => update({ status: s.value })}
            >
              {s.label}
            </View>
          ))}
        </View>
      </View>

      {list.error && <StateView kind='error' message={list.error.message} onRetry={list.reload} />}
      {list.loading && !list.data && <StateView kind='loading' />}
      {list.data && !list.error && (
        <>
          <Text className='roster__count'>
            共 {list.data.total} 人{list.loading ? '（刷新中…）' : ''}
          </Text>
          {list.data.items.length === 0 ? (
            <StateView kind='empty' message='没有符合条件的人员' />
          ) : (
            <RosterTable
              items={list.data.items}
              onOpen={(s) =>
                void Taro.navigateTo({
                  url: `${ROUTES.adminStaff}?id=${encodeURIComponent(s.id)}&no=${encodeURIComponent(s.staffNo)}`,
                })
              }
            />
          )}
          <View className='roster__pager'>
            <Button
              className='btn btn--small'
              disabled={page <= 1 || list.loading}
              onClick={() => setQuery((q) => ({ ...q, page: page - 1 }))}
            >
              上一页
            </Button>
            <Text>
              第 {page} / {pages} 页
            </Text>
            <Button
              className='btn btn--small'
              disabled={page >= pages || list.loading}
              onClick={() => setQuery((q) => ({ ...q, page: page + 1 }))}
            >
              下一页
            </Button>
          </View>
        </>
      )}
    </View>
  );
}
