import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import { useMutation, useQuery } from '@/api/hooks';
import type { CalendarDay } from '@/core/settings/views';
import { localMonthKey } from '@/core/time';
import { Card } from '@/components/Card';
import { Field } from '@/components/Field';
import { ErrorText, StateView } from '@/components/StateView';
import { toast } from '@/components/confirm';
import { type ReadySession, serverNow } from '@/features/session/session';
import { ADMIN_TRAIL, AdminGate } from '../AdminGate';
import { monthGrid, monthLabel, shiftMonth } from './month-grid';
import './calendar.scss';

const WEEK_HEAD = ['一', '二', '三', '四', '五', '六', '日'];

export function CalendarPage() {
  return <AdminGate trail={[...ADMIN_TRAIL, { label: '工作日历' }]}>{(me) => <WorkCalendar me={me} />}</AdminGate>;
}

function WorkCalendar({ me }: { me: ReadySession }) {
  const [month, setMonth] = useState(() => localMonthKey(serverNow(), me.settings.timeZone));
  const [selected, setSelected] = useState<CalendarDay | null>(null);
  const cal = useQuery('calendar.month', { month });
  const byDate = new Map((cal.data?.days ?? []).map((d) => [d.date, d]));

  const go = (delta: number) => {
    setMonth((m) => shiftMonth(m, delta));
    setSelected(null);
  };

  const saved = (day: CalendarDay) => {
    if (cal.data) cal.setData({ ...cal.data, days: cal.data.days.map((d) => (d.date === day.date ? day : d)) });
    setSelected(day);
  };

  return (
    <View className='wcal'>
      <Card>
        <View className='wcal__nav'>
          <Button className='btn btn--small' onClick={() => go(-1)}>
            ‹ 上月
          </Button>
          <Text className='wcal__month'>{monthLabel(month)}</Text>
          <Button className='btn btn--small' onClick={() => go(1)}>
            下月 ›
          </Button>
        </View>
        {cal.error && <StateView kind='error' message={cal.error.message} onRetry={cal.reload} />}
        {!cal.error && !cal.data && <StateView kind='loading' />}
        {cal.data && !cal.error && (
          <View className='wcal__grid'>
            {WEEK_HEAD.map((w) => (
              <Text key={w} className='wcal__head'>
                {w}
              </Text>
            ))}
            {monthGrid(month)
              .flat()
              .map((date, i) => {
                const day = date ? byDate.get(date) : undefined;
                if (!date || !day) return <View key={date ?? `pad-${i}`} className='wcal__cell wcal__cell--pad' />;
                const cls = [
                  'wcal__cell',
                  day.workday ? 'is-work' : 'is-off',
                  day.override ? 'is-override' : '',
                  selected?.date === date ? 'is-selected' : '',
                ].join(' ');
                return (
                  <View key={date} className={cls} onClick={() => setSelected(day)}>
                    <Text className='wcal__num'>{Number(date.slice(8))}</Text>
                    <Text className='wcal__tag'>{day.workday ? '班' : '休'}</Text>
                    {day.note && <Text className='wcal__note'>{day.note}</Text>}
                  </View>
                );
              })}
          </View>
        )}
        <Text className='field__hint'>
          红底为休息日，金色边框表示对默认（周一至周五上班）的调整。点选日期进行设置。
        </Text>
      </Card>
      {selected && <DayEditor key={selected.date} day={selected} onSaved={saved} />}
    </View>
  );
}

function DayEditor({ day, onSaved }: { day: CalendarDay; onSaved: (day: CalendarDay) => void }) {
  const [workday, setWorkday] = useState(day.workday);
  const [note, setNote] = useState(day.note ?? '');
  const set = useMutation('calendar.set');
  const [noteError, setNoteError] = useState<string>();

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

  return (
    <Card title={`设置 ${day.date}`}>
      <View className='choice choice--row'>
        <View className={`choice__item ${workday ? 'is-active' : ''}`} onClick={() => setWorkday(true)}>
          工作日（上班）
        </View>
        <View className={`choice__item ${workday ? '' : 'is-active'}`} onClick={() => setWorkday(false)}>
          休息日
        </View>
      </View>
      <Field label='备注（选填）' error={noteError} hint='例如：国庆节、调休上班'>
        <Input className='field__input' value={note} maxlength={50} onInput={(e) => setNote(e.detail.value)} />
      </Field>
      <ErrorText message={set.error?.message} />
      <Button className='btn btn--primary' disabled={set.busy} onClick={() => void save()}>
        {set.busy ? '正在保存…' : '保存'}
      </Button>
    </Card>
  );
}
