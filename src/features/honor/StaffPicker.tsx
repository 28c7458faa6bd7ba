import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import { useQuery } from '@/api/hooks';
import type { StaffPick } from '@/core/people/views';
import { StateView } from '@/components/StateView';

interface Props {
  value: StaffPick | null;
  onChange: (pick: StaffPick | null) => void;
  /** Left out of the results (e.g. oneself, for a colleague nomination). */
  excludeId?: string;
}

/** Finds a colleague by name or staff number (staff.search), then shows the one chosen. */
export function StaffPicker({ value, onChange, excludeId }: Props) {
  const [draft, setDraft] = useState('');
  const [query, setQuery] = useState<string | null>(null);
  const found = useQuery('staff.search', query ? { q: query } : null);
  const items = (found.data?.items ?? []).filter((s) => s.id !== excludeId);

  if (value) {
    return (
      <View className='hn-picker__chosen'>
        <Text className='hn-picker__name'>{value.name}</Text>
        <Text className='muted'>{value.department}</Text>
        <Button className='btn btn--small btn--ghost' onClick={() => onChange(null)}>
          更换
        </Button>
      </View>
    );
  }
  const search = () => setQuery(draft.trim() || null);
  return (
    <View className='hn-picker'>
      <View className='hn-picker__search'>
        <Input
          className='field__input'
          value={draft}
          placeholder='输入姓名或工号'
          confirmType='search'
          onInput={(e) => setDraft(e.detail.value)}
          onConfirm={search}
        />
        <Button className='btn btn--primary btn--small' onClick={search}>
          查找
        </Button>
      </View>
      {found.error && <StateView kind='error' message={found.error.message} onRetry={found.reload} />}
      {query && found.loading && <Text className='muted'>查找中…</Text>}
      {query && found.data && !found.loading && items.length === 0 && <Text className='muted'>没有找到在职的同事</Text>}
      {items.map((s) => (
        <View key={s.id} className='hn-picker__item' onClick={() => onChange(s)}>
          <Text className='hn-picker__name'>{s.name}</Text>
          <Text className='muted'>{s.department}</Text>
        </View>
      ))}
    </View>
  );
}
