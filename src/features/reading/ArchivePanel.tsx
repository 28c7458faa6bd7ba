import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useQuery } from '@/api/hooks';
import { useRefreshOnShow } from '@/features/session/useRefreshOnShow';
import { Card } from '@/components/Card';
import { StateView } from '@/components/StateView';
import { minutesText } from './format';
import { StepNav } from './MonthNav';
// Imported here too, so that the panel keeps its look where another package (admin) shows it.
import './reading.scss';
import './panels.scss';

/** 学时档案: check-ins, make-ups and study minutes per month of a year, with the year's total. */
export function ArchivePanel({ thisYear, staffId }: { thisYear: number; staffId?: string }) {
  const [year, setYear] = useState(thisYear);
  const archive = useQuery('checkin.archive', staffId ? { year, staffId } : { year });
  useRefreshOnShow(archive.reload);

  return (
    <Card>
      <StepNav label={`${year}年`} onStep={(d) => setYear((y) => y + d)} noNext={year >= thisYear} />
      {archive.error && <StateView kind='error' message={archive.error.message} onRetry={archive.reload} />}
      {!archive.error && !archive.data && <StateView kind='loading' />}
      {archive.data && !archive.error && (
        <>
          <Text className='card__text'>
            {archive.data.staff.name}（{archive.data.staff.staffNo} · {archive.data.staff.department}）
          </Text>
          <View className='rtable' role='table'>
            <View className='rtable__row rtable__row--head' role='row'>
              <Text className='rtable__cell'>月份</Text>
              <Text className='rtable__cell'>打卡</Text>
              <Text className='rtable__cell'>补卡</Text>
              <Text className='rtable__cell rtable__cell--wide'>学时</Text>
            </View>
            {archive.data.months.map((m) => (
              <View key={m.month} className={`rtable__row ${m.checkins === 0 ? 'is-empty' : ''}`} role='row'>
                <Text className='rtable__cell'>{Number(m.month.slice(5))}月</Text>
                <Text className='rtable__cell'>{m.checkins}</Text>
                <Text className='rtable__cell'>{m.makeups}</Text>
                <Text className='rtable__cell rtable__cell--wide'>{minutesText(m.minutes)}</Text>
              </View>
            ))}
            <View className='rtable__row rtable__row--total' role='row'>
              <Text className='rtable__cell'>全年</Text>
              <Text className='rtable__cell'>{archive.data.total.checkins}</Text>
              <Text className='rtable__cell'>{archive.data.total.makeups}</Text>
              <Text className='rtable__cell rtable__cell--wide'>{minutesText(archive.data.total.minutes)}</Text>
            </View>
          </View>
          <Text className='field__hint'>每次打卡（含补卡）计学时；学时仅作个人学习记录。</Text>
        </>
      )}
    </Card>
  );
}
