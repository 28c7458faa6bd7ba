import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import { useQuery } from '@/api/hooks';
import type { StaffPick } from '@/core/people/views';

interface ActorFilterProps {
  value: StaffPick | null;
  onChange: (pick: StaffPick | null) => void;
}

/**
 * The person filter: find a colleague by name or 工号 (staff.search, as the team member pickers
 * do), then show the one chosen with a way back to everyone.
 */
export function ActorFilter({ value, onChange }: ActorFilterProps) {
  const [draft, setDraft] = useState('');
  const [query, setQuery] = useState<string | null>(null);
  const found = useQuery('staff.search', query ? { q: query } : null);

  if (value) {
    return (
      <View className='alog__actor'>
        <Text className='alog__actor-name'>操作人：{value.name}</Text>
        <Text className='muted'>{value.department}</Text>
        <Button className='btn btn--small' onClick={() => onChange(null)}>
          全部人员
        </Button>
      </View>
    );
  }
  const search = () => setQuery(draft.trim() || null);
  const pick = (s: StaffPick) => {
    setQuery(null);
    setDraft('');
    onChange(s);
  };
  return (
    <View className='alog__picker'>
      <View className='alog__search'>
        <Input
          className='field__input'
          value={draft}
          placeholder='按操作人筛选：姓名或工号'
          maxlength={32}
          confirmType='search'
          onInput={(e) => setDraft(e.detail.value)}
          onConfirm={search}
        />
        <Button className='btn btn--small' onClick={search}>
          查找
        </Button>
      </View>
      {query && (
        <View className='alog__results'>
          {found.loading && <Text className='muted'>查找中…</Text>}
          {found.error && <Text className='field__error'>{found.error.message}</Text>}
          {!found.loading && found.data?.items.length === 0 && <Text className='muted'>没有找到在职的同事</Text>}
          {!found.loading &&
            found.data?.items.map((s) => (
              <View key={s.id} className='alog__result' onClick={() => pick(s)}>
                <Text>{s.name}</Text>
                <Text className='muted'>{s.department}</Text>
              </View>
            ))}
        </View>
      )}
    </View>
  );
}
