import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { useMutation } from '@/api/hooks';
import type { HonorNomination } from '@/core/honor/contract';
import { OBJECTION_MAX, OBJECTION_MIN } from '@/core/honor/rules';
import { TextArea } from '@/components/TextArea';
import { Field } from '@/components/Field';
import { ErrorText } from '@/components/StateView';
import { toast } from '@/components/confirm';

/** An objection during publicity (异议), under one's own name, seen by the unit's admins only. */
export function ObjectionForm({
  roundId,
  nomination,
  onDone,
}: {
  roundId: string;
  nomination: HonorNomination;
  onDone: () => void;
}) {
  const [text, setText] = useState('');
  const [done, setDone] = useState(false);
  const object = useMutation('honor.object');
  const length = text.trim().length;

  async function submit() {
    if (object.busy) return;
    const res = await object.run({ roundId, nominationId: nomination.id, text: text.trim() });
    if (res.ok) {
      setDone(true);
      toast(res.data.already ? '您已反映过' : '已提交');
    }
  }

  if (done) {
    return (
      <View className='hn-object'>
        <Text className='card__text'>您的意见已转交单位办公室核实，感谢监督。</Text>
        <Button className='btn btn--small' onClick={onDone}>
          关闭
        </Button>
      </View>
    );
  }
  return (
    <View className='hn-object'>
      <Field
        label={`对${nomination.nominee.name}的异议`}
        hint={`${length}/${OBJECTION_MAX} 字，实名提交，仅办公室可见`}
      >
        <TextArea
          value={text}
          maxlength={OBJECTION_MAX}
          placeholder='请写明具体事实，便于核实'
          onInput={(v) => {
            setText(v);
            object.clearError();
          }}
        />
      </Field>
      <ErrorText message={object.error?.message} />
      <View className='btn-row'>
        <Button
          className='btn btn--primary btn--small'
          disabled={object.busy || length < OBJECTION_MIN}
          onClick={() => void submit()}
        >
          {object.busy ? '提交中…' : '提交异议'}
        </Button>
        <Button className='btn btn--small' onClick={onDone}>
          取消
        </Button>
      </View>
    </View>
  );
}
