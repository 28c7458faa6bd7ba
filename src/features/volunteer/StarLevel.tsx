import { Text, View } from '@tarojs/components';
import type { VolunteerStanding } from '@/core/volunteer/contract';
import { STAR_HOURS, starTitle } from '@/core/volunteer/stars';
import { formatHours } from './format';

/** '★★☆☆☆ 二星志愿者', and how far the next star is; from every year's confirmed hours. */
export function StarLevel({ standing }: { standing: VolunteerStanding }) {
  const { stars, hoursToNextStar, cumulativeHours } = standing;
  const marks = '★'.repeat(stars) + '☆'.repeat(STAR_HOURS.length - stars);
  return (
    <View className='vol-stars'>
      <View className='vol-stars__line'>
        <Text className='vol-stars__marks' aria-label={`${stars} 星`}>
          {marks}
        </Text>
        <Text className='vol-stars__title'>{stars > 0 ? starTitle(stars) : '尚未评星'}</Text>
      </View>
      <Text className='card__text'>{starNote(standing)}</Text>
      <Text className='card__text'>{`历年累计已确认 ${formatHours(cumulativeHours)}；累计满 100、300、600、1000、1500 小时分别为一至五星。`}</Text>
    </View>
  );

  function starNote(s: VolunteerStanding): string {
    if (hoursToNextStar === null) return '已达最高星级。';
    return `再服务 ${formatHours(hoursToNextStar)}可达${starTitle(s.stars + 1)}。`;
  }
}
