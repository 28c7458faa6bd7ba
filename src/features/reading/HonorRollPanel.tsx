import { useEffect, useRef, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { call } from '@/api/client';
import { useQuery } from '@/api/hooks';
import type { HonorRollEntry } from '@/core/reading/contract';
import { useRefreshOnShow } from '@/features/session/useRefreshOnShow';
import { localMonthKey } from '@/core/time';
import { Card } from '@/components/Card';
import { ErrorText, StateView } from '@/components/StateView';
import { monthLabel, shiftMonth } from '@/features/admin/calendar/month-grid';
import { percentText } from './format';
import { StepNav } from './MonthNav';
import { serverNow } from '@/features/session/session';

/**
 * The month's 学习标兵: everyone at or above the threshold, in staff-number order. No ranks, no
 * times, no counts (DESIGN.md §6): it honours, it does not compare.
 */
export function HonorRollPanel({ timeZone, branch }: { timeZone: string; branch: string | null }) {
  const current = localMonthKey(serverNow(), timeZone);
  const [month, setMonth] = useState(current);
  // A member of a branch reads the whole unit's roll or their own branch's.
  const [mine, setMine] = useState(false);
  const scope = mine && branch ? branch : null;
  const roll = useQuery('checkin.honorRoll', scope ? { month, branch: scope } : { month });
  useRefreshOnShow(roll.reload);
  const data = roll.data;
  // Pages after the first, appended by 加载更多; a new month or a reload starts again.
  const [more, setMore] = useState<{ items: HonorRollEntry[]; next: string | null } | null>(null);
  const [moreError, setMoreError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setMore(null);
    setMoreError(null);
  }, [data, month, scope]);
  const items = data ? [...data.items, ...(more?.items ?? [])] : [];
  const next = more ? more.next : (data?.next ?? null);

  // The roll being shown: a page asked for before the month or the scope changed is dropped.
  const shownKey = useRef('');
  shownKey.current = `${month}|${scope ?? ''}`;

  async function loadMore(after: string) {
    const asked = shownKey.current;
    setBusy(true);
    setMoreError(null);
    const res = await call('checkin.honorRoll', { month, after, ...(scope ? { branch: scope } : {}) });
    setBusy(false);
    if (asked !== shownKey.current) return;
    if (!res.ok) return setMoreError(res.error.message);
    setMore((m) => ({ items: [...(m?.items ?? []), ...res.data.items], next: res.data.next }));
  }

  return (
    <Card>
      <StepNav label={monthLabel(month)} onStep={(d) => setMonth((m) => shiftMonth(m, d))} noNext={month >= current} />
      {branch && (
        <View className='btn-row honor-scope' role='tablist'>
          {[
            { on: false, label: '全单位' },
            { on: true, label: branch },
          ].map((o) => (
            <View
              key={o.label}
              role='tab'
              aria-selected={mine === o.on}
              className={`btn btn--small ${mine === o.on ? 'btn--primary' : ''}`}
              onClick={() => setMine(o.on)}
            >
              {o.label}
            </View>
          ))}
        </View>
      )}
      {roll.error && <StateView kind='error' message={roll.error.message} onRetry={roll.reload} />}
      {!roll.error && !data && <StateView kind='loading' />}
      {data && !roll.error && !data.enabled && (
        <StateView kind='empty' title='未开启学习标兵' message='本单位未开启学习标兵展示。' />
      )}
      {data && !roll.error && data.enabled && (
        <>
          <Text className='card__text'>
            {data.provisional
              ? `本月进行中：按已过去的 ${data.workdays} 个有晨读的工作日计算，打卡（含补卡）达到 ${percentText(data.threshold)} 即入选。`
              : `${monthLabel(month)}共 ${data.workdays} 个有晨读的工作日，打卡（含补卡）达到 ${percentText(data.threshold)} 即入选。`}
            按工号排列，不排名次。
            {branch && !scope ? '各支部成员按本支部的晨读日（全单位的与本支部的）计算。' : ''}
          </Text>
          {items.length === 0 ? (
            <StateView
              kind='empty'
              title='暂无学习标兵'
              message={data.workdays === 0 ? '本月还没有已结束的晨读日。' : '本月暂无同事达到标准。'}
            />
          ) : (
            <View className='honor'>
              {items.map((p) => (
                <View key={p.staffNo} className='honor__item'>
                  <Text className='honor__name'>{p.name}</Text>
                  <Text className='honor__dept'>{p.department}</Text>
                </View>
              ))}
            </View>
          )}
          <ErrorText message={moreError} />
          {next !== null && (
            <Button className='btn btn--block' disabled={busy} onClick={() => void loadMore(next)}>
              加载更多
            </Button>
          )}
        </>
      )}
    </Card>
  );
}
