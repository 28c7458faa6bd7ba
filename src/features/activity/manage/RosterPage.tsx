import { useEffect, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { useMutation, useQuery } from '@/api/hooks';
import { itemRequirement } from '@/core/activity/rules';
import type { ActivityRoster, RosterEntry } from '@/core/activity/views';
import { Card } from '@/components/Card';
import { Page } from '@/components/Page';
import { ErrorText, StateView } from '@/components/StateView';
import { toast } from '@/components/confirm';
import { SessionGate } from '@/features/session/SessionGate';
import { seatsText, statusText } from '../format';
import { decodeParam } from '../routes';
import '../activity.scss';

const ORGANIZER = ['organizer'] as const;

/** The organizer's roster per item (confirmed, then the waitlist) and the results form. */
export function RosterPage() {
  const id = decodeParam(useRouter()?.params?.id);
  return (
    <SessionGate roles={ORGANIZER}>
      {() => (
        <Page wide>
          {id ? <RosterLoader id={id} /> : <StateView kind='error' message='缺少活动编号，请从活动页进入' />}
        </Page>
      )}
    </SessionGate>
  );
}

function RosterLoader({ id }: { id: string }) {
  const q = useQuery('activity.roster', { activityId: id });
  if (q.error) return <StateView kind='error' message={q.error.message} onRetry={q.reload} />;
  if (!q.data) return <StateView kind='loading' />;
  return <Roster roster={q.data} onSaved={q.reload} />;
}

function Roster({ roster, onSaved }: { roster: ActivityRoster; onSaved: () => void }) {
  const { activity } = roster;
  const canPlace = activity.phase === 'ongoing' || activity.phase === 'ended';
  const [places, setPlaces] = useState<Record<string, string>>({});
  const save = useMutation('activity.results');
  useEffect(() => {
    const initial: Record<string, string> = {};
    for (const item of roster.items)
      for (const e of item.entries) if (e.place !== undefined) initial[e.entryId] = String(e.place);
    setPlaces(initial);
  }, [roster]);

  const invalid = Object.values(places).some((v) => v.trim() !== '' && !/^\d{1,3}$/.test(v.trim()));
  async function submit() {
    const placings = Object.entries(places)
      .filter(([, v]) => v.trim() !== '')
      .map(([entryId, v]) => ({ entryId, place: Number(v.trim()) }));
    const res = await save.run({ activityId: activity.id, placings });
    if (res.ok) {
      toast('名次已保存');
      onSaved();
    }
  }

  return (
    <View>
      <Card title={activity.title}>
        <Text className='card__text'>
          {canPlace
            ? '活动已开始，可为正式报名录入名次（留空表示无名次），保存后在活动页公布。'
            : '活动开始后可在此录入名次。'}
        </Text>
      </Card>
      {roster.items.map(({ item, entries }) => (
        <Card key={item.id} title={item.name} extra={<Text className='badge badge--muted'>{seatsText(item)}</Text>}>
          <Text className='act-meta'>
            {itemRequirement(item)} · 正式 {item.confirmed} · 候补 {item.waitlisted}
          </Text>
          {entries.length === 0 && <Text className='card__text'>暂无报名</Text>}
          {entries.map((e) => (
            <EntryRow
              key={e.entryId}
              entry={e}
              canPlace={canPlace && e.status === 'confirmed'}
              place={places[e.entryId] ?? ''}
              onPlace={(v) => setPlaces((p) => ({ ...p, [e.entryId]: v }))}
            />
          ))}
        </Card>
      ))}
      {canPlace && (
        <>
          {invalid && <ErrorText message='名次应为 1–100 的整数' />}
          <ErrorText message={save.error?.message} />
          <View className='btn-row'>
            <Button className='btn btn--primary' disabled={save.busy || invalid} onClick={() => void submit()}>
              保存名次
            </Button>
          </View>
        </>
      )}
    </View>
  );
}

function EntryRow({
  entry,
  canPlace,
  place,
  onPlace,
}: {
  entry: RosterEntry;
  canPlace: boolean;
  place: string;
  onPlace: (v: string) => void;
}) {
  return (
    <View className='act-roster__entry'>
      <Text className={`badge ${entry.status === 'confirmed' ? 'badge--ok' : ''}`}>
        {statusText(entry.status, entry.position)}
      </Text>
      <View className='act-roster__who'>
        {entry.teamName && <Text className='act-team__name'>{entry.teamName}</Text>}
        <Text>
          {entry.members.map((m) => `${m.name}（${m.staffNo}）${m.captain && entry.teamName ? '队长' : ''}`).join('、')}
        </Text>
        {!entry.complete && <Text className='act-team__warn'>人数不足</Text>}
      </View>
      {canPlace && (
        <Input
          className='field__input act-roster__place'
          type='number'
          value={place}
          placeholder='名次'
          onInput={(ev) => onPlace(ev.detail.value)}
        />
      )}
    </View>
  );
}
