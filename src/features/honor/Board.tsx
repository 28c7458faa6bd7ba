import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useQuery } from '@/api/hooks';
import { useRefreshOnShow } from '@/features/session/useRefreshOnShow';
import { Card } from '@/components/Card';
import { StateView } from '@/components/StateView';
import { formatDay } from './format';
import { NominationCard } from './NominationCard';

/** The board (善行义举好人榜): published honorees by year and round, with category and deeds. */
export function Board() {
  const [year, setYear] = useState<number | null>(null);
  const board = useQuery('honor.board', year === null ? {} : { year });
  useRefreshOnShow(board.reload);
  const data = board.data;
  return (
    <View className='hn-board'>
      <View className='hn-board__head'>
        <Text className='hn-board__title'>好人榜</Text>
        {data && data.years.length > 1 && (
          <View className='segmented'>
            {data.years.map((y) => (
              <View
                key={y}
                className={`segmented__item ${data.year === y ? 'is-active' : ''}`}
                onClick={() => setYear(y)}
              >
                {y}
              </View>
            ))}
          </View>
        )}
      </View>
      {board.error && <StateView kind='error' message={board.error.message} onRetry={board.reload} />}
      {!board.error && !data && <StateView kind='loading' />}
      {data && data.rounds.length === 0 && (
        <Card>
          <Text className='card__text'>{data.year} 年还没有发布的好人榜。</Text>
        </Card>
      )}
      {data?.rounds.map(({ round, honorees }) => (
        <View key={round.id} className='hn-board__round'>
          <Text className='section-title'>
            {round.title}
            {round.publicityEnd ? ` · 公示至 ${formatDay(round.publicityEnd)}` : ''}
          </Text>
          {honorees.map((item) => (
            <NominationCard key={item.id} item={{ ...item, winner: false }} hideStatus />
          ))}
        </View>
      ))}
    </View>
  );
}
