import { useEffect, useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import { useMutation, useQuery } from '@/api/hooks';
import type { Settings } from '@/core/settings/schema';
import { Card } from '@/components/Card';
import { TimeInput } from '@/components/DateInput';
import { Field } from '@/components/Field';
import { SelectInput } from '@/components/SelectInput';
import { ErrorText, StateView } from '@/components/StateView';
import { toast } from '@/components/confirm';
import { serverFieldErrors } from '@/features/forms/issues';
import { useFormErrors } from '@/features/forms/useFormErrors';
import { loadSession } from '@/features/session/session';
import { ADMIN_TRAIL, AdminGate } from '../AdminGate';
import {
  changedFields,
  type FieldSpec,
  fromDraft,
  SETTINGS_FIELDS,
  type SettingsDraft,
  toDraft,
  zoneOptions,
} from './settings-form';

export function SettingsPage() {
  return <AdminGate trail={[...ADMIN_TRAIL, { label: '单位设置' }]}>{() => <SettingsLoader />}</AdminGate>;
}

function SettingsLoader() {
  const current = useQuery('settings.get', {});
  if (current.error) return <StateView kind='error' message={current.error.message} onRetry={current.reload} />;
  if (!current.data) return <StateView kind='loading' />;
  return <SettingsForm saved={current.data} onSaved={current.setData} />;
}

function SettingsForm({ saved, onSaved }: { saved: Settings; onSaved: (s: Settings) => void }) {
  const [draft, setDraft] = useState<SettingsDraft>(() => toDraft(saved));
  const form = useFormErrors();
  const errors = form.errors;
  const update = useMutation('settings.update');
  useEffect(() => setDraft(toDraft(saved)), [saved]);

  const set = (key: keyof SettingsDraft, value: string) => {
    setDraft((d) => ({ ...d, [key]: value }));
    form.edited(key);
  };

  async function save() {
    const checked = fromDraft(draft);
    if (!checked.ok) {
      form.show(checked.errors);
      return;
    }
    form.clear();
    const patch = changedFields(saved, checked.value);
    if (Object.keys(patch).length === 0) {
      toast('没有改动');
      return;
    }
    const res = await update.run(patch);
    if (!res.ok) {
      form.show(serverFieldErrors(res.error));
      return;
    }
    onSaved(res.data);
    toast('设置已保存');
    // Every page reads the time zone and window from the session's copy of the settings.
    void loadSession(true);
  }

  return (
    <Card title='单位设置'>
      {SETTINGS_FIELDS.map((spec) => (
        <SettingField
          key={spec.key}
          spec={spec}
          value={draft[spec.key]}
          error={errors[spec.key]}
          onChange={(v) => set(spec.key, v)}
        />
      ))}
      <ErrorText message={errors['']} />
      <View className='btn-row'>
        <Button className='btn btn--primary' disabled={update.busy} onClick={() => void save()}>
          {update.busy ? '正在保存…' : '保存设置'}
        </Button>
        <Button
          className='btn'
          disabled={update.busy}
          onClick={() => {
            setDraft(toDraft(saved));
            form.clear();
          }}
        >
          还原
        </Button>
      </View>
    </Card>
  );
}

interface SettingFieldProps {
  spec: FieldSpec;
  value: string;
  error?: string;
  onChange: (value: string) => void;
}

function SettingField({ spec, value, error, onChange }: SettingFieldProps) {
  if (spec.kind === 'choice') {
    return (
      <Field label={spec.label} error={error}>
        <View className='choice'>
          {spec.options.map((o) => (
            <View
              key={o.value}
              className={`choice__item ${value === o.value ? 'is-active' : ''}`}
              onClick={() => onChange(o.value)}
            >
              <Text>{o.label}</Text>
            </View>
          ))}
        </View>
      </Field>
    );
  }
  if (spec.kind === 'zone') {
    return (
      <Field label={spec.label} error={error} hint={spec.hint}>
        <SelectInput ariaLabel={spec.label} value={value} options={zoneOptions(value)} onChange={onChange} />
      </Field>
    );
  }
  if (spec.kind === 'time') {
    return (
      <Field label={spec.label} error={error} hint={spec.hint}>
        <TimeInput ariaLabel={spec.label} value={value} onChange={onChange} />
      </Field>
    );
  }
  const numeric = spec.kind === 'int' || spec.kind === 'percent';
  const hint =
    spec.hint ??
    (spec.kind === 'int'
      ? `${spec.min}–${spec.max} ${spec.unit}`
      : spec.kind === 'percent'
        ? '0–100，例如 90'
        : undefined);
  return (
    <Field label={numeric ? `${spec.label}（${spec.unit}）` : spec.label} error={error} hint={hint}>
      <Input
        className='field__input'
        value={value}
        type={spec.kind === 'percent' ? 'digit' : numeric ? 'number' : 'text'}
        onInput={(e) => onChange(e.detail.value)}
      />
    </Field>
  );
}
