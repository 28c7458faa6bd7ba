import { emptyDraft, fromDraft, newItem } from '../../../src/features/activity/manage/activity-form';

const tz = 'Asia/Shanghai';

function filled() {
  return {
    ...emptyDraft(),
    title: '职工运动会',
    description: '说明',
    place: '操场',
    startDate: '2026-03-10',
    startTime: '08:30',
    endTime: '11:30',
    deadlineDate: '2026-03-06',
    deadlineTime: '18:00',
    items: [{ ...newItem('team'), name: '拔河', teamMin: '8', teamMax: '10', capacity: '4' }],
  };
}

test('local dates and times become instants in the unit’s zone, whatever the machine’s', () => {
  const res = fromDraft(filled(), tz);
  expect(res.ok).toBe(true);
  if (!res.ok) return;
  expect(res.value).toMatchObject({
    startAt: '2026-03-10T00:30:00.000Z',
    endAt: '2026-03-10T03:30:00.000Z',
    signupDeadline: '2026-03-06T10:00:00.000Z',
    maxItemsPerPerson: 2,
    items: [{ name: '拔河', mode: 'team', teamMin: 8, teamMax: 10, capacity: 4 }],
  });
});

test('a multi-day activity ends on its end date', () => {
  const res = fromDraft({ ...filled(), endDate: '2026-03-12', endTime: '17:00' }, tz);
  expect(res.ok && res.value.endAt).toBe('2026-03-12T09:00:00.000Z');
});

test('errors name the field, down to one item’s capacity', () => {
  const res = fromDraft(
    { ...filled(), title: '', startDate: '', items: [{ ...newItem(), name: '跳绳', capacity: '' }] },
    tz,
  );
  expect(res.ok).toBe(false);
  if (res.ok) return;
  expect(res.errors.title).toBe('活动名称至少 2 个字');
  expect(res.errors.startAt).toBe('请选择活动日期和开始时间');
  expect(res.errors['items.0.capacity']).toBe('请填写名额');
});
