import { RemindMe } from '@/features/notice/RemindMe';
import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { call } from '@/api/client';
import { entrySize, itemRequirement } from '@/core/activity/rules';
import type { ApiResult } from '@/core/errors';
import type { ActivityDetail, ActivityItemDetail, MyEntryView } from '@/core/activity/views';
import { Card } from '@/components/Card';
import { ErrorText } from '@/components/StateView';
import { confirmAction, toast } from '@/components/confirm';
import { AddMembers } from './AddMembers';
import { seatsText, statusText } from './format';
import { RegisterForm } from './RegisterForm';

interface ItemPanelProps {
  activity: ActivityDetail;
  item: ActivityItemDetail;
  me: { id: string; name: string };
  onChanged: () => void;
}

/** One item of the activity page: seats, my registration or team, what I may do, and the results. */
export function ItemPanel({ activity, item, me, onChanged }: ItemPanelProps) {
  const mine = activity.mine.find((m) => m.itemId === item.id);
  const [registering, setRegistering] = useState(false);
  const open = activity.phase === 'open';
  const atLimit = activity.myItemCount >= activity.maxItemsPerPerson;
  return (
    <Card title={item.name} extra={<Text className='badge badge--muted'>{seatsText(item)}</Text>}>
      <Text className='act-meta'>{itemRequirement(item)}</Text>
      {mine && <MyEntry activityId={activity.id} item={item} entry={mine} open={open} me={me} onChanged={onChanged} />}
      {!mine &&
        open &&
        !registering &&
        (atLimit ? (
          <Text className='act-meta'>
            您已报满 {activity.maxItemsPerPerson} 个项目（每人限报 {activity.maxItemsPerPerson} 项）
          </Text>
        ) : (
          <View className='btn-row'>
            <Button className='btn btn--primary btn--small' onClick={() => setRegistering(true)}>
              {item.mode === 'team' ? '组队报名' : item.seatsLeft > 0 ? '报名' : '报名候补'}
            </Button>
          </View>
        ))}
      {!mine && open && registering && (
        <RegisterForm
          activityId={activity.id}
          item={item}
          captain={me}
          onCancel={() => setRegistering(false)}
          onDone={() => {
            setRegistering(false);
            onChanged();
          }}
        />
      )}
      {item.results.length > 0 && (
        <View className='act-results'>
          <Text className='section-title'>比赛结果</Text>
          {item.results.map((r) => (
            <View key={r.entryId} className='act-results__row'>
              <Text className='act-results__place'>第 {r.place} 名</Text>
              <Text>
                {r.label}
                {item.mode === 'team' && <Text className='muted'>（{r.members.join('、')}）</Text>}
              </Text>
            </View>
          ))}
        </View>
      )}
    </Card>
  );
}

interface MyEntryProps {
  activityId: string;
  item: ActivityItemDetail;
  entry: MyEntryView;
  open: boolean;
  me: { id: string; name: string };
  onChanged: () => void;
}

function MyEntry({ activityId, item, entry, open, me, onChanged }: MyEntryProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const team = entry.team;
  const { min, max } = entrySize(item);

  async function act(
    title: string,
    content: string,
    confirmText: '撤销' | '取消报名' | '退出',
    run: () => Promise<ApiResult<unknown>>,
    done: string,
  ) {
    if (!(await confirmAction(title, content, confirmText, '再想想'))) return;
    setBusy(true);
    setError(null);
    const res = await run();
    setBusy(false);
    if (!res.ok) {
      setError(res.error.message);
      return;
    }
    toast(done);
    onChanged();
  }

  const withdraw = () =>
    act(
      team ? '撤销队伍报名' : '取消报名',
      team ? `撤销后队伍「${team.name}」的所有队员都将退出该项目。确定撤销？` : `确定取消「${item.name}」的报名？`,
      team ? '撤销' : '取消报名',
      () => call('activity.withdraw', { activityId, itemId: item.id }),
      '已撤销报名',
    );
  const leave = () =>
    act(
      '退出队伍',
      `确定退出队伍「${team?.name ?? ''}」？`,
      '退出',
      () => call('activity.leaveTeam', { activityId, itemId: item.id }),
      '已退出队伍',
    );

  return (
    <View className='act-mine'>
      <Text className={`badge ${entry.status === 'confirmed' ? 'badge--ok' : ''}`}>
        {team ? (entry.captain ? '我是队长 · ' : '我是队员 · ') : ''}
        {statusText(entry.status, entry.position)}
      </Text>
      {entry.place !== undefined && <Text className='badge'>第 {entry.place} 名</Text>}
      {entry.status !== 'cancelled' && <RemindMe noticeKey='event' label='活动前一天和名额变动时微信提醒我' />}
      {team && (
        <View className='act-team'>
          <Text className='act-team__name'>
            队伍：{team.name}（{team.members.length} 人）
          </Text>
          <View className='act-team__members'>
            {team.members.map((m) => (
              <Text key={m.staffId}>
                {m.name}
                {m.captain ? '（队长）' : ''}
              </Text>
            ))}
          </View>
          {!team.complete && (
            <Text className='act-team__warn'>
              人数不足：至少需要 {min} 人，还差 {min - team.members.length} 人
              {entry.captain ? '，请在截止前补充队员' : ''}
            </Text>
          )}
        </View>
      )}
      <ErrorText message={error} />
      {open && adding && team && (
        <AddMembers
          activityId={activityId}
          item={item}
          captainId={me.id}
          current={team.members.map((m) => m.staffId)}
          room={max - team.members.length}
          onCancel={() => setAdding(false)}
          onDone={() => {
            setAdding(false);
            onChanged();
          }}
        />
      )}
      {open && !adding && (
        <View className='btn-row'>
          {team && entry.captain && team.members.length < max && (
            <Button className='btn btn--small' disabled={busy} onClick={() => setAdding(true)}>
              添加队员
            </Button>
          )}
          {(!team || entry.captain) && (
            <Button className='btn btn--danger btn--small' disabled={busy} onClick={() => void withdraw()}>
              {team ? '撤销队伍报名' : '取消报名'}
            </Button>
          )}
          {team && !entry.captain && (
            <Button className='btn btn--danger btn--small' disabled={busy} onClick={() => void leave()}>
              退出队伍
            </Button>
          )}
        </View>
      )}
    </View>
  );
}
