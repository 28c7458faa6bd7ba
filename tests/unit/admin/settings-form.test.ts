import { DEFAULT_SETTINGS } from '../../../src/core/settings/schema';
import { changedFields, fromDraft, toDraft } from '../../../src/features/admin/settings/settings-form';

test('the defaults survive a round trip through the form; the templates are not its business', () => {
  const { subscribe: _templates, ...form } = DEFAULT_SETTINGS;
  expect(fromDraft(toDraft(DEFAULT_SETTINGS))).toEqual({ ok: true, value: form });
});

test('the threshold is edited as a percentage', () => {
  expect(toDraft(DEFAULT_SETTINGS).honorRollThreshold).toBe('90');
  const checked = fromDraft({ ...toDraft(DEFAULT_SETTINGS), honorRollThreshold: '85.5' });
  expect(checked.ok && checked.value.honorRollThreshold).toBe(0.855);
});

test('out-of-range and malformed values get Chinese messages per field', () => {
  const checked = fromDraft({
    ...toDraft(DEFAULT_SETTINGS),
    unitName: ' ',
    timeZone: 'Mars/Base',
    readingWindowStart: '6:00',
    makeupsPerMonth: '1.5',
    studyMinutesPerCheckin: '0',
    honorRollThreshold: '120',
  });
  expect(checked).toEqual({
    ok: false,
    errors: {
      unitName: '请填写单位名称',
      timeZone: '无效的时区',
      readingWindowStart: '时间格式应为 HH:mm',
      makeupsPerMonth: '每月补卡次数应为整数',
      studyMinutesPerCheckin: '每次打卡计入学时应在 1–240 分钟之间',
      honorRollThreshold: '学习标兵门槛（当月工作日打卡比例）应在 0–100 之间',
    },
  });
});

test('a reading window that ends before it starts is refused', () => {
  const checked = fromDraft({ ...toDraft(DEFAULT_SETTINGS), readingWindowStart: '10:00', readingWindowEnd: '09:00' });
  expect(checked).toEqual({ ok: false, errors: { readingWindowEnd: '晨读打卡开始时间必须早于结束时间' } });
});

test('only changed fields are sent', () => {
  expect(changedFields(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, makeupsPerMonth: 3 })).toEqual({ makeupsPerMonth: 3 });
});
