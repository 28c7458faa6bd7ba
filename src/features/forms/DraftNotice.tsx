import { Text, View } from '@tarojs/components';
import './draft-notice.scss';

/** Says that the form holds what was left unsubmitted last time, with a way to start over. */
export function DraftNotice({ onReset }: { onReset: () => void }) {
  return (
    <View className='draft-notice' role='status'>
      <Text>已恢复上次未提交的内容。</Text>
      <Text className='draft-notice__reset' onClick={onReset}>
        清空重写
      </Text>
    </View>
  );
}
