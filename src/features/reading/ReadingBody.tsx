import { Text, View } from '@tarojs/components';
import type { ReadingView } from '@/core/reading/contract';
import { dayLabel, paragraphsOf } from '@/core/reading/rules';

/** A reading set for a phone: a heading, then paragraphs with an indent and generous line height. */
export function ReadingBody({
  reading,
}: {
  reading: Pick<ReadingView, 'title' | 'body' | 'date' | 'source' | 'branch'>;
}) {
  return (
    <View className='rbody'>
      <Text className='rbody__title'>{reading.title}</Text>
      <Text className='rbody__meta'>
        {dayLabel(reading.date)}
        {reading.source ? ` · ${reading.source}` : ''}
        {reading.branch ? ` · ${reading.branch}领学` : ''}
      </Text>
      {paragraphsOf(reading.body).map((p, i) => (
        <Text key={i} className='rbody__para'>
          {p}
        </Text>
      ))}
    </View>
  );
}
