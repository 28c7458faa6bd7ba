import { localDayKey, localTimeKey } from '../time';

/**
 * WeChat subscribe messages (订阅消息) as the unit configures them: three templates, one per moment
 * a person is asked for consent (DESIGN.md §5, issue 10). A one-time consent allows one message, so
 * each accepted template is one credit and each message spends one; with no template id configured,
 * the in-app inbox notice is the whole notice.
 */
export const NOTICE_KEYS = ['reading', 'event', 'review'] as const;
export type NoticeKey = (typeof NOTICE_KEYS)[number];

export const NOTICE_KEY_LABELS: Record<NoticeKey, string> = {
  reading: '晨读提醒',
  event: '活动提醒',
  review: '审核与回复结果',
};

/** When each consent is asked: after the moment it serves, never at start-up. */
export const NOTICE_KEY_MOMENTS: Record<NoticeKey, string> = {
  reading: '打卡之后：明天晨读开始时提醒',
  event: '报名志愿服务或文体活动之后：候补转正、变更、取消和前一天的提醒',
  review: '推荐好人或实名写信之后：审核结果与回复',
};

/** What a notice can fill in; a template's keywords each take one of these. */
export const NOTICE_SLOTS = ['title', 'time', 'place', 'result', 'note'] as const;
export type NoticeSlot = (typeof NOTICE_SLOTS)[number];
export type NoticeSlots = Partial<Record<NoticeSlot, string>>;

export const NOTICE_SLOT_LABELS: Record<NoticeSlot, string> = {
  title: '标题',
  time: '时间',
  place: '地点',
  result: '结果',
  note: '说明',
};

/**
 * Which template carries an inbox notice of each kind. Kinds not named (a mailbox reply to an
 * anonymous writer has no person to reach; an honoree's publication is for the board) stay in the inbox.
 */
export const KIND_KEYS: Readonly<Record<string, NoticeKey>> = {
  'volunteer.promoted': 'event',
  'volunteer.changed': 'event',
  'volunteer.cancelled': 'event',
  'volunteer.hours': 'event',
  'activity.promoted': 'event',
  'activity.changed': 'event',
  'activity.cancelled': 'event',
  'activity.teamAdded': 'event',
  'honor.reviewed': 'review',
  'mailbox.replied': 'review',
};

export function keyOfKind(kind: string): NoticeKey | null {
  return Object.prototype.hasOwnProperty.call(KIND_KEYS, kind) ? KIND_KEYS[kind] : null;
}

/**
 * The keywords of the templates this project recommends (README, 订阅消息), as `keyword:slot` pairs;
 * a unit that picks other templates writes its own pairs beside its template id.
 */
export const DEFAULT_TEMPLATE_FIELDS: Record<NoticeKey, string> = {
  reading: 'thing1:title,time2:time,thing3:note',
  event: 'thing1:title,time2:time,thing3:place,thing4:note',
  review: 'thing1:title,phrase2:result,thing3:note',
};

/** A template id as the WeChat console shows it. */
export const TEMPLATE_ID = /^[A-Za-z0-9_-]{20,64}$/;

const KEYWORD = /^(thing|time|date|phrase|name|number|letter|symbol|character_string|amount|phone_number)\d{1,2}$/;

export type FieldMap = { keyword: string; slot: NoticeSlot }[];

/** Parses `thing1:title,time2:time`; a Chinese reason when it cannot be used. */
export function parseTemplateFields(text: string): { fields: FieldMap } | { problem: string } {
  const fields: FieldMap = [];
  const pairs = text
    .split(/[,，\s]+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (pairs.length === 0) return { problem: '请填写模板字段，例如 thing1:title' };
  if (pairs.length > 5) return { problem: '订阅消息模板最多 5 个字段' };
  for (const pair of pairs) {
    const [keyword, slot, extra] = pair.split(/[:：]/);
    if (extra !== undefined || !keyword || !slot)
      return { problem: `字段「${pair}」应写成 关键词:内容，例如 thing1:title` };
    if (!KEYWORD.test(keyword)) return { problem: `「${keyword}」不是订阅消息模板的关键词（如 thing1、time2）` };
    if (!(NOTICE_SLOTS as readonly string[]).includes(slot))
      return { problem: `「${slot}」不是可填写的内容，可选：${NOTICE_SLOTS.join('、')}` };
    if (fields.some((f) => f.keyword === keyword)) return { problem: `关键词 ${keyword} 重复` };
    fields.push({ keyword, slot: slot as NoticeSlot });
  }
  return { fields };
}

/** WeChat's length limits per keyword type (characters); longer values are refused with 47003. */
const LIMITS: Record<string, number> = {
  thing: 20,
  name: 10,
  phrase: 5,
  character_string: 32,
  number: 32,
  letter: 32,
  symbol: 5,
  phone_number: 17,
  amount: 32,
};

/** One value cut to its keyword's limit; an empty value (refused by WeChat) becomes 无. */
export function keywordValue(keyword: string, value: string): string {
  const type = keyword.replace(/\d+$/, '');
  const clean = value.replace(/\s+/g, ' ').trim();
  if (clean === '') return '无';
  const limit = LIMITS[type];
  const chars = [...clean];
  if (limit === undefined || chars.length <= limit) return clean;
  return `${chars.slice(0, limit - 1).join('')}…`;
}

/** The `data` of subscribeMessage.send: every keyword of the template filled, none left empty. */
export function templateData(fields: FieldMap, slots: NoticeSlots): Record<string, { value: string }> {
  const data: Record<string, { value: string }> = {};
  for (const { keyword, slot } of fields) data[keyword] = { value: keywordValue(keyword, slots[slot] ?? '') };
  return data;
}

/** A one-time consent is kept a while; beyond this many unspent credits more consent adds nothing. */
export const MAX_CREDITS = 20;

/** A `time` keyword's value: 2026年12月4日 09:30 on the unit's clock. */
export function keywordTime(at: Date, timeZone: string): string {
  const [year, month, day] = localDayKey(at, timeZone).split('-');
  return `${year}年${Number(month)}月${Number(day)}日 ${localTimeKey(at, timeZone)}`;
}
