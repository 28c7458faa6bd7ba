import { Button, Input, Text, View } from '@tarojs/components';
import { GENDER_LABELS, GENDERS, type Gender, type ItemMode } from '@/core/activity/rules';
import { Field } from '@/components/Field';
import type { FieldErrors } from '@/features/forms/issues';
import { type ItemDraft, newItem } from './activity-form';

interface ItemsEditorProps {
  items: ItemDraft[];
  errors: FieldErrors;
  onChange: (items: ItemDraft[]) => void;
}

const MODES: { value: ItemMode; label: string }[] = [
  { value: 'individual', label: '个人' },
  { value: 'team', label: '团体' },
];

/** The items of an activity: name, individual or team (min..max), capacity, optional gender. */
export function ItemsEditor({ items, errors, onChange }: ItemsEditorProps) {
  const set = (key: string, patch: Partial<ItemDraft>) =>
    onChange(items.map((i) => (i.key === key ? { ...i, ...patch } : i)));
  const err = (i: number, field: string) => errors[`items.${i}.${field}`];
  return (
    <View>
      {items.map((item, i) => (
        <View key={item.key} className='act-edit-item'>
          <Field label={`项目 ${i + 1} 名称`} error={err(i, 'name')}>
            <Input
              className='field__input'
              value={item.name}
              maxlength={40}
              placeholder='例如：拔河、健步走'
              onInput={(e) => set(item.key, { name: e.detail.value })}
            />
          </Field>
          <Field label='类型' error={err(i, 'mode')} hint={item.taken > 0 ? '已有报名，不能改变类型' : undefined}>
            <View className='act-filters'>
              {MODES.map((m) => (
                <Text
                  key={m.value}
                  className={`act-chip ${item.mode === m.value ? 'is-active' : ''}`}
                  onClick={() =>
                    item.taken === 0 &&
                    set(item.key, {
                      mode: m.value,
                      ...(m.value === 'team' && !item.teamMin ? { teamMin: '2', teamMax: '10' } : {}),
                    })
                  }
                >
                  {m.label}
                </Text>
              ))}
            </View>
          </Field>
          <View className='act-edit-item__row'>
            {item.mode === 'team' && (
              <>
                <Field label='每队最少人数' error={err(i, 'teamMin')}>
                  <Input
                    className='field__input'
                    type='number'
                    value={item.teamMin}
                    onInput={(e) => set(item.key, { teamMin: e.detail.value })}
                  />
                </Field>
                <Field label='每队最多人数' error={err(i, 'teamMax')}>
                  <Input
                    className='field__input'
                    type='number'
                    value={item.teamMax}
                    onInput={(e) => set(item.key, { teamMax: e.detail.value })}
                  />
                </Field>
              </>
            )}
            <Field label={item.mode === 'team' ? '名额（队）' : '名额（人）'} error={err(i, 'capacity')}>
              <Input
                className='field__input'
                type='number'
                value={item.capacity}
                onInput={(e) => set(item.key, { capacity: e.detail.value })}
              />
            </Field>
          </View>
          <Field label='性别限制' error={err(i, 'gender')}>
            <View className='act-filters'>
              {(['', ...GENDERS] as ('' | Gender)[]).map((g) => (
                <Text
                  key={g || 'any'}
                  className={`act-chip ${item.gender === g ? 'is-active' : ''}`}
                  onClick={() => set(item.key, { gender: g })}
                >
                  {g ? `限${GENDER_LABELS[g]}` : '不限'}
                </Text>
              ))}
            </View>
          </Field>
          {items.length > 1 && item.taken === 0 && (
            <Button
              className='btn btn--ghost btn--small'
              onClick={() => onChange(items.filter((x) => x.key !== item.key))}
            >
              删除此项目
            </Button>
          )}
        </View>
      ))}
      <View className='btn-row'>
        <Button className='btn btn--small' onClick={() => onChange([...items, newItem()])}>
          + 个人项目
        </Button>
        <Button className='btn btn--small' onClick={() => onChange([...items, newItem('team')])}>
          + 团体项目
        </Button>
      </View>
    </View>
  );
}
