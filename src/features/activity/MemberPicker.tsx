import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { useQuery } from '@/api/hooks';
import type { StaffPick } from '@/core/people/views';

interface MemberPickerProps {
  picked: StaffPick[];
  /** Says why a candidate cannot be added (null: it can). */
  problemOf: (candidate: StaffPick) => string | null;
  onAdd: (member: StaffPick) => void;
  onRemove: (member: StaffPick) => void;
  disabled?: boolean;
}

/** Picks colleagues from the roster by name or staff number (staff.search). */
export function MemberPicker({ picked, problemOf, onAdd, onRemove, disabled = false }: MemberPickerProps) {
  const [q, setQ] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const query = q.trim();
  const found = useQuery('staff.search', query ? { q: query } : null);

  function add(candidate: StaffPick) {
    const problem = problemOf(candidate);
    if (problem) {
      setNotice(problem);
      return;
    }
    setNotice(null);
    onAdd(candidate);
    setQ('');
  }

  return (
    <View className='picker'>
      {picked.length > 0 && (
        <View className='picker__chips'>
          {picked.map((m) => (
            <View key={m.id} className='picker__chip'>
              <Text>{m.name}</Text>
              {!disabled && (
                <Text className='picker__remove' aria-label={`移除${m.name}`} onClick={() => onRemove(m)}>
                  ×
                </Text>
              )}
            </View>
          ))}
        </View>
      )}
      <Input
        className='field__input'
        value={q}
        disabled={disabled}
        placeholder='输入姓名或工号搜索同事'
        maxlength={32}
        onInput={(e) => setQ(e.detail.value)}
      />
      {notice && (
        <View className='field__error' role='alert'>
          {notice}
        </View>
      )}
      {query && (
        <View className='picker__results'>
          {found.loading && <Text className='picker__hint'>搜索中…</Text>}
          {found.error && <Text className='picker__hint'>{found.error.message}</Text>}
          {!found.loading && found.data && found.data.items.length === 0 && (
            <Text className='picker__hint'>没有找到“{query}”</Text>
          )}
          {!found.loading &&
            found.data?.items.map((s) => (
              <View key={s.id} className='picker__result' onClick={() => add(s)}>
                <Text>{s.name}</Text>
                <Text className='muted'>{s.department}</Text>
              </View>
            ))}
        </View>
      )}
    </View>
  );
}
