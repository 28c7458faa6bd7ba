import { useState } from 'react';
import { Button, View } from '@tarojs/components';
import { useMutation } from '@/api/hooks';
import type { ActivityItemView } from '@/core/activity/views';
import type { StaffPick } from '@/core/people/views';
import { ErrorText } from '@/components/StateView';
import { toast } from '@/components/confirm';
import { MemberPicker } from './MemberPicker';

interface AddMembersProps {
  activityId: string;
  item: ActivityItemView;
  captainId: string;
  /** Staff ids already in the team. */
  current: string[];
  /** How many more the team may take. */
  room: number;
  onDone: () => void;
  onCancel: () => void;
}

/** The captain adds colleagues to a registered team (e.g. after someone left) before the deadline. */
export function AddMembers({ activityId, item, captainId, current, room, onDone, onCancel }: AddMembersProps) {
  const [picked, setPicked] = useState<StaffPick[]>([]);
  const add = useMutation('activity.addMembers');

  function problemOf(c: StaffPick): string | null {
    if (c.id === captainId || current.includes(c.id)) return `${c.name}已在队伍中`;
    if (picked.some((p) => p.id === c.id)) return `${c.name}已选择`;
    if (picked.length >= room) return `队伍最多 ${item.teamMax ?? ''} 人，已满`;
    return null;
  }

  async function submit() {
    const res = await add.run({ activityId, itemId: item.id, memberStaffIds: picked.map((p) => p.id) });
    if (!res.ok) return;
    toast('已添加队员');
    onDone();
  }

  return (
    <View className='register'>
      <MemberPicker
        picked={picked}
        problemOf={problemOf}
        disabled={add.busy}
        onAdd={(m) => setPicked((l) => [...l, m])}
        onRemove={(m) => setPicked((l) => l.filter((x) => x.id !== m.id))}
      />
      <ErrorText message={add.error?.message} />
      <View className='btn-row'>
        <Button
          className='btn btn--primary btn--small'
          disabled={add.busy || picked.length === 0}
          onClick={() => void submit()}
        >
          确认添加
        </Button>
        <Button className='btn btn--small' disabled={add.busy} onClick={onCancel}>
          取消
        </Button>
      </View>
    </View>
  );
}
