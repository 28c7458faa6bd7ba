import { Text, View } from '@tarojs/components';
import type { MailMessageView } from '@/core/mailbox/contract';
import { MAIL_STATUS_LABELS, type MailStatus } from '@/core/mailbox/rules';
import { localDayKey } from '@/core/time';
import { formatDateTime } from '@/core/volunteer/rules';

const STATUS_BADGE: Record<MailStatus, string> = {
  open: 'badge',
  replied: 'badge badge--ok',
  closed: 'badge badge--muted',
};

export function StatusBadge({ status }: { status: MailStatus }) {
  return <Text className={STATUS_BADGE[status]}>{MAIL_STATUS_LABELS[status]}</Text>;
}

/** Anonymous messages know their day alone: a time of day would be made up. */
export function sentAt(message: Pick<MailMessageView, 'anonymous' | 'createdAt'>, timeZone: string): string {
  return message.anonymous
    ? localDayKey(new Date(message.createdAt), timeZone)
    : formatDateTime(message.createdAt, timeZone);
}

/** One message and the office's answers, oldest answer first, as a letter and its replies read. */
export function MailThread({
  message,
  timeZone,
  from,
}: {
  message: MailMessageView;
  timeZone: string;
  /** Who wrote it, for the office's view; the sender's own view leaves it out. */
  from?: string;
}) {
  return (
    <View className='mail'>
      <View className='mail__head'>
        <Text className='mail__subject'>{message.subject}</Text>
        <StatusBadge status={message.status} />
      </View>
      <View className='mail__meta'>
        <Text className='badge badge--muted'>{message.category}</Text>
        {from && <Text>{from}</Text>}
        <Text>{sentAt(message, timeZone)}</Text>
        {message.anonymous && !from && <Text>匿名</Text>}
      </View>
      <Text className='mail__body' selectable>
        {message.body}
      </Text>
      {message.replies.length === 0 ? (
        <Text className='mail__none'>{message.status === 'closed' ? '已办结。' : '尚未答复。'}</Text>
      ) : (
        message.replies.map((r, i) => (
          <View key={`${r.at}-${i}`} className='mail__reply'>
            <Text className='mail__by'>
              {r.by} 答复 · {formatDateTime(r.at, timeZone)}
            </Text>
            <Text className='mail__body' selectable>
              {r.body}
            </Text>
          </View>
        ))
      )}
    </View>
  );
}
