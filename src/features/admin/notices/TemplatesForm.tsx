import { useEffect, useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import { useMutation } from '@/api/hooks';
import {
  NOTICE_KEY_LABELS,
  NOTICE_KEY_MOMENTS,
  NOTICE_KEYS,
  NOTICE_SLOT_LABELS,
  NOTICE_SLOTS,
  type SubscribeSettings,
} from '@/core/notice';
import type { Settings } from '@/core/settings/schema';
import { Card } from '@/components/Card';
import { Field } from '@/components/Field';
import { ErrorText } from '@/components/StateView';
import { toast } from '@/components/confirm';
import { serverFieldErrors } from '@/features/forms/issues';
import { useFormErrors } from '@/features/forms/useFormErrors';

const SLOT_HELP = NOTICE_SLOTS.map((s) => `${s}=${NOTICE_SLOT_LABELS[s]}`).join('，');

/**
 * The unit's three subscribe-message templates: the id from 微信公众平台 → 订阅消息, and which of our
 * contents fills each keyword of the template. An empty id means that notice stays in the inbox.
 */
export function TemplatesForm({ saved, onSaved }: { saved: Settings; onSaved: (s: Settings) => void }) {
  const [draft, setDraft] = useState<SubscribeSettings>(saved.subscribe);
  const form = useFormErrors();
  const update = useMutation('settings.update');
  useEffect(() => setDraft(saved.subscribe), [saved]);

  const set = (key: keyof SubscribeSettings, part: 'templateId' | 'fields', value: string) => {
    setDraft((d) => ({ ...d, [key]: { ...d[key], [part]: value } }));
    form.edited(`subscribe.${key}.${part}`);
  };

  async function save() {
    form.clear();
    const subscribe = Object.fromEntries(
      NOTICE_KEYS.map((k) => [k, { templateId: draft[k].templateId.trim(), fields: draft[k].fields.trim() }]),
    ) as SubscribeSettings;
    const res = await update.run({ subscribe });
    if (!res.ok) {
      form.show(serverFieldErrors(res.error));
      return;
    }
    onSaved(res.data);
    toast('模板已保存');
  }

  return (
    <Card title='订阅消息模板'>
      <Text className='card__text'>
        在微信公众平台「订阅消息」中选用模板，把模板 ID 和关键词填在这里。未填模板 ID 的通知只进站内消息。
        关键词写成「关键词:内容」，用逗号分隔；内容可选 {SLOT_HELP}。
      </Text>
      {NOTICE_KEYS.map((key) => (
        <View key={key} className='tmpl'>
          <Text className='tmpl__title'>{NOTICE_KEY_LABELS[key]}</Text>
          <Text className='muted'>{NOTICE_KEY_MOMENTS[key]}</Text>
          <Field label='模板 ID' error={form.errors[`subscribe.${key}.templateId`]}>
            <Input
              className='field__input'
              value={draft[key].templateId}
              placeholder='未设置（只发站内消息）'
              aria-label={`${NOTICE_KEY_LABELS[key]}模板 ID`}
              onInput={(e) => set(key, 'templateId', e.detail.value)}
            />
          </Field>
          <Field label='模板关键词' error={form.errors[`subscribe.${key}.fields`]}>
            <Input
              className='field__input'
              value={draft[key].fields}
              aria-label={`${NOTICE_KEY_LABELS[key]}模板关键词`}
              onInput={(e) => set(key, 'fields', e.detail.value)}
            />
          </Field>
        </View>
      ))}
      <ErrorText message={form.errors['']} />
      <View className='btn-row'>
        <Button className='btn btn--primary' disabled={update.busy} onClick={() => void save()}>
          {update.busy ? '正在保存…' : '保存模板'}
        </Button>
      </View>
    </Card>
  );
}
