import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';

interface CardProps {
  title?: string;
  extra?: ReactNode;
  className?: string;
  onClick?: () => void;
  children?: ReactNode;
}

export function Card({ title, extra, className = '', onClick, children }: CardProps) {
  return (
    <View className={`card ${onClick ? 'card--link' : ''} ${className}`.trim()} onClick={onClick}>
      {(title || extra) && (
        <View className='card__head'>
          {title && <Text className='card__title'>{title}</Text>}
          {extra}
        </View>
      )}
      {children}
    </View>
  );
}
