import Taro from '@tarojs/taro';
import { Text } from '@tarojs/components';
import { Card } from '@/components/Card';
import { ROUTES } from '@/features/session/routes';

/** 我的 → 投诉建议: the complaint and suggestion entry the 2026 rules ask for (DESIGN.md §6). */
export function MeMailboxCard() {
  return (
    <Card
      title='投诉建议'
      onClick={() => void Taro.navigateTo({ url: ROUTES.mailbox })}
      extra={<Text className='muted'>›</Text>}
    >
      <Text className='card__text'>给单位办公室写信，反映问题、提出建议，可以匿名。</Text>
    </Card>
  );
}
