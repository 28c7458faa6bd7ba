import { useRouter } from '@tarojs/taro';
import { Text } from '@tarojs/components';
import { useQuery } from '@/api/hooks';
import { Card } from '@/components/Card';
import { Page } from '@/components/Page';
import { StateView } from '@/components/StateView';
import { SessionGate } from '@/features/session/SessionGate';
import { ReadingBody } from './ReadingBody';
import './reading.scss';

/** A past reading, for everyone, with my mark for its day. */
export function ViewPage() {
  const params = useRouter()?.params ?? {};
  const id = params.id ? decodeURIComponent(params.id) : '';
  return (
    <SessionGate>
      {() => <Page>{id ? <PastReading id={id} /> : <StateView kind='error' message='缺少晨读编号' />}</Page>}
    </SessionGate>
  );
}

function PastReading({ id }: { id: string }) {
  const got = useQuery('reading.get', { readingId: id });
  if (got.error) return <StateView kind='error' message={got.error.message} onRetry={got.reload} />;
  if (!got.data) return <StateView kind='loading' />;
  const { reading, checkin } = got.data;
  return (
    <Card>
      <ReadingBody reading={reading} />
      {checkin && (
        <Text className='checkin__hint'>
          ✓ 当日已{checkin.makeup ? '补卡' : '打卡'}
          {checkin.note ? ` · 心得：${checkin.note}` : ''}
          {checkin.reason ? ` · 补卡原因：${checkin.reason}` : ''}
        </Text>
      )}
    </Card>
  );
}
