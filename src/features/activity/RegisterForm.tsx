import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import { useMutation } from '@/api/hooks';
import type { ActivityItemView, RegisterResult } from '@/core/activity/views';
import type { ApiError } from '@/core/errors';
import type { StaffPick } from '@/core/people/views';
import { Field } from '@/components/Field';
import { ErrorText } from '@/components/StateView';
import { toast } from '@/components/confirm';
import { type FieldErrors, serverFieldErrors } from '@/features/forms/issues';
import { useFormErrors } from '@/features/forms/useFormErrors';
import { checkTeamDraft, pickProblem, sizeHint } from './team-draft';
import { MemberPicker } from './MemberPicker';

interface RegisterFormProps {
  activityId: string;
  item: ActivityItemView;
  captain: { id: string; name: string };
  onDone: (result: RegisterResult) => void;
  onCancel?: () => void;
}

/** Registration for one item: a single tap for individual items, a team with its members for team items. */
export function RegisterForm({ activityId, item, captain, onDone, onCancel }: RegisterFormProps) {
  const [name, setName] = useState('');
  const [members, setMembers] = useState<StaffPick[]>([]);
  const form = useFormErrors();
  const errors = form.errors;
  const register = useMutation('activity.register');
  const full = item.seatsLeft <= 0;

  async function submit() {
    if (item.mode === 'team') {
      const problems = checkTeamDraft(item, { name, members });
      form.show(problems);
      if (Object.keys(problems).length > 0) return;
    }
    const team = item.mode === 'team' ? { name: name.trim(), memberStaffIds: members.map((m) => m.id) } : undefined;
    const res = await register.run({ activityId, itemId: item.id, ...(team ? { team } : {}) });
    if (!res.ok) {
      form.show(formErrors(res.error));
      return;
    }
    form.clear();
    toast(res.data.status === 'confirmed' ? '报名成功' : `已进入候补第 ${res.data.position ?? ''} 位`);
    onDone(res.data);
  }

  return (
    <View className='register'>
      {full && <Text className='register__note'>名额已满，提交后进入候补，有人退出时按顺序递补并通知。</Text>}
      {item.mode === 'team' && (
        <>
          <Field label='队名' error={errors.name}>
            <Input
              className='field__input'
              value={name}
              maxlength={40}
              placeholder='例如：预算科联队'
              onInput={(e) => {
                setName(e.detail.value);
                form.edited('name');
              }}
            />
          </Field>
          <Field label='队员' error={errors.members} hint={sizeHint(item, members.length + 1)}>
            <Text className='register__captain'>队长：{captain.name}（我）</Text>
            <MemberPicker
              picked={members}
              disabled={register.busy}
              problemOf={(c) => pickProblem(item, captain.id, members, c)}
              onAdd={(m) => {
                setMembers((list) => [...list, m]);
                form.edited('members');
              }}
              onRemove={(m) => {
                setMembers((list) => list.filter((x) => x.id !== m.id));
                form.edited('members');
              }}
            />
          </Field>
        </>
      )}
      <ErrorText message={errors['']} />
      <View className='btn-row'>
        <Button className='btn btn--primary' disabled={register.busy} onClick={() => void submit()}>
          {register.busy ? '正在提交…' : full ? '报名候补' : item.mode === 'team' ? '提交队伍报名' : '确认报名'}
        </Button>
        {onCancel && (
          <Button className='btn' disabled={register.busy} onClick={onCancel}>
            取消
          </Button>
        )}
      </View>
    </View>
  );
}

/** The server's field errors about the team (team.name, team.memberStaffIds) go under their fields. */
function formErrors(error: ApiError): FieldErrors {
  const out: FieldErrors = {};
  for (const f of error.details?.fields ?? []) {
    const key = f.field === 'team.name' ? 'name' : f.field.startsWith('team') ? 'members' : '';
    if (!(key in out)) out[key] = f.message;
  }
  return Object.keys(out).length > 0 ? out : serverFieldErrors(error);
}
