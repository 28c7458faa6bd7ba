import { Text, View } from '@tarojs/components';
import { percentText } from './format';

export interface RateRow {
  name: string;
  headcount: number;
  participants: number;
  rate: number;
  /** Shown, with make-ups, where the rows have them (参与情况); the dashboard's do not. */
  checkins?: number;
  makeups?: number;
  /** The row's own counted reading days (a branch's). */
  days?: number;
  total?: boolean;
}

/** Headcount, participants (check-ins, make-ups) and rate per department or per branch. */
export function RateTable({ head, label, rows }: { head: string; label?: string; rows: RateRow[] }) {
  const withDays = rows.some((r) => r.days !== undefined);
  const detailed = rows.some((r) => r.checkins !== undefined);
  return (
    <View className='rtable' role='table' aria-label={label}>
      <View className='rtable__row rtable__row--head' role='row'>
        <Text className='rtable__cell rtable__cell--wide'>{head}</Text>
        <Text className='rtable__cell'>人数</Text>
        {withDays && <Text className='rtable__cell'>晨读日</Text>}
        <Text className='rtable__cell'>{detailed ? '参与' : '参与人数'}</Text>
        {detailed && <Text className='rtable__cell'>打卡</Text>}
        {detailed && <Text className='rtable__cell'>补卡</Text>}
        <Text className='rtable__cell'>参与率</Text>
      </View>
      {rows.map((r) => (
        <View key={r.name} className={`rtable__row ${r.total ? 'rtable__row--total' : ''}`} role='row'>
          <Text className='rtable__cell rtable__cell--wide'>{r.name}</Text>
          <Text className='rtable__cell'>{r.headcount}</Text>
          {withDays && <Text className='rtable__cell'>{r.days ?? ''}</Text>}
          <Text className='rtable__cell'>{r.participants}</Text>
          {detailed && <Text className='rtable__cell'>{r.checkins ?? ''}</Text>}
          {detailed && <Text className='rtable__cell'>{r.makeups ?? ''}</Text>}
          <Text className='rtable__cell'>{percentText(r.rate)}</Text>
        </View>
      ))}
    </View>
  );
}
