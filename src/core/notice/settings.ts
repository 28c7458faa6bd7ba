import * as z from 'zod/mini';
import { DEFAULT_TEMPLATE_FIELDS, NOTICE_KEYS, type NoticeKey, parseTemplateFields, TEMPLATE_ID } from './rules';

/** One template as the admin enters it: its id from the WeChat console ('' = none) and its keywords. */
const template = z.strictObject({
  templateId: z.string({ message: '模板编号应为文字' }).check(
    z.maxLength(64, { message: '模板编号最多 64 个字符' }),
    z.refine((id) => id === '' || TEMPLATE_ID.test(id), {
      message: '模板编号应为微信公众平台「订阅消息」里的模板 ID（20–64 位字母、数字、下划线或短横线）',
    }),
  ),
  fields: z.string({ message: '模板字段应为文字' }).check(
    z.maxLength(200, { message: '模板字段最多 200 个字符' }),
    z.superRefine((fields, ctx) => {
      const parsed = parseTemplateFields(fields);
      if ('problem' in parsed) ctx.addIssue({ code: 'custom', message: parsed.problem, input: fields });
    }),
  ),
});

export type TemplateSetting = z.infer<typeof template>;

export const subscribeSettingsSchema = z.strictObject({
  reading: template,
  event: template,
  review: template,
});

export type SubscribeSettings = Record<NoticeKey, TemplateSetting>;

export const DEFAULT_SUBSCRIBE: SubscribeSettings = Object.fromEntries(
  NOTICE_KEYS.map((key) => [key, { templateId: '', fields: DEFAULT_TEMPLATE_FIELDS[key] }]),
) as SubscribeSettings;
