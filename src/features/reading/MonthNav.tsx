import { Button, Text, View } from '@tarojs/components';

interface StepNavProps {
  label: string;
  onStep: (delta: number) => void;
  /** No stepping past this side (e.g. the future). */
  noNext?: boolean;
}

/** ‹ previous · label · next ›, for months and years. */
export function StepNav({ label, onStep, noNext = false }: StepNavProps) {
  return (
    <View className='stepnav'>
      <Button className='btn btn--small' onClick={() => onStep(-1)}>
        ‹ 上一{label.endsWith('年') ? '年' : '月'}
      </Button>
      <Text className='stepnav__label'>{label}</Text>
      <Button className='btn btn--small' disabled={noNext} onClick={() => onStep(1)}>
        下一{label.endsWith('年') ? '年' : '月'} ›
      </Button>
    </View>
  );
}
