import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useQuery } from '@/api/hooks';
import type { ReadingToday } from '@/core/reading/contract';
import { Card } from '@/components/Card';
import { ErrorText } from '@/components/StateView';
import { ROUTES } from '@/features/session/routes';
import './reading.scss';
import { useRefreshOnShow } from '@/features/session/useRefreshOnShow';

/** 首页: today's reading with my state and my streak; a tap opens the 晨读 tab. */
export function ReadingHomeCard() {
  const today = useQuery('reading.today', {});
  useRefreshOnShow(today.reload);
  const open = () => void Taro.switchTab({ url: ROUTES.reading }).catch(() => undefined);
  const data = today.data;

  return (
    <Card
      title='今日晨读'
      className='rhome'
      onClick={data ? open : undefined}
      extra={data ? <State data={data} /> : undefined}
    >
      {today.error && (
        <View onClick={(e) => e.stopPropagation()}>
          <ErrorText message={today.error.message} />
          <Text className='rhome__retry' onClick={today.reload}>
            重试
          </Text>
        </View>
      )}
      {!today.error && !data && <Text className='card__text'>加载中…</Text>}
      {data && (
        <>
          <Text className='rhome__title'>
            {data.reading ? data.reading.title : data.workday ? '今日暂无晨读' : '今天不是工作日'}
          </Text>
          <Text className='card__text'>
            连续打卡 {data.streak} 天 · 本月 {data.monthCount} 次
          </Text>
        </>
      )}
    </Card>
  );
}

function State({ data }: { data: ReadingToday }) {
  if (data.checkin) return <Text className='badge badge--ok'>{data.checkin.makeup ? '已补卡' : '已打卡'}</Text>;
  if (!data.reading || !data.workday) return <Text className='badge badge--muted'>无需打卡</Text>;
  if (data.window.state === 'after') return <Text className='badge badge--muted'>打卡已结束</Text>;
  if (data.window.state === 'before') return <Text className='badge badge--muted'>{data.window.start} 开始</Text>;
  return <Text className='badge'>去阅读 ›</Text>;
}
