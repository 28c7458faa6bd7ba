import { rmSync } from 'node:fs';
import { contract } from '../../../src/core/contract';
import { HTTP_STATUS } from '../../../src/core/errors';
import { errorOf, startTestServer, type TestServer } from '../support/harness';

let t: TestServer;
let admin: string;
beforeAll(async () => {
  t = await startTestServer();
  admin = await t.login('demo-T0001');
});
afterAll(() => t.stop());

describe('schema messages', () => {
  it('are Chinese only: the field is named in details.fields, never in the message', async () => {
    const cases: [string, unknown, string][] = [
      ['honor.review', { nominationId: 'n-1', decision: 'reject' }, 'comment'],
      ['honor.object', { roundId: 'r-1', nominationId: 'n-1', text: '不对' }, 'text'],
      ['activity.results', { activityId: 'a-1', placings: [{ entryId: 'e-1', place: 0 }] }, 'placings.0.place'],
    ];
    for (const [action, input, field] of cases) {
      const error = errorOf(await t.post(action, input, admin));
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.message).not.toMatch(/[A-Za-z（）()]/);
      expect(error.details?.fields?.[0].field).toBe(field);
    }
  });
});

describe('the envelope', () => {
  it('answers success as { ok: true, data } with 200', async () => {
    const res = await t.call('session.me', {}, admin);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, data: { staff: { staffNo: 'T0001' } } });
  });

  it('answers an unknown action with NOT_FOUND', async () => {
    const res = await t.post('nope.nothing', {}, admin);
    expect(res.status).toBe(404);
    expect(errorOf(res).code).toBe('NOT_FOUND');
  });

  it('answers malformed JSON with INVALID_INPUT in the envelope', async () => {
    const res = await t.post('session.me', '{"unterminated": ', admin);
    expect(res.status).toBe(400);
    expect(errorOf(res)).toMatchObject({ code: 'INVALID_INPUT', message: '请求内容不是有效的 JSON' });
  });

  it('answers a body over the limit with INVALID_INPUT', async () => {
    const res = await t.post('staff.bind', { staffNo: 'T1', name: 'x'.repeat(3 * 1024 * 1024) }, admin);
    expect(res.status).toBe(400);
    expect(errorOf(res).code).toBe('INVALID_INPUT');
  });

  it('answers any other path with a NOT_FOUND envelope', async () => {
    const res = await fetch(`${t.url}/api/session.me`, { method: 'GET' });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('serves /healthz with the mode', async () => {
    const res = await fetch(`${t.url}/healthz`);
    expect(await res.json()).toEqual({ ok: true, demo: true, dev: true });
  });

  it('maps every code to its HTTP status as DESIGN.md §4 says', () => {
    expect(HTTP_STATUS).toEqual({
      INVALID_INPUT: 400,
      UNAUTHENTICATED: 401,
      FORBIDDEN: 403,
      NOT_FOUND: 404,
      CONFLICT: 409,
      RULE: 422,
      RATE_LIMITED: 429,
      INTERNAL: 500,
    });
  });
});

describe('hostile input to every action', () => {
  const hostile: unknown[] = [
    [],
    'text',
    42,
    { page: -1 },
    { q: { $gt: '' } },
    { staffId: { $ne: null } },
    { rows: 'x' },
    { date: '../../etc/passwd' },
    '{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}',
    { q: '\u0000'.repeat(100) },
    { nested: JSON.parse('['.repeat(500) + ']'.repeat(500)) as unknown },
  ];
  const actions = Object.keys(contract).filter((a) => !a.startsWith('dev.'));

  it.each(actions)('%s answers 4xx and never 500', async (action) => {
    for (const input of hostile) {
      const res = await t.post(action, input, admin);
      expect([action, JSON.stringify(input).slice(0, 40), res.status < 500]).toEqual([
        action,
        JSON.stringify(input).slice(0, 40),
        true,
      ]);
      if (!res.body.ok) expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    // The roster the hostile calls aimed at is unchanged.
    const roster = await t.ok('staff.list', { status: 'all' }, admin);
    expect(roster.total).toBe(40);
    expect((await t.ok('session.me', {}, admin)).roles).toEqual(['staff', 'admin']);
  });
});

describe('dev actions', () => {
  it('exist as the mode says, in every combination: the login only in demo mode, the clock only with --dev', async () => {
    const exists = (status: number) => status !== 404;
    const seen: Record<string, boolean[]> = {};
    for (const demo of [false, true]) {
      for (const dev of [false, true]) {
        const server = await startTestServer({ demo, dev });
        try {
          seen[`demo=${demo} dev=${dev}`] = [
            exists((await server.post('dev.login', { openid: 'demo-T0001' })).status),
            exists((await server.post('dev.identities', {})).status),
            exists((await server.post('dev.clock.set', { now: '2026-01-01T00:00:00Z' })).status),
            exists((await server.post('dev.clock.reset', {})).status),
          ];
          expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ ok: true, demo, dev });
        } finally {
          await server.stop();
        }
      }
    }
    expect(seen).toEqual({
      'demo=false dev=false': [false, false, false, false],
      'demo=false dev=true': [false, false, true, true],
      'demo=true dev=false': [true, true, false, false],
      'demo=true dev=true': [true, true, true, true],
    });
  });

  it('listens on 127.0.0.1 only unless told otherwise', () => {
    expect(t.server.app.server.address()).toMatchObject({ address: '127.0.0.1' });
  });

  it('the dev clock is what rules read, flowing or frozen, until reset', async () => {
    const set = await t.ok('dev.clock.set', { now: '2026-03-02T07:30:00+08:00', freeze: true });
    expect(set).toEqual({ now: '2026-03-01T23:30:00.000Z', frozen: true });
    const target = (await t.ok('staff.list', { q: 'T0019' }, admin)).items[0];
    await t.ok('staff.setRoles', { staffId: target.id, roles: [] }, admin);
    expect((await t.ok('audit.list', {}, admin)).items[0].at).toBe('2026-03-01T23:30:00.000Z');
    const reset = await t.ok('dev.clock.reset', {});
    expect(Math.abs(Date.parse(reset.now) - Date.now())).toBeLessThan(60_000);
  });
});

describe('INTERNAL', () => {
  it('answers a failure inside with INTERNAL, a request id, and no stack trace', async () => {
    const logged: { requestId: string; action: string }[] = [];
    const broken = await startTestServer({ log: (entry) => logged.push(entry) });
    const token = await broken.login('demo-T0001');
    await broken.server.store.close(); // the store fails under the running server
    try {
      const res = await broken.post('session.me', {}, token);
      expect(res.status).toBe(500);
      const error = errorOf(res);
      expect(error.code).toBe('INTERNAL');
      expect(error.details?.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts|Error:|sqlite/i);
      expect(logged).toEqual([expect.objectContaining({ requestId: error.details?.requestId, action: 'session.me' })]);
    } finally {
      await broken.server.app.close();
      rmSync(broken.dataDir, { recursive: true, force: true });
    }
  });
});
