import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro, { Current } from '@tarojs/taro';
import { setTransport } from '@/api/client';
import { clearToken, setToken } from '@/api/token';
import { NominatePage } from '@/features/honor/NominatePage';
import { resetSession } from '@/features/session/session';
import { boundMe, type FakeServer, fakeServer, ok } from '../../support/fake-server';
import { honorRound, nomination } from './fixtures';

const DEEDS = '陈静同志多年坚持帮扶社区困难老人，每周上门送菜、打扫卫生，从不间断，邻里交口称赞。';

let server: FakeServer;

beforeEach(() => {
  server = fakeServer();
  setTransport(server.transport);
  setToken('demo-token');
  resetSession();
  server.on('session.me', () => ok(boundMe()));
  server.on('honor.round.get', () => ok({ round: honorRound({ phase: 'nominating' }) }));
  server.on('staff.search', () =>
    ok({
      items: [
        { id: 's-31', name: '孙丽', department: '国库科' },
        { id: 's-5', name: '陈静', department: '办公室' },
      ],
    }),
  );
  Current.router = {
    params: { roundId: 'r-1' },
    path: '/subpackages/honor/nominate/index',
    onReady: '',
    onHide: '',
    onShow: '',
    shareTicket: undefined,
    scene: undefined,
  };
  jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' });
});

afterEach(() => {
  jest.restoreAllMocks();
  clearToken();
  localStorage.clear();
});

const sent = (action: string) => server.calls.filter((c) => c.action === action);

async function field(selector: string): Promise<HTMLInputElement | HTMLTextAreaElement> {
  return waitFor(() => {
    const found = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector);
    if (!found) throw new Error(`no ${selector}`);
    return found;
  });
}

async function type(selector: string, value: string): Promise<void> {
  fireEvent.input(await field(selector), { target: { value } });
}

test('finds a colleague (never myself), and sends a checked nomination', async () => {
  server.on('honor.nominate', () => ok({ nomination: nomination('n-1', 's-5', '陈静'), seconded: true }));
  render(<NominatePage />);
  await type('input[placeholder="输入姓名或工号"]', '陈');
  fireEvent.click(await screen.findByText('查找'));
  fireEvent.click(await screen.findByText('陈静'));
  expect(sent('staff.search')).toEqual([{ action: 'staff.search', input: { q: '陈' } }]);
  expect(screen.queryByText('孙丽')).toBeNull();
  fireEvent.click(screen.getByText('职业道德'));
  await type('textarea', DEEDS);
  fireEvent.click(screen.getByText('提交推荐'));
  expect(await screen.findByText(/已被其他同事推荐，您的推荐已记为附议/)).toBeTruthy();
  expect(sent('honor.nominate')).toEqual([
    {
      action: 'honor.nominate',
      input: { roundId: 'r-1', nomineeStaffId: 's-5', kind: 'peer', category: '职业道德', deeds: DEEDS, photos: [] },
    },
  ]);
});

test('points at what is missing before sending anything', async () => {
  render(<NominatePage />);
  fireEvent.click(await screen.findByText('提交推荐'));
  expect(await screen.findByText('请选择被推荐的同事')).toBeTruthy();
  fireEvent.click(screen.getByText('个人自荐'));
  expect(await screen.findByText('孙丽（本人）')).toBeTruthy();
  await type('textarea', '太短了');
  fireEvent.click(screen.getByText('提交推荐'));
  expect(await screen.findByText('事迹至少 30 个字')).toBeTruthy();
  expect(sent('honor.nominate')).toHaveLength(0);
});

test('offers 党团组织举荐 to secretaries only', async () => {
  const { unmount } = render(<NominatePage />);
  await screen.findByText('民主推荐');
  expect(screen.queryByText('党团组织举荐')).toBeNull();
  unmount();
  resetSession();
  server.on('session.me', () => ok(boundMe({ roles: ['staff', 'secretary'] })));
  render(<NominatePage />);
  expect(await screen.findByText('党团组织举荐')).toBeTruthy();
});

test('says so when nominations are closed', async () => {
  server.on('honor.round.get', () => ok({ round: honorRound({ phase: 'reviewing' }) }));
  render(<NominatePage />);
  expect(await screen.findByText('推荐未开放')).toBeTruthy();
  expect(screen.queryByText('提交推荐')).toBeNull();
});

test("shows every problem at once under its field, and a field's message goes as soon as it changes", async () => {
  render(<NominatePage />);
  fireEvent.click(await screen.findByText('提交推荐'));
  expect(await screen.findByText('请选择被推荐的同事')).toBeTruthy();
  expect(screen.getByText(/事迹.*30/)).toBeTruthy();
  await type('textarea', DEEDS);
  await waitFor(() => expect(screen.queryByText(/事迹.*30/)).toBeNull());
  expect(screen.getByText('请选择被推荐的同事')).toBeTruthy();
  expect(sent('honor.nominate')).toHaveLength(0);
});

test('keeps a half-written story on the device and offers it back', async () => {
  const first = render(<NominatePage />);
  await type('textarea', DEEDS);
  first.unmount();
  render(<NominatePage />);
  expect(await screen.findByText('已恢复上次未提交的内容。')).toBeTruthy();
  expect((await field('textarea')).value).toBe(DEEDS);
  fireEvent.click(screen.getByText('清空重写'));
  await waitFor(() => expect(screen.queryByText('已恢复上次未提交的内容。')).toBeNull());
});
