import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import { useMutation } from '@/api/hooks';
import { MAKEUP_REASON_MAX } from '@/core/reading/rules';
import type { MakeupResult } from '@/core/reading/contract';
import { dayLabel } from '@/core/reading/rules';
import { Field } from '@/components/Field';
import { ErrorText } from '@/components/StateView';

interface MakeupFormProps {
  date: string;
  makeupsLeft: number;
  onDone: (result: MakeupResult) => void;
}

/** A make-up names its day and a reason; the server checks days back and the month's quota. */
export function MakeupForm({ date, makeupsLeft, onDone }: MakeupFormProps) {
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  const makeup = useMutation('checkin.makeup');

  async function send() {
    const text = reason.trim();
    if (!text) {
      setReasonError('请填写补卡原因');
      return;
    }
    setReasonError(undefined);
    const res = await makeup.run({ date, reason: text });
    if (res.ok) onDone(res.data);
  }

  return (
    <View className='makeup'>
      <Text className='makeup__title'>补卡：{dayLabel(date)}</Text>
      <Field label='补卡原因' error={reasonError} hint={`本月还可补卡 ${makeupsLeft} 次；补卡计入学时，并标注为补卡。`}>
        <Input
          className='field__input'
          value={reason}
          maxlength={MAKEUP_REASON_MAX}
          placeholder='例如：外出开会、出差'
          onInput={(e) => {
            setReason(e.detail.value);
            makeup.clearError();
          }}
        />
      </Field>
      <ErrorText message={makeup.error?.message} />
      <Button className='btn btn--primary btn--block' disabled={makeup.busy} onClick={() => void send()}>
        {makeup.busy ? '正在提交…' : '提交补卡'}
      </Button>
    </View>
  );
}
