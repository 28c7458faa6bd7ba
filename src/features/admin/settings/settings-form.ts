import { omit } from 'zod/mini';
import { type Settings, settingsSchema, windowProblem } from '../../../core/settings/schema';
import type { FieldErrors } from '../../forms/issues';

/** The settings form: every field as text while editing, checked with Chinese messages. Pure. */

/** Templates of subscribe messages have their own page (管理 → 订阅消息). */
export type SettingsKey = Exclude<keyof Settings, 'subscribe'>;
export type FormSettings = Omit<Settings, 'subscribe'>;
const formSchema = omit(settingsSchema, { subscribe: true });
export type SettingsDraft = Record<SettingsKey, string>;

interface BaseSpec {
  key: SettingsKey;
  label: string;
  hint?: string;
}
export type FieldSpec =
  | (BaseSpec & { kind: 'text' | 'time' | 'zone' })
  | (BaseSpec & { kind: 'int'; min: number; max: number; unit: string })
  | (BaseSpec & { kind: 'percent'; unit: '%' })
  | (BaseSpec & { kind: 'choice'; options: { value: string; label: string }[] });

export const SETTINGS_FIELDS: FieldSpec[] = [
  { key: 'unitName', label: '单位名称', kind: 'text' },
  { key: 'timeZone', label: '时区', kind: 'zone', hint: '按此时区划分每天与每月' },
  { key: 'readingWindowStart', label: '晨读打卡开始时间', kind: 'time' },
  { key: 'readingWindowEnd', label: '晨读打卡结束时间', kind: 'time', hint: '到这一分钟为止不再能打卡' },
  { key: 'minReadingSeconds', label: '最短阅读时长', kind: 'int', min: 0, max: 3600, unit: '秒' },
  { key: 'studyMinutesPerCheckin', label: '每次打卡计入学时', kind: 'int', min: 1, max: 240, unit: '分钟' },
  { key: 'makeupsPerMonth', label: '每月补卡次数', kind: 'int', min: 0, max: 31, unit: '次' },
  { key: 'makeupDaysBack', label: '最多可补几天前的卡', kind: 'int', min: 0, max: 31, unit: '天' },
  { key: 'noteMaxLength', label: '打卡心得最多字数', kind: 'int', min: 0, max: 2000, unit: '字' },
  {
    key: 'volunteerHoursTarget',
    label: '人均志愿服务时长年度目标',
    kind: 'int',
    min: 0,
    max: 1000,
    unit: '小时',
    hint: '仪表盘按此对照人均已确认时长',
  },
  { key: 'honorRollThreshold', label: '学习标兵门槛（当月工作日打卡比例）', kind: 'percent', unit: '%' },
  {
    key: 'rankingMode',
    label: '学习排行方式',
    kind: 'choice',
    options: [
      { value: 'honor-roll', label: '光荣榜（达标者按工号排列，不排名次）' },
      { value: 'off', label: '关闭' },
    ],
  },
  {
    key: 'bindCodeRequired',
    label: '绑定工号',
    kind: 'choice',
    options: [
      { value: 'false', label: '管理员、书记、组织者凭绑定码绑定，其他职工凭工号和姓名绑定' },
      { value: 'true', label: '所有人都须凭管理员发放的绑定码绑定（工号和姓名广为人知的单位）' },
    ],
  },
];

/** The time zones a unit in China uses; a stored zone outside the list is offered as it is. */
export const TIME_ZONES: readonly { value: string; label: string }[] = [
  { value: 'Asia/Shanghai', label: '北京时间（Asia/Shanghai）' },
  { value: 'Asia/Urumqi', label: '新疆时间（Asia/Urumqi）' },
  { value: 'Asia/Hong_Kong', label: '香港（Asia/Hong_Kong）' },
  { value: 'Asia/Macau', label: '澳门（Asia/Macau）' },
  { value: 'Asia/Taipei', label: '台北（Asia/Taipei）' },
];

export function zoneOptions(current: string): readonly { value: string; label: string }[] {
  return TIME_ZONES.some((z) => z.value === current) ? TIME_ZONES : [{ value: current, label: current }, ...TIME_ZONES];
}

export function toDraft(s: FormSettings): SettingsDraft {
  return {
    unitName: s.unitName,
    timeZone: s.timeZone,
    readingWindowStart: s.readingWindowStart,
    readingWindowEnd: s.readingWindowEnd,
    minReadingSeconds: String(s.minReadingSeconds),
    studyMinutesPerCheckin: String(s.studyMinutesPerCheckin),
    makeupsPerMonth: String(s.makeupsPerMonth),
    makeupDaysBack: String(s.makeupDaysBack),
    noteMaxLength: String(s.noteMaxLength),
    honorRollThreshold: String(Math.round(s.honorRollThreshold * 1000) / 10),
    rankingMode: s.rankingMode,
    bindCodeRequired: String(s.bindCodeRequired),
    volunteerHoursTarget: String(s.volunteerHoursTarget),
  };
}

const HAS_CJK = /[\u4e00-\u9fff]/;

export type DraftCheck = { ok: true; value: FormSettings } | { ok: false; errors: FieldErrors };

export function fromDraft(draft: SettingsDraft): DraftCheck {
  const errors: FieldErrors = {};
  const value: Record<string, unknown> = {};
  for (const spec of SETTINGS_FIELDS) {
    const raw = draft[spec.key].trim();
    if (spec.kind === 'int') {
      const n = Number(raw);
      if (raw === '' || !Number.isInteger(n)) errors[spec.key] = `${spec.label}应为整数`;
      else if (n < spec.min || n > spec.max)
        errors[spec.key] = `${spec.label}应在 ${spec.min}–${spec.max} ${spec.unit}之间`;
      value[spec.key] = n;
    } else if (spec.kind === 'percent') {
      const n = Number(raw);
      if (raw === '' || !Number.isFinite(n) || n < 0 || n > 100) errors[spec.key] = `${spec.label}应在 0–100 之间`;
      value[spec.key] = Math.round(n * 10) / 1000;
    } else if (spec.key === 'bindCodeRequired') {
      value[spec.key] = raw === 'true';
    } else {
      value[spec.key] = raw;
    }
  }
  const parsed = formSchema.safeParse(value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? '');
      const label = SETTINGS_FIELDS.find((f) => f.key === key)?.label ?? '设置';
      // The schema's own messages are Chinese where it has them; fall back to a plain one otherwise.
      if (!(key in errors)) errors[key] = HAS_CJK.test(issue.message) ? issue.message : `${label}取值无效`;
    }
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  const problem = windowProblem(parsed.data);
  if (problem) return { ok: false, errors: { readingWindowEnd: problem } };
  return { ok: true, value: parsed.data };
}

/** Only what changed goes to `settings.update`, so two admins editing different fields do not clash. */
export function changedFields(before: FormSettings, after: FormSettings): Partial<Settings> {
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(after) as SettingsKey[]) {
    if (after[key] !== before[key]) patch[key] = after[key];
  }
  return patch as Partial<Settings>;
}
