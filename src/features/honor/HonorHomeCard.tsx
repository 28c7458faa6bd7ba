import Taro from '@tarojs/taro';
import { Text } from '@tarojs/components';
import { useQuery } from '@/api/hooks';
import { Card } from '@/components/Card';
import { ROUTES } from '@/features/session/routes';
import { phaseBadge } from './format';

/** 首页's 好人榜 card: the round under way, its phase and what I can do in it. */
export function HonorHomeCard() {
  const rounds = useQuery('honor.round.list', {});
  const current = rounds.data?.items.find((r) => r.id === rounds.data?.currentId) ?? null;
  const open = () => void Taro.switchTab({ url: ROUTES.honor }).catch(() => undefined);
  if (rounds.error) {
    return (
      <Card title='好人榜' onClick={rounds.reload}>
        <Text className='card__text'>{rounds.error.message}（点此重试）</Text>
      </Card>
    );
  }
  if (!rounds.data) {
    return (
      <Card title='好人榜'>
        <Text className='card__text muted'>加载中…</Text>
      </Card>
    );
  }
  if (!current) {
    return (
      <Card title='好人榜' onClick={open} extra={<Text className='muted'>›</Text>}>
        <Text className='card__text'>当前没有进行中的评选，去看看已发布的好人榜。</Text>
      </Card>
    );
  }
  const badge = phaseBadge(current.phase);
  return (
    <Card title='好人榜' onClick={open} extra={<Text className={`badge ${badge.tone}`}>{badge.text}</Text>}>
      <Text className='card__text'>{current.title}</Text>
      <Text className='card__text'>{current.stage.hint}</Text>
    </Card>
  );
}
