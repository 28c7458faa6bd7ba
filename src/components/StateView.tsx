import type { ReactNode } from 'react';
import { Button, Text, View } from '@tarojs/components';
import './StateView.scss';

interface StateViewProps {
  kind: 'loading' | 'error' | 'empty' | 'blocked';
  title?: string;
  message?: string;
  onRetry?: () => void;
  children?: ReactNode;
}

const DEFAULT_TITLES: Record<StateViewProps['kind'], string> = {
  loading: '加载中…',
  error: '出错了',
  empty: '暂无内容',
  blocked: '无法使用',
};

/** The one way every screen says "wait", "failed", "nothing here" or "not for you". */
export function StateView({ kind, title, message, onRetry, children }: StateViewProps) {
  return (
    <View className={`state state--${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {kind === 'loading' && <View className='state__spinner' />}
      <Text className='state__title'>{title ?? DEFAULT_TITLES[kind]}</Text>
      {message && <Text className='state__message'>{message}</Text>}
      {onRetry && (
        <Button className='btn btn--primary btn--small' onClick={onRetry}>
          重试
        </Button>
      )}
      {children}
    </View>
  );
}

/** An inline error under a form or a list: the server's Chinese message as it came. */
export function ErrorText({ message }: { message?: string | null }) {
  if (!message) return null;
  return (
    <View className='error-text' role='alert'>
      <Text>{message}</Text>
    </View>
  );
}
