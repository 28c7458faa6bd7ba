import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import { useMutation } from '@/api/hooks';
import type { CalendarDay } from '@/core/settings/views';
import { Card } from '@/components/Card';
import { Field } from '@/components/Field';
import { ErrorText } from '@/components/StateView';
import { toast } from '@/components/confirm';
import { sourceText } from './day-marks';

/** Sets one day (calendar.set) or drops the unit's entry for it (calendar.clear). */
export function DayEditor({ day, onSaved }: { day: CalendarDay; onSaved: (day: CalendarDay) => void }) {
  const [workday, setWorkday] = useState(day.workday);
  const [note, setNote] = useState(day.note ?? '');
  const set = useMutation('calendar.set');
  const clear = useMutation('calendar.clear');
  const [noteError, setNoteError] = useState<string>();
  const busy = set.busy || clear.busy;

  async function save() {
    if (note.trim().length > 50) {
      setNoteError('备注最多 50 个字');
      return;
    }
    setNoteError(undefined);
    const res = await set.run({ date: day.date, workday, note: note.trim() || undefined });
    if (res.ok) {
      onSaved(res.data);
      toast('已保存');
    }
  }

  async function restore() {
    const res = await clear.run({ date: day.date });
    if (res.ok) {
      onSaved(res.data);
      toast(res.data.official ? '已恢复为国务院安排' : '已恢复为周一至周五');
    }
  }

  return (
    <Card title={`设置 ${day.date}`}>
      <Text className='wcal__source'>{sourceText(day)}</Text>
      <View className='choice choice--row'>
        <View className={`choice__item ${workday ? 'is-active' : ''}`} onClick={() => setWorkday(true)}>
          工作日（上班）
        </View>
        <View className={`choice__item ${workday ? '' : 'is-active'}`} onClick={() => setWorkday(false)}>
          休息日
        </View>
      </View>
      <Field label='备注（选填）' error={noteError} hint='例如：单位值班、本单位调休'>
        <Input className='field__input' value={note} maxlength={50} onInput={(e) => setNote(e.detail.value)} />
      </Field>
      <ErrorText message={set.error?.message ?? clear.error?.message} />
      <View className='wcal__actions'>
        <Button className='btn btn--primary' disabled={busy} onClick={() => void save()}>
          {set.busy ? '正在保存…' : '保存'}
        </Button>
        {day.override && (
          <Button className='btn' disabled={busy} onClick={() => void restore()}>
            {clear.busy ? '正在恢复…' : day.official ? '恢复为国务院安排' : '恢复为周一至周五'}
          </Button>
        )}
      </View>
    </Card>
  );
}
