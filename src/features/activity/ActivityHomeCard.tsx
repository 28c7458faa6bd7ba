import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useQuery } from '@/api/hooks';
import { ACTIVITY_KIND_LABELS } from '@/core/activity/rules';
import { Card } from '@/components/Card';
import { ErrorText } from '@/components/StateView';
import { ROUTES } from '@/features/session/routes';
import { formatWhen } from './format';
import { ACTIVITY_ROUTES, withId } from './routes';
import './activity.scss';
import { useRefreshOnShow } from '@/features/session/useRefreshOnShow';

const SHOWN = 3;

/** 首页: activities open for registration, with their deadlines; a tap opens one. */
export function ActivityHomeCard({ timeZone }: { timeZone: string }) {
  const list = useQuery('activity.list', { status: 'open' });
  useRefreshOnShow(list.reload);
  const open = (list.data?.items ?? []).filter((a) => a.phase === 'open');
  const all = () => void Taro.switchTab({ url: ROUTES.activity }).catch(() => undefined);

  return (
    <Card
      title='文体活动报名'
      extra={
        open.length > 0 ? (
          <Text className='badge' onClick={all}>
            全部 ›
          </Text>
        ) : undefined
      }
    >
      {list.error && (
        <View>
          <ErrorText message={list.error.message} />
          <Text className='act-meta' onClick={list.reload}>
            重试
          </Text>
        </View>
      )}
      {!list.error && !list.data && <Text className='card__text'>加载中…</Text>}
      {list.data && open.length === 0 && <Text className='card__text'>暂无正在报名的活动</Text>}
      {open.slice(0, SHOWN).map((a) => (
        <View
          key={a.id}
          className='act-home__row'
          onClick={() => void Taro.navigateTo({ url: withId(ACTIVITY_ROUTES.detail, a.id) })}
        >
          <Text className='act-home__title'>{a.title}</Text>
          <Text className='act-meta'>
            {ACTIVITY_KIND_LABELS[a.kind]} · 截止 {formatWhen(a.signupDeadline, timeZone)}
            {a.myItemCount > 0 ? ' · 已报名' : ''}
          </Text>
        </View>
      ))}
    </Card>
  );
}
