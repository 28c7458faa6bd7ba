import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { setTransport } from '@/api/client';
import { clearToken, setToken } from '@/api/token';
import { BindPage } from '@/features/bind/BindPage';
import { resetSession } from '@/features/session/session';
import { boundMe, fail, type FakeServer, fakeServer, ok, unboundMe } from '../../support/fake-server';

let server: FakeServer;
let reLaunch: jest.SpyInstance;

beforeEach(() => {
  server = fakeServer();
  setTransport(server.transport);
  setToken('demo-token');
  resetSession();
  reLaunch = jest.spyOn(Taro, 'reLaunch').mockResolvedValue({ errMsg: 'reLaunch:ok' });
});

afterEach(() => {
  reLaunch.mockRestore();
  clearToken();
});

/** Taro's Input renders a real <input> inside <taro-input-core> a tick later; typing fires its input event. */
async function type(placeholder: string, value: string) {
  const input = await waitFor(() => {
    const found = document.querySelector<HTMLInputElement>(`input[placeholder="${placeholder}"]`);
    if (!found) throw new Error(`no input with placeholder ${placeholder}`);
    return found;
  });
  fireEvent.input(input, { target: { value } });
}

async function openForm() {
  server.on('session.me', () => ok(unboundMe));
  render(<BindPage />);
  await screen.findByText('绑定工号');
}

function bindCalls() {
  return server.calls.filter((c) => c.action === 'staff.bind');
}

test('an empty form is refused on the client with the shared schema’s messages', async () => {
  await openForm();
  fireEvent.click(screen.getByText('绑定'));
  expect(await screen.findByText('请填写工号')).toBeTruthy();
  expect(screen.getByText('请填写姓名')).toBeTruthy();
  expect(bindCalls()).toHaveLength(0);
});

test('a malformed staff number is refused before anything is sent', async () => {
  await openForm();
  await type('请输入工号', 'T 00!');
  await type('请输入姓名', '孙丽');
  fireEvent.click(screen.getByText('绑定'));
  expect(await screen.findByText('工号只能包含字母、数字、下划线和短横线')).toBeTruthy();
  expect(screen.queryByText('请填写姓名')).toBeNull();
  expect(bindCalls()).toHaveLength(0);
});

test('the server’s Chinese message is shown when the number is already bound', async () => {
  await openForm();
  server.on('staff.bind', () => fail('CONFLICT', '该工号已绑定其他微信，请联系办公室'));
  await type('请输入工号', 'T0031');
  await type('请输入姓名', '孙丽');
  fireEvent.click(screen.getByText('绑定'));
  expect(await screen.findByText('该工号已绑定其他微信，请联系办公室')).toBeTruthy();
  expect(reLaunch).not.toHaveBeenCalled();
});

test('too many wrong attempts show the rate-limit message and keep the form', async () => {
  await openForm();
  server.on('staff.bind', () => fail('RATE_LIMITED', '错误次数过多，请 1 小时后再试'));
  await type('请输入工号', 'T0031');
  await type('请输入姓名', '孙力');
  fireEvent.click(screen.getByText('绑定'));
  expect(await screen.findByText('错误次数过多，请 1 小时后再试')).toBeTruthy();
  expect(screen.getByText('绑定')).toBeTruthy();
});

test('a successful bind sends the normalised number and relaunches to the home page', async () => {
  await openForm();
  server.on('staff.bind', () => ok({ staff: boundMe().staff }));
  await type('请输入工号', ' t0031 ');
  await type('请输入姓名', '孙丽');
  fireEvent.click(screen.getByText('绑定'));
  await waitFor(() => expect(reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' }));
  expect(bindCalls()).toEqual([{ action: 'staff.bind', input: { staffNo: 'T0031', name: '孙丽' } }]);
});

test('someone already bound is sent to the home page instead of the form', async () => {
  server.on('session.me', () => ok(boundMe()));
  render(<BindPage />);
  await waitFor(() => expect(reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' }));
  expect(screen.queryByText('绑定工号')).toBeNull();
});

test('a browser without a token goes to the demo login page', async () => {
  clearToken();
  render(<BindPage />);
  await waitFor(() => expect(reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' }));
  expect(server.calls).toHaveLength(0);
});

test('a failing session check shows the server’s message with a retry', async () => {
  server.on('session.me', () => fail('INTERNAL', '系统繁忙，请稍后再试'));
  render(<BindPage />);
  expect(await screen.findByText('系统繁忙，请稍后再试')).toBeTruthy();
  server.on('session.me', () => ok(unboundMe));
  await act(async () => {
    fireEvent.click(screen.getByText('重试'));
  });
  expect(await screen.findByText('绑定工号')).toBeTruthy();
});
