import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';

interface FieldProps {
  label: string;
  error?: string;
  hint?: string;
  children: ReactNode;
}

export function Field({ label, error, hint, children }: FieldProps) {
  return (
    <View className={`field ${error ? 'field--invalid' : ''}`.trim()}>
      <Text className='field__label'>{label}</Text>
      {children}
      {hint && !error && <Text className='field__hint'>{hint}</Text>}
      {error && (
        <View className='field__error' role='alert'>
          {error}
        </View>
      )}
    </View>
  );
}
