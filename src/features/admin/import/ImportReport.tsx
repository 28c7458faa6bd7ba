import { Text, View } from '@tarojs/components';
import type { ImportResult, ImportRowStatus } from '@/core/people/views';
import { Card } from '@/components/Card';

export interface ReportLine {
  line: number;
  staffNo?: string;
  /** `skipped`: refused by the client-side check, never sent. */
  status: ImportRowStatus | 'skipped';
  message?: string;
}

const STATUS_LABELS: Record<ReportLine['status'], string> = {
  created: '新增',
  updated: '更新',
  error: '失败',
  skipped: '未提交',
};

export function ImportReport({ result, lines }: { result: ImportResult; lines: ReportLine[] }) {
  const skipped = lines.filter((l) => l.status === 'skipped').length;
  return (
    <Card title='导入结果'>
      <Text className='card__text'>
        新增 {result.created} 人，更新 {result.updated} 人，失败 {result.failed} 行
        {skipped ? `，未提交 ${skipped} 行` : ''}。
      </Text>
      <View className='itable'>
        <View className='itable__row itable__row--head'>
          <Text className='itable__line'>行号</Text>
          <Text className='itable__no'>工号</Text>
          <Text className='itable__status'>结果</Text>
          <Text className='itable__reason'>原因</Text>
        </View>
        {lines.map((l) => (
          <View key={`${l.line}-${l.status}`} className={`itable__row is-${l.status}`}>
            <Text className='itable__line'>{l.line}</Text>
            <Text className='itable__no'>{l.staffNo ?? '—'}</Text>
            <Text className='itable__status'>{STATUS_LABELS[l.status]}</Text>
            <Text className='itable__reason'>{l.message ?? ''}</Text>
          </View>
        ))}
      </View>
    </Card>
  );
}
