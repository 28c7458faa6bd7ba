import { RemindMe } from '@/features/notice/RemindMe';
import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { useMutation } from '@/api/hooks';
import type { CheckinResult, CheckinView, ReadingToday } from '@/core/reading/contract';
import { readingSecondsLeft, windowState } from '@/core/reading/rules';
import { TextArea } from '@/components/TextArea';
import { ErrorText } from '@/components/StateView';
import { clockText } from './format';
import { MakeupForm } from './MakeupForm';

interface CheckinBoxProps {
  today: ReadingToday;
  readingId: string;
  timeZone: string;
  noteMax: number;
  /** The server's time as the phone tracks it; null until known. */
  now: Date | null;
  openedAt: string | null;
  checkin: CheckinView | null;
  onDone: (result: CheckinResult) => void;
}

/**
 * The voluntary check-in: a reading timer on the server's clock, the button once the minimum reading
 * time has passed inside the window, an optional note, and a make-up once the window has closed.
 */
export function CheckinBox({ today, readingId, timeZone, noteMax, now, openedAt, checkin, onDone }: CheckinBoxProps) {
  const [note, setNote] = useState('');
  const submit = useMutation('checkin.submit');
  const { start, end } = today.window;

  if (checkin) {
    return (
      <View className='checkin checkin--done'>
        <Text className='checkin__done'>✓ 今日已{checkin.makeup ? '补卡' : '打卡'}</Text>
        {checkin.note && <Text className='checkin__note'>心得：{checkin.note}</Text>}
        <RemindMe noticeKey='reading' label='明天晨读开始时微信提醒我' />
      </View>
    );
  }

  const window = now
    ? windowState(now, { timeZone, readingWindowStart: start, readingWindowEnd: end })
    : today.window.state;
  const opened = openedAt ? new Date(openedAt) : null;
  const elapsed = opened && now ? Math.max(0, (now.getTime() - opened.getTime()) / 1000) : 0;
  const left = opened && now ? readingSecondsLeft(opened, now, today.minReadingSeconds) : today.minReadingSeconds;
  const ready = window === 'open' && opened !== null && now !== null && left === 0 && !submit.busy;
  const tooLong = note.trim().length > noteMax;

  async function send() {
    if (!ready || tooLong) return;
    const res = await submit.run({ readingId, note: note.trim() || undefined });
    if (res.ok) onDone(res.data);
  }

  if (window === 'after') {
    return (
      <View className='checkin'>
        <Text className='checkin__hint'>
          今日打卡时段（{start}–{end}）已结束。打卡完全自愿；如需记录今天的学习，可以补卡。
        </Text>
        {today.makeupsLeft > 0 ? (
          <MakeupForm date={today.date} makeupsLeft={today.makeupsLeft} onDone={onDone} />
        ) : (
          <Text className='checkin__hint'>本月补卡次数已用完。</Text>
        )}
      </View>
    );
  }

  const label = submit.busy
    ? '正在打卡…'
    : window === 'before'
      ? `${start} 开始打卡`
      : left > 0
        ? `再读 ${left} 秒可打卡`
        : '打卡';

  return (
    <View className='checkin'>
      <View className='checkin__timer' aria-live='polite'>
        <Text className='checkin__clock'>{opened ? clockText(elapsed) : '--:--'}</Text>
        <Text className='checkin__hint'>
          {opened ? `已阅读 · 需读满 ${clockText(today.minReadingSeconds)}` : '正在开始计时…'}
        </Text>
      </View>
      {window === 'before' && (
        <Text className='checkin__hint'>
          打卡时段为每个工作日 {start}–{end}，可以先阅读。
        </Text>
      )}
      <TextArea
        value={note}
        maxlength={noteMax}
        size='short'
        placeholder='写一句学习心得（选填）'
        onInput={(v) => {
          setNote(v);
          submit.clearError();
        }}
      />
      <Text className={`checkin__count ${tooLong ? 'is-over' : ''}`}>
        {note.trim().length}/{noteMax}
      </Text>
      <ErrorText message={submit.error?.message} />
      <Button
        className='btn btn--primary btn--block checkin__button'
        disabled={!ready || tooLong}
        data-ready={ready ? 'yes' : 'no'}
        onClick={() => void send()}
      >
        {label}
      </Button>
    </View>
  );
}
