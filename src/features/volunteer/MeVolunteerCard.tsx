import Taro from '@tarojs/taro';
import { Text } from '@tarojs/components';
import { Card } from '@/components/Card';
import { VOLUNTEER_ROUTES } from './routes';

/** 我的 → 志愿服务记录 (hours this year, certificate). */
export function MeVolunteerCard() {
  return (
    <Card
      title='志愿服务记录'
      onClick={() => void Taro.navigateTo({ url: VOLUNTEER_ROUTES.records })}
      extra={<Text className='muted'>›</Text>}
    >
      <Text className='card__text'>服务记录、本年度已确认时长与服务证明。</Text>
    </Card>
  );
}
