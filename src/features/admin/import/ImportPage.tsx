import { useMemo, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { useMutation } from '@/api/hooks';
import { MAX_IMPORT_ROWS } from '@/core/people/contract';
import type { ImportResult } from '@/core/people/views';
import { TextArea } from '@/components/TextArea';
import { Card } from '@/components/Card';
import { ErrorText } from '@/components/StateView';
import { ADMIN_TRAIL, AdminGate } from '../AdminGate';
import { parseRoster } from './parse-roster';
import { ImportReport, type ReportLine } from './ImportReport';
import './import.scss';

const SAMPLE = [
  '工号\t姓名\t部门\t支部\t电话\t角色',
  'T0101\t张三\t办公室\t第一支部\t13800000000\t',
  'T0102\t李四\t预算科\t第二支部\t\t支部书记',
].join('\n');

export function ImportPage() {
  return <AdminGate trail={[...ADMIN_TRAIL, { label: '导入名册' }]}>{() => <Importer />}</AdminGate>;
}

function Importer() {
  const [text, setText] = useState('');
  const [report, setReport] = useState<{ result: ImportResult; lines: ReportLine[] } | null>(null);
  const parsed = useMemo(() => (text.trim() ? parseRoster(text) : null), [text]);
  const importer = useMutation('staff.import');
  const tooMany = (parsed?.rows.length ?? 0) > MAX_IMPORT_ROWS;

  async function submit() {
    if (!parsed || parsed.rows.length === 0 || tooMany) return;
    const res = await importer.run({ rows: parsed.rows.map((r) => r.row) });
    if (!res.ok) return;
    // The server numbers the rows it received; the admin thinks in lines of the pasted sheet.
    const lines: ReportLine[] = res.data.results.map((r) => {
      const source = parsed.rows[r.line - 1];
      return {
        line: source?.line ?? r.line,
        staffNo: r.staffNo ?? source?.row.staffNo,
        status: r.status,
        message: r.message,
      };
    });
    for (const p of parsed.problems) lines.push({ line: p.line, status: 'skipped', message: p.message });
    lines.sort((a, b) => a.line - b.line);
    setReport({ result: res.data, lines });
  }

  return (
    <View className='import'>
      <Card title='粘贴名册'>
        <Text className='card__text'>
          在 Excel
          中选中含表头的区域复制，粘贴到下方。表头可用：工号、姓名、部门（必填），支部、电话、角色、性别（选填；多个角色用顿号分隔，如“支部书记、管理员”；性别填男或女，用于限定性别的文体项目）。已有工号的人员将被更新。
        </Text>
        <TextArea
          value={text}
          maxlength={-1}
          size='long'
          mono
          placeholder={SAMPLE}
          onInput={(v) => {
            setText(v);
            setReport(null);
          }}
        />
        <View className='btn-row'>
          <Button
            className='btn btn--small'
            onClick={() => {
              setText(SAMPLE);
              setReport(null);
            }}
          >
            填入示例
          </Button>
          <Button
            className='btn btn--small'
            disabled={!text}
            onClick={() => {
              setText('');
              setReport(null);
            }}
          >
            清空
          </Button>
        </View>
      </Card>

      {parsed && (
        <Card title='检查结果'>
          {parsed.fatal ? (
            <ErrorText message={parsed.fatal} />
          ) : (
            <>
              <Text className='card__text'>
                可导入 {parsed.rows.length} 行
                {parsed.problems.length > 0 ? `，${parsed.problems.length} 行有问题（不会提交）` : ''}。
              </Text>
              {parsed.ignoredColumns.length > 0 && (
                <Text className='field__hint'>已忽略无法识别的列：{parsed.ignoredColumns.join('、')}</Text>
              )}
              {tooMany && <ErrorText message={`一次最多导入 ${MAX_IMPORT_ROWS} 行，请分批粘贴`} />}
              {parsed.problems.map((p) => (
                <Text key={p.line} className='import__problem'>
                  第 {p.line} 行：{p.message}
                </Text>
              ))}
            </>
          )}
          <ErrorText message={importer.error?.message} />
          <Button
            className='btn btn--primary'
            disabled={importer.busy || !!parsed.fatal || parsed.rows.length === 0 || tooMany}
            onClick={() => void submit()}
          >
            {importer.busy ? '正在导入…' : `导入 ${parsed.rows.length} 行`}
          </Button>
        </Card>
      )}

      {report && <ImportReport result={report.result} lines={report.lines} />}
    </View>
  );
}
