import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import { useMutation, useQuery } from '@/api/hooks';
import {
  READING_BODY_MAX,
  READING_BODY_MIN,
  READING_SOURCE_MAX,
  READING_TITLE_MAX,
  type ReadingView,
} from '@/core/reading/contract';
import type { ApiError } from '@/core/errors';
import { isDayKey } from '@/core/time';
import { Card } from '@/components/Card';
import { Field } from '@/components/Field';
import { Page } from '@/components/Page';
import { ErrorText, StateView } from '@/components/StateView';
import { toast } from '@/components/confirm';
import { SessionGate } from '@/features/session/SessionGate';
import { ReadingBody } from '../ReadingBody';
import { SECRETARY } from './ManagePage';
import '../reading.scss';
import './manage.scss';

/** Publish a reading for a date (`?date=`), or edit one (`?id=`). */
export function EditPage() {
  const params = useRouter()?.params ?? {};
  const id = params.id ? decodeURIComponent(params.id) : null;
  const date = params.date && isDayKey(params.date) ? params.date : '';
  return (
    <SessionGate roles={SECRETARY}>
      {() => <Page wide>{id ? <LoadThenEdit id={id} /> : <Editor initial={null} date={date} />}</Page>}
    </SessionGate>
  );
}

function LoadThenEdit({ id }: { id: string }) {
  const got = useQuery('reading.get', { readingId: id });
  if (got.error) return <StateView kind='error' message={got.error.message} onRetry={got.reload} />;
  if (!got.data) return <StateView kind='loading' />;
  return <Editor initial={got.data.reading} date={got.data.reading.date} />;
}

type Fields = { date: string; title: string; source: string; body: string };
type Issues = Partial<Record<keyof Fields, string>>;

function check(f: Fields): Issues {
  const issues: Issues = {};
  if (!isDayKey(f.date.trim())) issues.date = '日期格式应为 YYYY-MM-DD';
  if (!f.title.trim()) issues.title = '请填写标题';
  else if (f.title.trim().length > READING_TITLE_MAX) issues.title = `标题最多 ${READING_TITLE_MAX} 个字`;
  if (f.body.trim().length < READING_BODY_MIN) issues.body = `正文至少 ${READING_BODY_MIN} 个字`;
  else if (f.body.trim().length > READING_BODY_MAX) issues.body = `正文最多 ${READING_BODY_MAX} 个字`;
  if (f.source.trim().length > READING_SOURCE_MAX) issues.source = `来源最多 ${READING_SOURCE_MAX} 个字`;
  return issues;
}

/** The server's field errors next to their fields; everything else above the button. */
function serverIssues(error: ApiError | null): Issues {
  const issues: Issues = {};
  for (const f of error?.details?.fields ?? []) issues[f.field as keyof Fields] ??= f.message;
  const field = error?.details?.field;
  if (typeof field === 'string' && error) issues[field as keyof Fields] ??= error.message;
  return issues;
}

function Editor({ initial, date }: { initial: ReadingView | null; date: string }) {
  const [f, setF] = useState<Fields>({
    date,
    title: initial?.title ?? '',
    source: initial?.source ?? '',
    body: initial?.body ?? '',
  });
  const [local, setLocal] = useState<Issues>({});
  const publish = useMutation('reading.publish');
  const update = useMutation('reading.update');
  const busy = publish.busy || update.busy;
  const error = initial ? update.error : publish.error;
  const issues = { ...serverIssues(error), ...local };
  const set = (k: keyof Fields) => (e: { detail: { value: string } }) => setF((x) => ({ ...x, [k]: e.detail.value }));

  async function save() {
    const found = check(f);
    setLocal(found);
    if (Object.keys(found).length > 0) return;
    const fields = { title: f.title.trim(), body: f.body.trim(), source: f.source.trim() };
    const res = initial
      ? await update.run({
          readingId: initial.id,
          ...fields,
          ...(f.date.trim() !== initial.date ? { date: f.date.trim() } : {}),
        })
      : await publish.run({ date: f.date.trim(), ...fields, source: fields.source || undefined });
    if (res.ok) {
      toast(initial ? '已保存' : '已发布');
      void Taro.navigateBack().catch(() => undefined);
    }
  }

  return (
    <Card title={initial ? '编辑晨读' : '发布晨读'}>
      <Field label='日期' error={issues.date} hint='今天或之后的日期；每天一篇。已有同事打卡后不能再改日期。'>
        <Input className='field__input' value={f.date} maxlength={10} placeholder='YYYY-MM-DD' onInput={set('date')} />
      </Field>
      <Field label='标题' error={issues.title}>
        <Input className='field__input' value={f.title} maxlength={READING_TITLE_MAX} onInput={set('title')} />
      </Field>
      <Field label='来源（选填）' error={issues.source} hint='例如：某报评论员文章、机关党委编写'>
        <Input className='field__input' value={f.source} maxlength={READING_SOURCE_MAX} onInput={set('source')} />
      </Field>
      <Field
        label='正文'
        error={issues.body}
        hint={`每段一行（回车分段）。已写 ${f.body.trim().length} / ${READING_BODY_MAX} 字`}
      >
        <Textarea
          className='field__textarea redit__body'
          value={f.body}
          maxlength={READING_BODY_MAX}
          onInput={set('body')}
        />
      </Field>
      <ErrorText message={error && !error.details?.field && !error.details?.fields ? error.message : null} />
      <Button className='btn btn--primary btn--block' disabled={busy} onClick={() => void save()}>
        {busy ? '正在保存…' : initial ? '保存修改' : '发布'}
      </Button>
      {f.title.trim() && f.body.trim() && isDayKey(f.date.trim()) && (
        <View className='redit__preview'>
          <Text className='section-title'>预览（手机上的样子）</Text>
          <ReadingBody
            reading={{ title: f.title.trim(), body: f.body, date: f.date.trim(), source: f.source.trim() || undefined }}
          />
        </View>
      )}
    </Card>
  );
}
