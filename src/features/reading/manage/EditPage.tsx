import Taro, { useRouter } from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { useMutation, useQuery } from '@/api/hooks';
import {
  READING_BODY_MAX,
  READING_BODY_MIN,
  READING_SOURCE_MAX,
  READING_TITLE_MAX,
  type ReadingView,
} from '@/core/reading/contract';
import type { ApiError } from '@/core/errors';
import { isDayKey, localDayKey } from '@/core/time';
import { DateInput } from '@/components/DateInput';
import { TextArea } from '@/components/TextArea';
import { Card } from '@/components/Card';
import { Field } from '@/components/Field';
import { Page } from '@/components/Page';
import { ErrorText, StateView } from '@/components/StateView';
import { toast } from '@/components/confirm';
import { DraftNotice } from '@/features/forms/DraftNotice';
import { type FieldErrors, serverFieldErrors } from '@/features/forms/issues';
import { useDraft } from '@/features/forms/useDraft';
import { useFormErrors } from '@/features/forms/useFormErrors';
import { SessionGate } from '@/features/session/SessionGate';
import { serverNow } from '@/features/session/session';
import { ReadingBody } from '../ReadingBody';
import { SECRETARY } from './ManagePage';
import '../reading.scss';
import './manage.scss';

/** Publish a reading for a date (`?date=`), or edit one (`?id=`). */
export function EditPage() {
  const params = useRouter()?.params ?? {};
  const id = params.id ? decodeURIComponent(params.id) : null;
  const date = params.date && isDayKey(params.date) ? params.date : '';
  // The scope the list page was showing ('' the unit); the server checks it is the caller's to use.
  const branch = params.branch ? decodeURIComponent(params.branch) : '';
  return (
    <SessionGate roles={SECRETARY}>
      {(me) => {
        const today = localDayKey(serverNow(), me.settings.timeZone);
        return (
          <Page wide>
            {id ? (
              <LoadThenEdit id={id} today={today} />
            ) : (
              <Editor initial={null} date={date} branch={branch} today={today} />
            )}
          </Page>
        );
      }}
    </SessionGate>
  );
}

function LoadThenEdit({ id, today }: { id: string; today: string }) {
  const got = useQuery('reading.get', { readingId: id });
  if (got.error) return <StateView kind='error' message={got.error.message} onRetry={got.reload} />;
  if (!got.data) return <StateView kind='loading' />;
  const reading = got.data.reading;
  return <Editor initial={reading} date={reading.date} branch={reading.branch ?? ''} today={today} />;
}

type Fields = { date: string; title: string; source: string; body: string };
type Issues = Partial<Record<keyof Fields, string>>;

function check(f: Fields): Issues {
  const issues: Issues = {};
  if (!isDayKey(f.date.trim())) issues.date = '请选择日期';
  if (!f.title.trim()) issues.title = '请填写标题';
  else if (f.title.trim().length > READING_TITLE_MAX) issues.title = `标题最多 ${READING_TITLE_MAX} 个字`;
  if (f.body.trim().length < READING_BODY_MIN) issues.body = `正文至少 ${READING_BODY_MIN} 个字`;
  else if (f.body.trim().length > READING_BODY_MAX) issues.body = `正文最多 ${READING_BODY_MAX} 个字`;
  if (f.source.trim().length > READING_SOURCE_MAX) issues.source = `来源最多 ${READING_SOURCE_MAX} 个字`;
  return issues;
}

/** A rule the server names with `details.field` (a taken date, a past date) goes under that field. */
function serverIssues(error: ApiError): FieldErrors {
  const field = error.details?.field;
  if (typeof field === 'string') return { [field]: error.message };
  return serverFieldErrors(error);
}

function Editor({
  initial,
  date,
  branch,
  today,
}: {
  initial: ReadingView | null;
  date: string;
  branch: string;
  today: string;
}) {
  // A draft per reading and version: an edit begun on a reading someone has since changed starts afresh.
  const draft = useDraft<Fields>(initial ? `reading:${initial.id}:${initial.updatedAt}` : 'reading:new', {
    date,
    title: initial?.title ?? '',
    source: initial?.source ?? '',
    body: initial?.body ?? '',
  });
  const f = draft.value;
  const form = useFormErrors();
  const issues = form.errors;
  const publish = useMutation('reading.publish');
  const update = useMutation('reading.update');
  const busy = publish.busy || update.busy;
  const setValue = (k: keyof Fields) => (value: string) => {
    draft.set((x) => ({ ...x, [k]: value }));
    form.edited(k);
  };
  const set = (k: keyof Fields) => (e: { detail: { value: string } }) => setValue(k)(e.detail.value);

  async function save() {
    if (busy) return;
    const found = check(f);
    form.show(found);
    if (Object.keys(found).length > 0) return;
    const fields = { title: f.title.trim(), body: f.body.trim(), source: f.source.trim() };
    const res = initial
      ? await update.run({
          readingId: initial.id,
          ...fields,
          ...(f.date.trim() !== initial.date ? { date: f.date.trim() } : {}),
        })
      : await publish.run({
          date: f.date.trim(),
          ...fields,
          source: fields.source || undefined,
          ...(branch ? { branch } : {}),
        });
    if (!res.ok) return form.show(serverIssues(res.error));
    draft.discard();
    toast(initial ? '已保存' : '已发布');
    void Taro.navigateBack().catch(() => undefined);
  }

  return (
    <Card title={initial ? '编辑晨读' : '发布晨读'}>
      {draft.restored && <DraftNotice onReset={draft.reset} />}
      {branch && <Text className='card__text'>{`发布范围：${branch}（本支部成员读到）`}</Text>}
      <Field label='日期' error={issues.date} hint='今天或之后的日期；每天一篇。已有同事打卡后不能再改日期。'>
        <DateInput value={f.date} onChange={setValue('date')} ariaLabel='日期' min={today} />
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
        <TextArea value={f.body} maxlength={READING_BODY_MAX} size='long' ariaLabel='正文' onInput={setValue('body')} />
      </Field>
      <ErrorText message={issues['']} />
      <Button className='btn btn--primary btn--block' disabled={busy} onClick={() => void save()}>
        {busy ? '正在保存…' : initial ? '保存修改' : '发布'}
      </Button>
      {f.title.trim() && f.body.trim() && isDayKey(f.date.trim()) && (
        <View className='redit__preview'>
          <Text className='section-title'>预览（手机上的样子）</Text>
          <ReadingBody
            reading={{
              title: f.title.trim(),
              body: f.body,
              date: f.date.trim(),
              source: f.source.trim() || undefined,
              branch: branch || undefined,
            }}
          />
        </View>
      )}
    </Card>
  );
}
