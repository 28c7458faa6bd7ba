import { render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { Text } from '@tarojs/components';
import { setTransport } from '@/api/client';
import { clearToken, getToken, setToken } from '@/api/token';
import { loadSession, resetSession, serverNow } from '@/features/session/session';
import { SessionGate } from '@/features/session/SessionGate';
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
  jest.restoreAllMocks();
  clearToken();
});

function Protected() {
  return <SessionGate>{(me) => <Text>欢迎 {me.staff.name}</Text>}</SessionGate>;
}

test('a bound, active member sees the page', async () => {
  server.on('session.me', () => ok(boundMe()));
  render(<Protected />);
  expect(await screen.findByText('欢迎 孙丽')).toBeTruthy();
  expect(reLaunch).not.toHaveBeenCalled();
});

test('an unbound identity is relaunched to the bind page and sees nothing else', async () => {
  server.on('session.me', () => ok(unboundMe));
  render(<Protected />);
  await waitFor(() => expect(reLaunch).toHaveBeenCalledWith({ url: '/pages/bind/index' }));
  expect(screen.queryByText(/欢迎/)).toBeNull();
});

test('a deactivated member gets a clear stop', async () => {
  server.on('session.me', () => ok(boundMe({ active: false })));
  render(<Protected />);
  expect(await screen.findByText('账号已停用，请联系办公室')).toBeTruthy();
  expect(screen.queryByText(/欢迎/)).toBeNull();
});

test('a stale token is dropped and the demo login is offered', async () => {
  server.on('session.me', () => fail('UNAUTHENTICATED', '登录已失效'));
  render(<Protected />);
  await waitFor(() => expect(reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' }));
  expect(getToken()).toBeNull();
});

test('without demo mode a browser without a token is told so, not redirected', async () => {
  clearToken();
  server = fakeServer({ ok: true, demo: false, dev: false });
  setTransport(server.transport);
  render(<Protected />);
  expect(await screen.findByText('浏览器版未开启演示模式，请在微信中打开“同心”小程序')).toBeTruthy();
  expect(reLaunch).not.toHaveBeenCalled();
});

test('one session.me serves every page that mounts', async () => {
  server.on('session.me', () => ok(boundMe()));
  render(
    <>
      <Protected />
      <Protected />
    </>,
  );
  expect(await screen.findAllByText('欢迎 孙丽')).toHaveLength(2);
  expect(server.calls.filter((c) => c.action === 'session.me')).toHaveLength(1);
});

test("the app's 'now' follows the server's clock, not the phone's", async () => {
  const serverTime = '2030-01-02T03:04:05.000Z';
  server.on('session.me', () => ok({ ...boundMe(), now: serverTime }));
  await loadSession(true);
  expect(Math.abs(serverNow().getTime() - Date.parse(serverTime))).toBeLessThan(5_000);
});
