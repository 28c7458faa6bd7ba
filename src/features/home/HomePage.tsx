import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Page } from '@/components/Page';
import { ActivityHomeCard } from '@/features/activity/ActivityHomeCard';
import { SessionGate } from '@/features/session/SessionGate';
import { HonorHomeCard } from '@/features/honor/HonorHomeCard';
import { UnreadChip } from '@/features/inbox/MeInboxCard';
import { type ReadySession, serverNow } from '@/features/session/session';
import { useRefreshOnShow } from '@/features/session/useRefreshOnShow';
import { ReadingHomeCard } from '@/features/reading/ReadingHomeCard';
import { MyNextEventCard } from '@/features/volunteer/MyNextEventCard';
import { formatLocalDate, greetingFor } from './greeting';
import './home.scss';

export function HomePage() {
  return <SessionGate>{(me) => <Home me={me} />}</SessionGate>;
}

function Home({ me }: { me: ReadySession }) {
  // The greeting and the date follow the server's clock: redrawn when the page comes back into view
  // and every minute, so a 首页 left open overnight does not keep yesterday's.
  const [, redraw] = useState(0);
  useRefreshOnShow(() => redraw((n) => n + 1));
  useEffect(() => {
    const timer = setInterval(() => redraw((n) => n + 1), 60_000);
    return () => clearInterval(timer);
  }, []);
  const now = serverNow();
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
          <UnreadChip />
        </Page>
      </View>
      <Page>
        <ReadingHomeCard />
        <MyNextEventCard timeZone={timeZone} />
        <ActivityHomeCard timeZone={me.settings.timeZone} />
        <HonorHomeCard />
      </Page>
    </View>
  );
}
