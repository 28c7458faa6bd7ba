import { RemindMe } from '@/features/notice/RemindMe';
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { useMutation } from '@/api/hooks';
import { mailboxSendInput } from '@/core/mailbox/contract';
import {
  MAIL_BODY_MAX,
  MAIL_BODY_MIN,
  MAIL_CATEGORIES,
  MAIL_DEFAULT_CATEGORY,
  MAIL_SUBJECT_MAX,
  type MailCategory,
} from '@/core/mailbox/rules';
import { Card } from '@/components/Card';
import { Field } from '@/components/Field';
import { Page } from '@/components/Page';
import { ErrorText } from '@/components/StateView';
import { TextArea } from '@/components/TextArea';
import { issuesToFieldErrors, serverFieldErrors } from '@/features/forms/issues';
import { useFormErrors } from '@/features/forms/useFormErrors';
import { SessionGate } from '@/features/session/SessionGate';
import { ReceiptCard } from './ReceiptCard';
import './mailbox.scss';

const ANONYMOUS_HINT =
  '匿名：不记录您的姓名、工号、部门和发信时间（只记日期），办公室无从知道是谁写的；答复只能凭回执码查看。';
const NAMED_HINT = '实名：办公室能看到您的姓名和部门，答复会通过消息通知您。';

export function MailboxWritePage() {
  return (
    <SessionGate>
      {() => (
        <Page className='mailbox'>
          <WriteForm />
        </Page>
      )}
    </SessionGate>
  );
}

type Sent = { kind: 'anonymous'; code: string } | { kind: 'named' };

function back() {
  void Taro.navigateBack().catch(() => undefined);
}

function WriteForm() {
  const [category, setCategory] = useState<MailCategory>(MAIL_DEFAULT_CATEGORY);
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  // Kept in memory only: the code must not outlive this page on the device either.
  const [sent, setSent] = useState<Sent | null>(null);
  const send = useMutation('mailbox.send');
  const form = useFormErrors();
  const errors = form.errors;

  async function submit() {
    if (send.busy) return;
    const checked = mailboxSendInput.safeParse({ subject, body, anonymous, category });
    if (!checked.success) return form.show(issuesToFieldErrors(checked.error.issues));
    form.clear();
    const res = await send.run(checked.data);
    if (!res.ok) return form.show(serverFieldErrors(res.error));
    setSent(res.data.code ? { kind: 'anonymous', code: res.data.code } : { kind: 'named' });
  }

  if (sent?.kind === 'anonymous') return <ReceiptCard code={sent.code} onDone={back} />;
  if (sent?.kind === 'named') {
    return (
      <Card title='来信已送达'>
        <Text className='card__text'>办公室答复后会通过消息通知您，也可以在“投诉建议”页查看。</Text>
        <RemindMe noticeKey='review' label='办公室答复时微信提醒我' />
        <View className='btn-row'>
          <Button className='btn btn--primary' onClick={back}>
            返回
          </Button>
        </View>
      </Card>
    );
  }

  return (
    <Card title='写信'>
      <Field label='类别' error={errors.category}>
        <View className='mailbox__chips'>
          {MAIL_CATEGORIES.map((c) => (
            <View
              key={c}
              className={`mailbox__chip ${category === c ? 'is-active' : ''}`}
              onClick={() => {
                setCategory(c);
                form.edited('category');
              }}
            >
              {c}
            </View>
          ))}
        </View>
      </Field>
      <Field label='标题' error={errors.subject} hint={`${subject.trim().length}/${MAIL_SUBJECT_MAX} 字`}>
        <Input
          className='field__input'
          value={subject}
          maxlength={MAIL_SUBJECT_MAX}
          placeholder='一句话说明来信事由'
          onInput={(e) => {
            setSubject(e.detail.value);
            form.edited('subject');
          }}
        />
      </Field>
      <Field
        label='内容'
        error={errors.body}
        hint={`${body.trim().length}/${MAIL_BODY_MAX} 字，至少 ${MAIL_BODY_MIN} 字`}
      >
        <TextArea
          value={body}
          maxlength={MAIL_BODY_MAX}
          size='long'
          placeholder='请写明具体情况和您的意见建议'
          onInput={(v) => {
            setBody(v);
            form.edited('body');
          }}
        />
      </Field>
      <View className='mailbox__switch-row'>
        <Text className='mailbox__switch-label'>匿名</Text>
        <View
          className={`mailbox__switch ${anonymous ? 'is-on' : ''}`}
          role='switch'
          aria-checked={anonymous}
          aria-label='匿名'
          onClick={() => setAnonymous((a) => !a)}
        >
          <View className='mailbox__knob' />
        </View>
      </View>
      <Text className='field__hint mailbox__switch-hint'>{anonymous ? ANONYMOUS_HINT : NAMED_HINT}</Text>
      <ErrorText message={errors['']} />
      <Button className='btn btn--primary btn--block' disabled={send.busy} onClick={() => void submit()}>
        {send.busy ? '发送中…' : anonymous ? '匿名发送' : '实名发送'}
      </Button>
    </Card>
  );
}
