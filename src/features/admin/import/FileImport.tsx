import { useRef, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { useMutation } from '@/api/hooks';
import { saveAndOpen } from '@/components/download';
import { isWeapp } from '@/components/platform';
import { Card } from '@/components/Card';
import { ErrorText } from '@/components/StateView';
import type { ImportPreview } from '@/core/people/contract';
import { ROSTER_FILE_MAX_ROWS } from '@/core/people/import-limits';
import { FilePreview } from './FilePreview';
import { ImportReport } from './ImportReport';
import { pickMessageFile, type PickResult, readBrowserFile } from './pick-file';
import { useChunkedImport } from './run-import';

/**
 * Import from a file: choose an .xlsx or .csv (weapp: from a chat; browser: a file input), the server
 * reads and checks it (`staff.import.preview`), the admin sees what each row would do, then the good
 * rows go to `staff.import` in chunks under a progress bar. The import button stays off while running
 * and after finishing, until another file is chosen: one click, one import.
 */
export function FileImport() {
  const [fileName, setFileName] = useState<string | null>(null);
  const [pickError, setPickError] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const reader = useMutation('staff.import.preview');
  const template = useMutation('staff.import.template');
  const { run, start, reset } = useChunkedImport();
  const input = useRef<HTMLInputElement>(null);
  const locked = run.running || reader.busy;

  async function accept(result: PickResult) {
    if (result === null) return;
    reset();
    setPreview(null);
    reader.clearError();
    setPickError(result.ok ? null : result.message);
    setFileName(result.ok ? result.file.name : null);
    if (!result.ok) return;
    // Only the answer is kept: the file's bytes go out once and are not held by the page.
    const res = await reader.run({ fileName: result.file.name, base64: result.file.base64 });
    if (res.ok) setPreview(res.data);
  }

  async function downloadTemplate() {
    setSaveError(null);
    const res = await template.run({});
    if (!res.ok) return;
    try {
      await saveAndOpen(res.data);
    } catch (error) {
      setSaveError(error instanceof Error ? error.message : '模板保存失败');
    }
  }

  const rows = preview?.rows ?? [];
  const canImport = !!preview && rows.length > 0 && !run.running && !run.finished;
  const percent = run.total > 0 ? Math.round((run.done / run.total) * 100) : 0;
  return (
    <>
      <Card title='从文件导入'>
        <Text className='card__text'>
          上传 Excel（.xlsx）或 CSV 文件（UTF-8 编码），最大 5 MB、{ROSTER_FILE_MAX_ROWS}{' '}
          行。表头：工号、姓名、部门（必填），支部、手机、性别、角色（选填）。已有工号的人员将被更新，不会重复添加。
        </Text>
        {!isWeapp && (
          <input
            ref={input}
            className='import__file'
            type='file'
            accept='.xlsx,.csv'
            aria-label='名册文件'
            disabled={locked}
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              // Cleared so that choosing the same file again (after fixing it) is a change too.
              e.currentTarget.value = '';
              if (file) void readBrowserFile(file).then(accept);
            }}
          />
        )}
        <View className='btn-row'>
          <Button
            className='btn btn--small'
            disabled={locked}
            onClick={() => {
              if (locked) return;
              if (isWeapp) void pickMessageFile().then(accept);
              else input.current?.click();
            }}
          >
            {fileName ? '重新选择文件' : '选择文件'}
          </Button>
          <Button
            className='btn btn--small'
            disabled={template.busy}
            onClick={() => !template.busy && void downloadTemplate()}
          >
            {template.busy ? '正在生成…' : '下载模板'}
          </Button>
        </View>
        {fileName && <Text className='field__hint'>已选择：{fileName}</Text>}
        {reader.busy && <Text className='field__hint'>正在读取文件…</Text>}
        <ErrorText message={pickError ?? reader.error?.message ?? template.error?.message ?? saveError} />
      </Card>

      {preview && (
        <Card title='预览'>
          <FilePreview preview={preview} />
          {(run.running || run.done > 0) && (
            <View className='import__progress'>
              <View
                className='progress'
                role='progressbar'
                aria-valuemin={0}
                aria-valuemax={run.total}
                aria-valuenow={run.done}
              >
                <View className='progress__bar' style={{ width: `${percent}%` }} />
              </View>
              <Text className='field__hint'>
                已导入 {run.done} / {run.total}
              </Text>
            </View>
          )}
          <ErrorText message={run.error?.message} />
          <Button
            className='btn btn--primary'
            disabled={!canImport}
            // Taro's H5 button still fires when disabled (4.2): the rule is kept here too.
            onClick={() => canImport && void start(rows, preview.errors)}
          >
            {run.running ? '正在导入…' : run.finished ? '导入完成' : `导入 ${rows.length} 行`}
          </Button>
        </Card>
      )}

      {run.report && <ImportReport result={run.report.result} lines={run.report.lines} />}
    </>
  );
}
