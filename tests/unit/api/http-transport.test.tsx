import { httpTransport } from '@/api/transport';

// jsdom has no fetch; each test installs the answer the "network" gives.
const realFetch = global.fetch;
afterEach(() => {
  global.fetch = realFetch;
});

function answer(status: number, body: string) {
  const fetchMock = jest.fn(
    async () => new Response(body, { status, headers: { 'Content-Type': 'application/json' } }),
  );
  global.fetch = fetchMock as unknown as typeof fetch;
  return fetchMock;
}

test('posts the input as JSON with the bearer token and returns the envelope', async () => {
  const fetchMock = answer(200, JSON.stringify({ ok: true, data: { token: 'x' } }));
  const res = await httpTransport.call('dev.login', { openid: 'demo-T0001' }, 'tok');
  expect(res).toEqual({ ok: true, data: { token: 'x' } });
  expect(fetchMock).toHaveBeenCalledWith('/api/dev.login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: 'Bearer tok' },
    body: JSON.stringify({ openid: 'demo-T0001' }),
  });
});

test('an error status still yields the server’s envelope and message', async () => {
  answer(409, JSON.stringify({ ok: false, error: { code: 'CONFLICT', message: '该工号已被绑定' } }));
  expect(await httpTransport.call('staff.bind', {}, 'tok')).toEqual({
    ok: false,
    error: { code: 'CONFLICT', message: '该工号已被绑定' },
  });
});

test('a non-JSON answer (e.g. a proxy error page) becomes a Chinese network error', async () => {
  answer(502, '<html>Bad Gateway</html>');
  const res = await httpTransport.call('session.me', {}, null);
  expect(res.ok).toBe(false);
  expect(!res.ok && res.error).toMatchObject({ code: 'INTERNAL', message: '网络异常，请稍后重试' });
});

test('a failed connection becomes a Chinese network error instead of a throw', async () => {
  global.fetch = jest.fn(async () => {
    throw new TypeError('Failed to fetch');
  }) as unknown as typeof fetch;
  const res = await httpTransport.call('session.me', {}, null);
  expect(!res.ok && res.error.message).toBe('网络异常，请稍后重试');
  const h = await httpTransport.health();
  expect(!h.ok && h.error.code).toBe('INTERNAL');
});

test('healthz reports demo mode', async () => {
  answer(200, JSON.stringify({ ok: true, demo: true, dev: false }));
  expect(await httpTransport.health()).toEqual({ ok: true, data: { ok: true, demo: true, dev: false } });
});
