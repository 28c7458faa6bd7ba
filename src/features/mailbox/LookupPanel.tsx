import { useState } from 'react';
import { Button, Input, View } from '@tarojs/components';
import { useMutation } from '@/api/hooks';
import type { MailMessageView } from '@/core/mailbox/contract';
import { RECEIPT_CODE_LENGTH } from '@/core/mailbox/rules';
import { Card } from '@/components/Card';
import { Field } from '@/components/Field';
import { ErrorText } from '@/components/StateView';
import { MailThread } from './MailThread';

/** 凭回执码查询: an anonymous sender's only way back to their message and its answers. */
export function LookupPanel({ timeZone }: { timeZone: string }) {
  const [code, setCode] = useState('');
  const [found, setFound] = useState<MailMessageView | null>(null);
  const lookup = useMutation('mailbox.lookup');

  async function submit() {
    if (lookup.busy || !code.trim()) return;
    setFound(null);
    const res = await lookup.run({ code });
    if (res.ok) setFound(res.data.message);
  }

  return (
    <Card title='凭回执码查询'>
      <Field label='回执码' hint={`匿名来信发送后显示的 ${RECEIPT_CODE_LENGTH} 位回执码，不区分大小写`}>
        <View className='mailbox__lookup'>
          <Input
            className='field__input'
            value={code}
            placeholder='例如 ABCD-EFGH-JKMN'
            maxlength={32}
            confirmType='search'
            onInput={(e) => {
              setCode(e.detail.value);
              lookup.clearError();
            }}
            onConfirm={() => void submit()}
          />
          <Button className='btn btn--primary' disabled={lookup.busy || !code.trim()} onClick={() => void submit()}>
            {lookup.busy ? '查询中…' : '查询'}
          </Button>
        </View>
      </Field>
      <ErrorText message={lookup.error?.message} />
      {found && <MailThread message={found} timeZone={timeZone} />}
    </Card>
  );
}
