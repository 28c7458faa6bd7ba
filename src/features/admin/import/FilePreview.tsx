import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { saveAndOpen } from '@/components/download';
import { isWeapp } from '@/components/platform';
import { ErrorText } from '@/components/StateView';
import type { ImportPreview } from '@/core/people/contract';
import { problemsCsv, problemsText, utf8Base64 } from './problems';

/** What a roster file would do, before anything is written: the good rows, then the bad ones. */

/** Rows drawn on the page; the rest are counted (a phone draws thousands of rows slowly). */
const SHOWN = 100;
const ACTION_LABELS = { create: '新增', update: '更新' } as const;

export function FilePreview({ preview }: { preview: ImportPreview }) {
  const { rows, errors } = preview;
  return (
    <View className='import__preview'>
      <Text className='card__text'>
        {preview.fileName}：可导入 {rows.length} 行（新增 {preview.creates} 人，更新 {preview.updates} 人）
        {errors.length > 0 ? `，${errors.length} 行有问题（不会导入）` : ''}。
      </Text>
      {preview.ignoredColumns.length > 0 && (
        <Text className='field__hint'>已忽略无法识别的列：{preview.ignoredColumns.join('、')}</Text>
      )}
      {rows.length > 0 && (
        <View className='itable' aria-label='可导入的行'>
          <View className='itable__row itable__row--head'>
            <Text className='itable__line'>行号</Text>
            <Text className='itable__no'>工号</Text>
            <Text className='itable__name'>姓名</Text>
            <Text className='itable__reason'>部门</Text>
            <Text className='itable__status'>操作</Text>
          </View>
          {rows.slice(0, SHOWN).map((r) => (
            <View key={r.line} className={`itable__row is-${r.action}`}>
              <Text className='itable__line'>{r.line}</Text>
              <Text className='itable__no'>{r.row.staffNo}</Text>
              <Text className='itable__name'>{r.row.name}</Text>
              <Text className='itable__reason'>{r.row.department}</Text>
              <Text className='itable__status'>{ACTION_LABELS[r.action]}</Text>
            </View>
          ))}
        </View>
      )}
      {rows.length > SHOWN && (
        <Text className='field__hint'>
          仅显示前 {SHOWN} 行，共 {rows.length} 行。
        </Text>
      )}
      {errors.length > 0 && <Problems preview={preview} />}
    </View>
  );
}

function Problems({ preview }: { preview: ImportPreview }) {
  const { errors } = preview;
  const [failure, setFailure] = useState<string | null>(null);

  async function copy() {
    try {
      await Taro.setClipboardData({ data: problemsText(errors) });
    } catch {
      setFailure('复制失败，请改用下载');
    }
  }

  async function download() {
    const base = preview.fileName.replace(/\.[^.]*$/, '');
    try {
      await saveAndOpen({ fileName: `${base}_问题行.csv`, mime: 'text/csv', base64: utf8Base64(problemsCsv(errors)) });
    } catch (error) {
      setFailure(error instanceof Error ? error.message : '下载失败');
    }
  }

  return (
    <View className='import__problems'>
      <Text className='import__subtitle'>有问题的行（{errors.length}）</Text>
      <View className='itable' aria-label='有问题的行'>
        <View className='itable__row itable__row--head'>
          <Text className='itable__line'>行号</Text>
          <Text className='itable__reason'>原因</Text>
        </View>
        {errors.slice(0, SHOWN).map((p) => (
          <View key={p.line} className='itable__row is-error'>
            <Text className='itable__line'>{p.line}</Text>
            <Text className='itable__reason'>{p.reason}</Text>
          </View>
        ))}
      </View>
      {errors.length > SHOWN && <Text className='field__hint'>仅显示前 {SHOWN} 行，复制或下载可得全部。</Text>}
      <View className='btn-row'>
        <Button className='btn btn--small' onClick={() => void copy()}>
          复制问题行
        </Button>
        {/* WeChat's document viewer opens no CSV (openDocument, base 3.x): there, copying is the way. */}
        {!isWeapp && (
          <Button className='btn btn--small' onClick={() => void download()}>
            下载问题行
          </Button>
        )}
      </View>
      <ErrorText message={failure} />
    </View>
  );
}
