import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Button, View } from '@tarojs/components';
import { useMutation, useQuery } from '@/api/hooks';
import type { MailAdminView } from '@/core/mailbox/contract';
import { MAIL_ANONYMOUS, MAIL_REPLY_MAX } from '@/core/mailbox/rules';
import { Card } from '@/components/Card';
import { Field } from '@/components/Field';
import { ErrorText, StateView } from '@/components/StateView';
import { TextArea } from '@/components/TextArea';
import { confirmAction, toast } from '@/components/confirm';
import { ADMIN_TRAIL, AdminGate } from '@/features/admin/AdminGate';
import { decodeParam, ROUTES } from '@/features/session/routes';
import { MailThread } from './MailThread';
import './mailbox.scss';

/** One letter for the office: read it, answer it, 办结 it. */
export function MailboxDetailPage() {
  const id = decodeParam(useRouter()?.params?.id);
  return (
    <AdminGate trail={[...ADMIN_TRAIL, { label: '投诉建议', url: ROUTES.mailboxAdmin }, { label: '来信详情' }]}>
      {(me) => <Detail id={id} timeZone={me.settings.timeZone} />}
    </AdminGate>
  );
}

function Detail({ id, timeZone }: { id: string; timeZone: string }) {
  const got = useQuery('mailbox.get', id ? { messageId: id } : null);
  if (!id) return <StateView kind='error' message='缺少来信编号，请从来信列表进入' />;
  if (got.error) return <StateView kind='error' message={got.error.message} onRetry={got.reload} />;
  if (!got.data) return <StateView kind='loading' />;
  const message = got.data.message;
  const set = (m: MailAdminView) => got.setData({ message: m });
  const from = message.sender ? `${message.sender.name}（${message.sender.department}）` : MAIL_ANONYMOUS;
  return (
    <>
      <Card>
        <MailThread message={message} timeZone={timeZone} from={from} />
      </Card>
      {message.status !== 'closed' && <ReplyForm message={message} onChange={set} />}
    </>
  );
}

function ReplyForm({ message, onChange }: { message: MailAdminView; onChange: (m: MailAdminView) => void }) {
  const [body, setBody] = useState('');
  const reply = useMutation('mailbox.reply');
  const close = useMutation('mailbox.close');

  async function send() {
    if (reply.busy || !body.trim()) return;
    const res = await reply.run({ messageId: message.id, body });
    if (!res.ok) return;
    setBody('');
    onChange(res.data.message);
    toast('已答复');
  }

  async function finish() {
    if (close.busy) return;
    if (!(await confirmAction('办结来信', '办结后不能再答复这封来信。确定办结？', '办结'))) return;
    const res = await close.run({ messageId: message.id });
    if (res.ok) onChange(res.data.message);
  }

  const hint = message.sender
    ? `${body.trim().length}/${MAIL_REPLY_MAX} 字；来信人将收到消息通知，答复署名为“办公室”`
    : `${body.trim().length}/${MAIL_REPLY_MAX} 字；匿名来信人凭回执码查看，答复署名为“办公室”`;
  return (
    <Card title='答复'>
      <Field label='答复内容' hint={hint}>
        <TextArea
          value={body}
          maxlength={MAIL_REPLY_MAX}
          placeholder='请写明处理情况或答复意见'
          onInput={(v) => {
            setBody(v);
            reply.clearError();
          }}
        />
      </Field>
      <ErrorText message={reply.error?.message ?? close.error?.message} />
      <View className='btn-row'>
        <Button className='btn btn--primary' disabled={reply.busy || !body.trim()} onClick={() => void send()}>
          {reply.busy ? '发送中…' : '发送答复'}
        </Button>
        <Button className='btn btn--ghost' disabled={close.busy} onClick={() => void finish()}>
          办结
        </Button>
      </View>
    </Card>
  );
}
