import Taro from '@tarojs/taro';
import { ROUTES } from '@/features/session/routes';

const TABS: readonly string[] = [ROUTES.home, ROUTES.reading, ROUTES.honor, ROUTES.activity, ROUTES.me];

/** Opens a notice's link: tab pages by switchTab (they take no query), others by navigateTo. */
export function openLink(link: string): void {
  const path = link.split('?')[0];
  const go = TABS.includes(path) ? Taro.switchTab({ url: path }) : Taro.navigateTo({ url: link });
  void go.catch(() => undefined);
}

/** The 我的 tab's badge shows unread notices (tab pages only; elsewhere WeChat refuses, harmlessly). */
export function syncTabBadge(unread: number): void {
  const index = TABS.indexOf(ROUTES.me);
  const call =
    unread > 0
      ? Taro.setTabBarBadge({ index, text: unread > 99 ? '99+' : String(unread) })
      : Taro.removeTabBarBadge({ index });
  void Promise.resolve(call).catch(() => undefined);
}
