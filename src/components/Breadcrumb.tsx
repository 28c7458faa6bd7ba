import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { isWeapp } from './platform';
import './Breadcrumb.scss';

export interface Crumb {
  label: string;
  /** The page's URL; the last crumb (the page itself) has none. */
  url?: string;
}

/** Back to a page already under this one when it is (keeps the history short), else to it. */
function goTo(url: string): void {
  const path = url.split('?')[0].replace(/^\//, '');
  const stack = Taro.getCurrentPages();
  const at = stack.map((p) => (p.route ?? '').replace(/^\//, '').split('?')[0]).lastIndexOf(path);
  if (at >= 0 && at < stack.length - 1) void Taro.navigateBack({ delta: stack.length - 1 - at }).catch(() => undefined);
  else void Taro.redirectTo({ url }).catch(() => undefined);
}

/**
 * Where an administration page sits (我的 › 管理 › 人员名册 › 李明), on desktop browsers only: the
 * title bar's back goes one step, this goes anywhere up. WeChat has its own navigation bar.
 */
export function Breadcrumb({ trail }: { trail: readonly Crumb[] }) {
  if (isWeapp || trail.length === 0) return null;
  return (
    <View className='crumbs' role='navigation' aria-label='当前位置'>
      {trail.map((c, i) => (
        <View key={`${c.label}-${i}`} className='crumbs__item'>
          {i > 0 && <Text className='crumbs__sep'>›</Text>}
          {c.url ? (
            <Text className='crumbs__link' onClick={() => goTo(c.url ?? '')}>
              {c.label}
            </Text>
          ) : (
            <Text className='crumbs__here' aria-current='page'>
              {c.label}
            </Text>
          )}
        </View>
      ))}
    </View>
  );
}
