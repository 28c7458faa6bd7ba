import { Text, View } from '@tarojs/components';
import { ComingSoon } from '@/components/Card';
import { Page } from '@/components/Page';
import { SessionGate } from '@/features/session/SessionGate';
import type { ReadySession } from '@/features/session/session';
import { formatLocalDate, greetingFor } from './greeting';
import './home.scss';

export function HomePage() {
  return <SessionGate>{(me) => <Home me={me} />}</SessionGate>;
}

function Home({ me }: { me: ReadySession }) {
  const now = new Date();
  const { timeZone, unitName } = me.settings;
  return (
    <View className='home'>
      <View className='home__band'>
        <Page className='home__band-inner'>
          <Text className='home__unit'>{unitName}</Text>
          <Text className='home__hello'>
            {greetingFor(now, timeZone)}，{me.staff.name}
          </Text>
          <Text className='home__meta'>
            {me.staff.department} · {formatLocalDate(now, timeZone)}
          </Text>
        </Page>
      </View>
      <Page>
        <ComingSoon title='今日晨读' description='每个工作日的晨读内容与自愿打卡即将开放。' />
        <ComingSoon title='我的活动' description='志愿服务与文体活动的报名情况即将在这里显示。' />
        <ComingSoon title='好人榜' description='本期好人推荐与评选进度即将在这里显示。' />
      </Page>
    </View>
  );
}
