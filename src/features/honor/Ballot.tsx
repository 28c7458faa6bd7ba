import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import type { HonorNomination } from '@/core/honor/contract';
import { ErrorText } from '@/components/StateView';
import { confirmAction } from '@/components/confirm';

interface BallotProps {
  candidates: HonorNomination[];
  ballotSize: number;
  /** The voter: their own candidacy is shown but cannot be chosen. */
  selfId: string;
  busy: boolean;
  error?: string | null;
  onSubmit: (nominationIds: string[]) => void;
}

/**
 * The ballot: 1..ballotSize candidates, never oneself, and one explicit confirmation naming the
 * choices before the final, unchangeable submit.
 */
export function Ballot({ candidates, ballotSize, selfId, busy, error, onSubmit }: BallotProps) {
  const [chosen, setChosen] = useState<string[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const limit = Math.min(ballotSize, candidates.filter((c) => c.nominee.id !== selfId).length);

  function toggle(item: HonorNomination) {
    if (item.nominee.id === selfId) return setNotice('不能投票给自己');
    if (chosen.includes(item.id)) {
      setNotice(null);
      return setChosen(chosen.filter((id) => id !== item.id));
    }
    if (chosen.length >= ballotSize) return setNotice(`每张选票最多选择 ${ballotSize} 位候选人`);
    setNotice(null);
    setChosen([...chosen, item.id]);
  }

  async function submit() {
    // Taro's H5 button still fires when disabled: the rule is kept here, not by the button.
    if (busy) return;
    if (chosen.length === 0) return setNotice('请至少选择 1 位候选人');
    const names = candidates.filter((c) => chosen.includes(c.id)).map((c) => c.nominee.name);
    const ok = await confirmAction(
      '确认投票',
      `您选择了：${names.join('、')}。选票提交后不可更改，确定提交吗？`,
      '提交选票',
    );
    if (ok) onSubmit(chosen);
  }

  return (
    <View className='hn-ballot'>
      <Text className='hn-ballot__rule'>
        请选择 1–{limit} 位候选人。投票不记名：系统只记录您已投票，不记录您投给了谁。
      </Text>
      {candidates.map((item) => {
        const self = item.nominee.id === selfId;
        const on = chosen.includes(item.id);
        return (
          <View
            key={item.id}
            role='checkbox'
            aria-checked={on}
            aria-disabled={self}
            className={`hn-ballot__item ${on ? 'is-on' : ''} ${self ? 'is-self' : ''}`}
            onClick={() => toggle(item)}
          >
            <View className='hn-ballot__box'>{on ? '✓' : ''}</View>
            <View className='hn-ballot__who'>
              <Text className='hn-ballot__name'>{item.nominee.name}</Text>
              <Text className='hn-ballot__sub'>
                {item.nominee.department} · {item.category}
                {self ? ' · 本人，不能投票给自己' : ''}
              </Text>
            </View>
          </View>
        );
      })}
      <Text className='hn-ballot__count'>
        已选 {chosen.length} / {limit}
      </Text>
      <ErrorText message={notice ?? error} />
      <Button
        className='btn btn--primary btn--block'
        disabled={busy || chosen.length === 0}
        onClick={() => void submit()}
      >
        {busy ? '提交中…' : '提交选票'}
      </Button>
    </View>
  );
}
