import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { useMutation } from '@/api/hooks';
import { periodProblem, REPORT_KIND_LABELS, REPORT_KINDS, type ReportKind } from '@/core/report';
import { localDayKey } from '@/core/time';
import { Card } from '@/components/Card';
import { DateInput } from '@/components/DateInput';
import { saveAndOpen } from '@/components/download';
import { Field } from '@/components/Field';
import { SelectInput } from '@/components/SelectInput';
import { ErrorText } from '@/components/StateView';
import { serverNow } from '@/features/session/session';
import { ADMIN_TRAIL, AdminGate } from '../AdminGate';

/** What each export holds, said where the admin picks it. */
const KIND_HINTS: Record<ReportKind, string> = {
  checkins: '按日的晨读篇目、打卡人次和各部门参与率；按人的打卡次数、补卡和学习时长。',
  volunteer: '每条已确认的服务记录（民政部令第67号所列项目）、每人服务时长合计和服务活动汇总。',
  honor: '期间内进行的评选：提名、审核结果、得票、当选名单和异议数。',
  activity: '文体活动各项目的报名名单（含队员）与名次。',
  ledger: '文明单位创建台账：封面和学习、志愿服务、好人榜、文体活动、投诉建议各一页。',
};

const OPTIONS = REPORT_KINDS.map((value) => ({ value, label: REPORT_KIND_LABELS[value] }));

export function ReportsPage() {
  return (
    <AdminGate trail={[...ADMIN_TRAIL, { label: '导出台账' }]}>
      {(me) => <Exporter today={localDayKey(serverNow(), me.settings.timeZone)} />}
    </AdminGate>
  );
}

function Exporter({ today }: { today: string }) {
  const year = Number(today.slice(0, 4));
  const [kind, setKind] = useState<ReportKind>('ledger');
  // This year so far: what a 台账 is usually asked for.
  const [from, setFrom] = useState(`${year}-01-01`);
  const [to, setTo] = useState(today);
  const [saved, setSaved] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const exporter = useMutation('report.export');
  const problem = from && to ? periodProblem(from, to) : '请选择开始和结束日期';

  const change = (apply: () => void) => {
    apply();
    setSaved(null);
    setSaveError(null);
    exporter.clearError();
  };

  async function run() {
    if (problem) return;
    setSaved(null);
    setSaveError(null);
    const res = await exporter.run({ kind, from, to });
    if (!res.ok) return;
    const { fileName, rows, bytes } = res.data;
    try {
      await saveAndOpen(res.data);
      setSaved(`已生成 ${fileName}（${rows} 行，${Math.max(1, Math.round(bytes / 1024))} KB）`);
    } catch (err) {
      setSaveError(err instanceof Error ? err.message : '文件保存失败，请重试');
    }
  }

  return (
    <Card title='导出报表'>
      <Field label='报表类型' hint={KIND_HINTS[kind]}>
        <SelectInput value={kind} options={OPTIONS} ariaLabel='报表类型' onChange={(v) => change(() => setKind(v))} />
      </Field>
      <View className='btn-row'>
        <Field label='开始日期'>
          <DateInput
            value={from}
            min={`${year - 5}-01-01`}
            max={`${year + 1}-12-31`}
            ariaLabel='开始日期'
            onChange={(v) => change(() => setFrom(v))}
          />
        </Field>
        <Field label='结束日期' error={from && to ? (problem ?? undefined) : undefined}>
          <DateInput
            value={to}
            min={`${year - 5}-01-01`}
            max={`${year + 1}-12-31`}
            ariaLabel='结束日期'
            onChange={(v) => change(() => setTo(v))}
          />
        </Field>
      </View>
      <ErrorText message={exporter.error?.message ?? saveError} />
      {saved && (
        <View className='card__text' role='status'>
          {saved}
        </View>
      )}
      <Button
        className='btn btn--primary'
        disabled={exporter.busy || problem !== null}
        loading={exporter.busy}
        onClick={() => void run()}
      >
        {exporter.busy ? '正在生成…' : '导出'}
      </Button>
      {exporter.busy && <Text className='field__hint'>数据较多时需要十几秒，请勿离开本页。</Text>}
    </Card>
  );
}
