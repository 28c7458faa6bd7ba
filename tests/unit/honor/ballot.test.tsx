import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro, { Current } from '@tarojs/taro';
import { setTransport } from '@/api/client';
import { clearToken, setToken } from '@/api/token';
import type { HonorNomination, HonorRound } from '@/core/honor/contract';
import { VotePage } from '@/features/honor/VotePage';
import { resetSession } from '@/features/session/session';
import { boundMe, fail, type FakeServer, fakeServer, ok } from '../../support/fake-server';

const ME = 's-31';

const round: HonorRound = {
  id: 'r-1',
  title: '第一季度好人榜',
  categories: ['个人品德', '职业道德'],
  ballotSize: 2,
  publicityDays: 5,
  nominateUntil: '2099-01-01T10:00:00.000Z',
  voteUntil: '2099-02-01T10:00:00.000Z',
  phase: 'voting',
  createdAt: '2098-12-01T00:00:00.000Z',
  nominationCount: 4,
  candidateCount: 4,
  ballotCount: 3,
  voted: false,
  stage: {
    canNominate: false,
    canVote: true,
    canObject: false,
    votingClosed: false,
    hint: '请为候选人投票，选票一经提交不可更改',
  },
};

function candidate(id: string, nomineeId: string, name: string): HonorNomination {
  return {
    id,
    roundId: round.id,
    nominee: { id: nomineeId, name, department: '国库科' },
    kind: 'peer',
    category: '职业道德',
    deeds: `${name}同志工作认真负责，乐于助人，多年来坚持为群众办实事，口碑很好。`,
    photos: [],
    seconders: 0,
    createdAt: '2098-12-02T00:00:00.000Z',
    relation: nomineeId === ME ? ['nominee'] : [],
    status: 'approved',
  };
}

const candidates = [
  candidate('n-a', 's-5', '陈静'),
  candidate('n-b', 's-6', '杨磊'),
  candidate('n-c', 's-7', '黄丽'),
  candidate('n-me', ME, '孙丽'),
];

let server: FakeServer;
let showModal: jest.SpyInstance;

beforeEach(() => {
  server = fakeServer();
  setTransport(server.transport);
  setToken('demo-token');
  resetSession();
  server.on('session.me', () => ok(boundMe()));
  server.on('honor.nominations', () => ok({ round, items: candidates }));
  Current.router = {
    params: { roundId: 'r-1' },
    path: '/subpackages/honor/vote/index',
    onReady: '',
    onHide: '',
    onShow: '',
    shareTicket: undefined,
    scene: undefined,
  };
  showModal = jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: false, cancel: true, errMsg: 'showModal:ok' });
  jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' });
});

afterEach(() => {
  jest.restoreAllMocks();
  clearToken();
});

const sent = (action: string) => server.calls.filter((c) => c.action === action);
/** A candidate's line on the ballot (the deeds below repeat the names). */
const box = async (name: string) => {
  const all = await screen.findAllByText(name);
  const line = all.map((el) => el.closest('[role="checkbox"]')).find((el) => el !== null);
  if (!line) throw new Error(`${name} is not on the ballot`);
  return line as HTMLElement;
};

test('takes at most ballotSize names and says why the next one is refused', async () => {
  render(<VotePage />);
  fireEvent.click(await box('陈静'));
  fireEvent.click(await box('杨磊'));
  fireEvent.click(await box('黄丽'));
  expect((await box('陈静')).getAttribute('aria-checked')).toBe('true');
  expect((await box('杨磊')).getAttribute('aria-checked')).toBe('true');
  expect((await box('黄丽')).getAttribute('aria-checked')).toBe('false');
  expect(await screen.findByText('每张选票最多选择 2 位候选人')).toBeTruthy();
  expect(screen.getByText('已选 2 / 2')).toBeTruthy();
  // Unticking frees a place.
  fireEvent.click(await box('陈静'));
  fireEvent.click(await box('黄丽'));
  expect((await box('黄丽')).getAttribute('aria-checked')).toBe('true');
});

test('shows my own candidacy but never lets me choose it', async () => {
  render(<VotePage />);
  const mine = await box('孙丽');
  expect(mine.getAttribute('aria-disabled')).toBe('true');
  expect(screen.getByText(/本人，不能投票给自己/)).toBeTruthy();
  fireEvent.click(mine);
  expect(mine.getAttribute('aria-checked')).toBe('false');
  expect(await screen.findByText('不能投票给自己')).toBeTruthy();
  expect(screen.getByText('请选择 1–2 位候选人。投票不记名：系统只记录您已投票，不记录您投给了谁。')).toBeTruthy();
});

test('asks for confirmation naming the choices; cancelling sends nothing', async () => {
  showModal.mockResolvedValue({ confirm: false, cancel: true, errMsg: 'showModal:ok' });
  render(<VotePage />);
  fireEvent.click(await box('杨磊'));
  fireEvent.click(await box('黄丽'));
  fireEvent.click(screen.getByText('提交选票'));
  await waitFor(() => expect(showModal).toHaveBeenCalledTimes(1));
  expect(showModal.mock.calls[0][0]).toMatchObject({
    title: '确认投票',
    content: expect.stringContaining('杨磊、黄丽'),
  });
  expect(showModal.mock.calls[0][0].content).toMatch(/不可更改/);
  expect(sent('honor.vote')).toHaveLength(0);
});

test('confirming casts the ballot once with the chosen candidates', async () => {
  showModal.mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' });
  server.on('honor.vote', () => ok({ round: { ...round, voted: true }, chosen: 1 }));
  render(<VotePage />);
  fireEvent.click(await box('陈静'));
  fireEvent.click(screen.getByText('提交选票'));
  expect(await screen.findByText('投票成功')).toBeTruthy();
  expect(sent('honor.vote')).toEqual([{ action: 'honor.vote', input: { roundId: 'r-1', nominationIds: ['n-a'] } }]);
});

test('an empty ballot cannot be submitted', async () => {
  render(<VotePage />);
  await box('陈静');
  fireEvent.click(screen.getByText('提交选票'));
  expect(await screen.findByText('请至少选择 1 位候选人')).toBeTruthy();
  expect(showModal).not.toHaveBeenCalled();
  expect(sent('honor.vote')).toHaveLength(0);
});

test('a refused ballot shows the server’s message', async () => {
  showModal.mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' });
  server.on('honor.vote', () => fail('CONFLICT', '您已投过票，选票提交后不可更改'));
  render(<VotePage />);
  fireEvent.click(await box('陈静'));
  fireEvent.click(screen.getByText('提交选票'));
  expect(await screen.findByText('您已投过票，选票提交后不可更改')).toBeTruthy();
});

test('after voting the page says so instead of offering a ballot', async () => {
  server.on('honor.nominations', () =>
    ok({ round: { ...round, voted: true, stage: { ...round.stage, canVote: false } }, items: candidates }),
  );
  render(<VotePage />);
  expect(await screen.findByText('您已投票')).toBeTruthy();
  expect(screen.queryByText('提交选票')).toBeNull();
});
