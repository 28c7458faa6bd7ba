import type { ReactNode } from 'react';
import { View } from '@tarojs/components';

interface PageProps {
  /** Tables and wide forms: a wider column on desktop browsers, same as narrow on phones. */
  wide?: boolean;
  className?: string;
  children: ReactNode;
}

/** Centers a page's content in a column of bounded width, so a 1280 px browser is not all stretch. */
export function Page({ wide = false, className = '', children }: PageProps) {
  return <View className={`page ${wide ? 'page--wide' : ''} ${className}`.trim()}>{children}</View>;
}
