import type { VolunteerEventView } from '@/core/volunteer/contract';
import { formatHours, signInOpen, signOutOpen } from '@/core/volunteer/rules';

/** What the event page offers the viewer at an instant: buttons and the line that explains them. */
export interface EventOffers {
  /** 报名 while seats remain and nobody waits, else 加入候补. */
  signup: 'signup' | 'waitlist' | null;
  cancel: boolean;
  signIn: boolean;
  signOut: boolean;
  notice: string | null;
}

const NONE: EventOffers = { signup: null, cancel: false, signIn: false, signOut: false, notice: null };

export function eventOffers(view: VolunteerEventView, now: Date): EventOffers {
  const mine = view.mine && view.mine.status !== 'cancelled' ? view.mine : null;
  if (view.phase === 'cancelled') {
    return { ...NONE, notice: `活动已取消${view.cancelReason ? `：${view.cancelReason}` : ''}` };
  }
  if (view.phase === 'open') {
    if (!mine) {
      const free = view.seatsLeft > 0 && view.waitingCount === 0;
      return {
        ...NONE,
        signup: free ? 'signup' : 'waitlist',
        notice: free ? null : '名额已满，可加入候补：有人取消时按顺序递补，并在消息中通知您。',
      };
    }
    return {
      ...NONE,
      cancel: true,
      notice:
        mine.status === 'confirmed'
          ? '报名成功，请按时参加。报名截止前可取消。'
          : `您在候补第 ${mine.position ?? '?'} 位，有名额空出时将自动递补并通知您。`,
    };
  }
  if (!mine) return { ...NONE, notice: view.phase === 'finished' ? '活动已结束' : '报名已截止' };
  if (mine.status === 'waitlisted') {
    return {
      ...NONE,
      notice:
        view.phase === 'finished' ? '活动已结束，您未能递补。' : `报名已截止，您在候补第 ${mine.position ?? '?'} 位。`,
    };
  }
  const signIn = !mine.signInAt && signInOpen(view, now);
  const signOut = !!mine.signInAt && !mine.signOutAt && signOutOpen(view, now);
  return { ...NONE, signIn, signOut, notice: attendanceNotice(view, now) };
}

function attendanceNotice(view: VolunteerEventView, now: Date): string {
  const mine = view.mine;
  if (!mine) return '';
  if (mine.hours !== null) return `已确认服务时长 ${formatHours(mine.hours)}。`;
  if (mine.signOutAt) {
    const computed = mine.computedHours === null ? '' : `按签到签退计 ${formatHours(mine.computedHours)}，`;
    return `已签退，${computed}待组织者确认。`;
  }
  if (mine.signInAt) return '已签到。活动结束时请扫码签退。';
  if (view.phase === 'finished') return '活动已结束，没有您的签到记录；如有疑问请联系组织者。';
  return signInOpen(view, now) ? '请扫描现场二维码签到。' : '报名成功。签到将在活动开始前 1 小时开放。';
}
