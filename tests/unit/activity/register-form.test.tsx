import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { setTransport } from '@/api/client';
import type { ActivityItemView } from '@/core/activity/views';
import type { StaffPick } from '@/core/people/views';
import { RegisterForm } from '@/features/activity/RegisterForm';
import { fail, type FakeServer, fakeServer, ok } from '../../support/fake-server';

const captain = { id: 's-10', name: '徐军' };
const colleagues: StaffPick[] = [
  { id: 's-11', name: '孙涛', department: '国库科' },
  { id: 's-12', name: '马琳', department: '综合科' },
  { id: 's-13', name: '朱浩', department: '办公室' },
  { id: 's-10', name: '徐军', department: '预算科' },
];

const tug: ActivityItemView = {
  id: 'i-2',
  name: '拔河',
  mode: 'team',
  teamMin: 3,
  teamMax: 3,
  capacity: 4,
  confirmed: 1,
  waitlisted: 0,
  seatsLeft: 3,
};
const rope: ActivityItemView = {
  id: 'i-1',
  name: '跳绳',
  mode: 'individual',
  capacity: 2,
  confirmed: 2,
  waitlisted: 1,
  seatsLeft: 0,
};

let server: FakeServer;
let onDone: jest.Mock;

beforeEach(() => {
  server = fakeServer();
  setTransport(server.transport);
  onDone = jest.fn();
  jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' });
  server.on('staff.search', (input) => {
    const q = (input as { q: string }).q;
    return ok({ items: colleagues.filter((c) => c.name.includes(q)) });
  });
});

afterEach(() => jest.restoreAllMocks());

const sent = (action: string) => server.calls.filter((c) => c.action === action);

async function type(placeholder: string, value: string) {
  const input = await waitFor(() => {
    const found = document.querySelector<HTMLInputElement>(`input[placeholder="${placeholder}"]`);
    if (!found) throw new Error(`no input with placeholder ${placeholder}`);
    return found;
  });
  fireEvent.input(input, { target: { value } });
}

/** Searches the roster by name and taps the result. */
async function pick(name: string) {
  await type('输入姓名或工号搜索同事', name);
  const results = await waitFor(() => {
    const rows = Array.from(document.querySelectorAll('.picker__result')).filter((r) => r.textContent?.includes(name));
    if (rows.length === 0) throw new Error(`no result ${name}`);
    return rows;
  });
  fireEvent.click(results[0]);
}

function renderTeam(item = tug) {
  render(<RegisterForm activityId='a-1' item={item} captain={captain} onDone={onDone} />);
}

test('an individual item registers with one tap; a full one says it goes to the waitlist', async () => {
  server.on('activity.register', () => ok({ entryId: 'e-1', status: 'waitlisted', position: 2 }));
  render(<RegisterForm activityId='a-1' item={rope} captain={captain} onDone={onDone} />);
  expect(screen.getByText(/名额已满，提交后进入候补/)).toBeTruthy();
  fireEvent.click(screen.getByText('报名候补'));
  await waitFor(() => expect(onDone).toHaveBeenCalledWith({ entryId: 'e-1', status: 'waitlisted', position: 2 }));
  expect(sent('activity.register')).toEqual([
    { action: 'activity.register', input: { activityId: 'a-1', itemId: 'i-1' } },
  ]);
});

test('an empty team form is refused on the client: team name and size messages, nothing sent', async () => {
  renderTeam();
  expect(screen.getByText('已选 1 人（含队长），需 3 人')).toBeTruthy();
  fireEvent.click(screen.getByText('提交队伍报名'));
  expect(await screen.findByText('请填写队名')).toBeTruthy();
  expect(screen.getByText('队伍至少 3 人（含队长），当前 1 人')).toBeTruthy();
  expect(sent('activity.register')).toHaveLength(0);
});

test('the member picker searches by name, adds and removes members, and refuses the captain, duplicates and overflow', async () => {
  renderTeam();
  await pick('孙涛');
  expect(await screen.findByText('已选 2 人（含队长），需 3 人')).toBeTruthy();
  await pick('孙涛');
  expect(await screen.findByText('孙涛已在队员名单中')).toBeTruthy();
  await pick('徐军');
  expect(await screen.findByText('队长已是队员，无需再选自己')).toBeTruthy();
  await pick('马琳');
  await pick('朱浩');
  expect(await screen.findByText('队伍最多 3 人（含队长）')).toBeTruthy();
  expect(screen.getByText('已选 3 人（含队长），需 3 人')).toBeTruthy();
  fireEvent.click(screen.getByLabelText('移除孙涛'));
  expect(await screen.findByText('已选 2 人（含队长），需 3 人')).toBeTruthy();
});

test('a valid team is sent with the others’ ids; the captain is not listed', async () => {
  server.on('activity.register', () => ok({ entryId: 'e-9', status: 'confirmed' }));
  renderTeam();
  await type('例如：预算科联队', ' 预算一队 ');
  await pick('孙涛');
  await pick('马琳');
  fireEvent.click(screen.getByText('提交队伍报名'));
  await waitFor(() => expect(onDone).toHaveBeenCalled());
  expect(sent('activity.register')[0].input).toEqual({
    activityId: 'a-1',
    itemId: 'i-2',
    team: { name: '预算一队', memberStaffIds: ['s-11', 's-12'] },
  });
});

test('the server’s refusal is shown in its own words and the form stays', async () => {
  server.on('activity.register', () => fail('CONFLICT', '马琳已在本项目的另一支队伍中'));
  renderTeam();
  await type('例如：预算科联队', '预算一队');
  await pick('孙涛');
  await pick('马琳');
  fireEvent.click(screen.getByText('提交队伍报名'));
  expect(await screen.findByText('马琳已在本项目的另一支队伍中')).toBeTruthy();
  expect(onDone).not.toHaveBeenCalled();
  expect(screen.getByText('提交队伍报名')).toBeTruthy();
});

test('a search that fails shows the server message inside the picker', async () => {
  server.on('staff.search', () => fail('RATE_LIMITED', '操作过于频繁，请稍后再试'));
  renderTeam();
  await type('输入姓名或工号搜索同事', '孙');
  expect(await screen.findByText('操作过于频繁，请稍后再试')).toBeTruthy();
});

test('a field error from the server shows under the member picker', async () => {
  server.on('activity.register', () => ({
    ok: false,
    error: {
      code: 'INVALID_INPUT',
      message: '队员名单中有重复的人（team.memberStaffIds）',
      details: { fields: [{ field: 'team.memberStaffIds', message: '队员名单中有重复的人' }] },
    },
  }));
  renderTeam();
  await type('例如：预算科联队', '预算一队');
  await pick('孙涛');
  await pick('马琳');
  fireEvent.click(screen.getByText('提交队伍报名'));
  expect(await screen.findByText('队员名单中有重复的人')).toBeTruthy();
});
