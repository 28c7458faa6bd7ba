import { useMemo, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { TextArea } from '@/components/TextArea';
import { Card } from '@/components/Card';
import { ErrorText } from '@/components/StateView';
import { parseRoster } from './parse-roster';
import { ImportReport } from './ImportReport';
import { useChunkedImport } from './run-import';

/**
 * Import by pasting cells copied from Excel: read on the page by the same rules the server applies
 * to a file, sent in the same chunks. A fine fallback on a desktop where the file is open anyway.
 */

const SAMPLE = [
  '工号\t姓名\t部门\t支部\t手机\t角色',
  'T0101\t张三\t办公室\t第一支部\t13800000000\t',
  'T0102\t李四\t预算科\t第二支部\t\t支部书记',
].join('\n');

export function PasteImport() {
  const [text, setText] = useState('');
  const parsed = useMemo(() => (text.trim() ? parseRoster(text) : null), [text]);
  const { run, start, reset } = useChunkedImport();
  const canImport = !!parsed && !parsed.fatal && parsed.rows.length > 0 && !run.running && !run.finished;

  function edit(next: string) {
    setText(next);
    reset();
  }

  return (
    <>
      <Card title='粘贴名册'>
        <Text className='card__text'>
          在 Excel
          中选中含表头的区域复制，粘贴到下方。表头可用：工号、姓名、部门（必填），支部、手机、角色、性别（选填；多个角色用顿号分隔，如“支部书记、管理员”；性别填男或女，用于限定性别的文体项目）。已有工号的人员将被更新。
        </Text>
        <TextArea
          value={text}
          maxlength={-1}
          size='long'
          mono
          placeholder={SAMPLE}
          disabled={run.running}
          onInput={edit}
        />
        <View className='btn-row'>
          <Button className='btn btn--small' disabled={run.running} onClick={() => !run.running && edit(SAMPLE)}>
            填入示例
          </Button>
          <Button className='btn btn--small' disabled={!text || run.running} onClick={() => !run.running && edit('')}>
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
              {parsed.problems.map((p) => (
                <Text key={p.line} className='import__problem'>
                  第 {p.line} 行：{p.reason}
                </Text>
              ))}
            </>
          )}
          {run.running && (
            <Text className='field__hint'>
              已导入 {run.done} / {run.total}
            </Text>
          )}
          <ErrorText message={run.error?.message} />
          <Button
            className='btn btn--primary'
            disabled={!canImport}
            // Taro's H5 button still fires when disabled (4.2): the rule is kept here too.
            onClick={() => canImport && void start(parsed.rows, parsed.problems)}
          >
            {run.running ? '正在导入…' : run.finished ? '导入完成' : `导入 ${parsed.rows.length} 行`}
          </Button>
        </Card>
      )}

      {run.report && <ImportReport result={run.report.result} lines={run.report.lines} />}
    </>
  );
}
