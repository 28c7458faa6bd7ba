import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { formatReceiptCode } from '@/core/mailbox/rules';
import { Card } from '@/components/Card';
import { toast } from '@/components/confirm';

/**
 * The receipt code of an anonymous letter, shown this once: the server keeps only its hash and knows
 * no sender to show it to again, so a lost code is a letter whose answers nobody can read.
 */
export function ReceiptCard({ code, onDone }: { code: string; onDone: () => void }) {
  const shown = formatReceiptCode(code);
  return (
    <Card title='匿名来信已送达'>
      <Text className='card__text'>您的回执码：</Text>
      <Text className='receipt__code' selectable aria-label='回执码'>
        {shown}
      </Text>
      <View className='receipt__warn' role='alert'>
        <Text>
          回执码只显示这一次，离开本页后无法再次查看，也无法找回。请立即复制或抄下，凭它在“投诉建议”页查看答复。
        </Text>
      </View>
      <View className='btn-row'>
        <Button
          className='btn btn--primary'
          onClick={() =>
            void Taro.setClipboardData({ data: shown }).then(
              () => toast('已复制'),
              () => undefined,
            )
          }
        >
          复制回执码
        </Button>
        <Button className='btn' onClick={onDone}>
          我已保存
        </Button>
      </View>
    </Card>
  );
}
