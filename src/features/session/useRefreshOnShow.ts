import { useRef } from 'react';
import { useDidHide, useDidShow } from '@tarojs/taro';

/**
 * Runs `refresh` each time the page comes back into view after it was hidden (another tab, a page
 * opened over it, the app in the background): a tab left open shows what others changed meanwhile,
 * such as a round the office published. A component mounted after the page was first shown (behind
 * a session check, say) still refreshes on its first return, because "back" is "after a hide".
 */
export function useRefreshOnShow(refresh: () => void): void {
  const hidden = useRef(false);
  const latest = useRef(refresh);
  latest.current = refresh;
  useDidHide(() => {
    hidden.current = true;
  });
  useDidShow(() => {
    if (!hidden.current) return;
    hidden.current = false;
    latest.current();
  });
}
