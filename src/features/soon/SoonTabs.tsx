import { ComingSoon } from '@/components/Card';
import { Page } from '@/components/Page';
import { SessionGate } from '@/features/session/SessionGate';

// These tabs open in later releases; until then they say so instead of showing sample data.

export function ReadingTab() {
  return (
    <SessionGate>
      {() => (
        <Page>
          <ComingSoon title='晨读打卡' description='每日晨读、自愿打卡、学习日历与学时档案即将开放。' />
        </Page>
      )}
    </SessionGate>
  );
}

export function HonorTab() {
  return (
    <SessionGate>
      {() => (
        <Page>
          <ComingSoon title='好人榜' description='推荐身边好人、附议、投票与公示即将开放。' />
        </Page>
      )}
    </SessionGate>
  );
}

export function ActivityTab() {
  return (
    <SessionGate>
      {() => (
        <Page>
          <ComingSoon title='志愿服务' description='志愿服务报名、现场签到与服务时长记录即将开放。' />
          <ComingSoon title='文体活动' description='文体活动报名与组队即将开放。' />
        </Page>
      )}
    </SessionGate>
  );
}
