import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../../server/entry/http';
import { errorOf, startTestServer, type TestServer } from '../support/harness';

/** What an outside attack run found at the edges of the local server, each closed at its cause. */
let t: TestServer;
let admin: string;
beforeAll(async () => {
  t = await startTestServer();
  await t.setClock('2026-03-02T01:00:00.000Z', true); // Monday 09:00 in Shanghai
  admin = await t.login('demo-T0001');
});
afterAll(() => t.stop());

describe('the settable clock', () => {
  it('takes years 2000–2099 only, so that no later answer fails on an impossible date', async () => {
    for (const now of ['+275760-09-12T23:59:30.000Z', '2100-01-01T00:00:00.000Z', '1999-12-31T23:59:59.999Z']) {
      const res = await t.post('dev.clock.set', { now });
      expect([now, res.status, errorOf(res).code]).toEqual([now, 400, 'INVALID_INPUT']);
    }
    await t.setClock('2099-12-31T15:00:00.000Z', true);
    expect((await t.call('reading.today', {}, admin)).status).toBe(200);
    await t.setClock('2026-03-02T01:00:00.000Z', true);
  });
});

describe('every answer in the envelope', () => {
  it('refuses a POST that is not JSON with 415, as a cross-site form or text/plain would send it', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', null]) {
      const headers: Record<string, string> = type ? { 'content-type': type } : {};
      const res = await fetch(`${t.url}/api/dev.clock.set`, {
        method: 'POST',
        headers,
        body: type === null ? undefined : JSON.stringify({ now: '2030-01-01T00:00:00.000Z' }),
      });
      const body = (await res.json()) as { ok: boolean; error: { code: string; message: string } };
      expect([type, res.status, body.ok, body.error.code]).toEqual([type, 415, false, 'INVALID_INPUT']);
      expect(body.error.message).toMatch(/JSON/);
    }
    const today = await t.ok('reading.today', {}, admin);
    expect(today.date).toBe('2026-03-02');
    // With a charset it is still JSON.
    const res = await fetch(`${t.url}/api/session.me`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', authorization: `Bearer ${admin}` },
      body: '{}',
    });
    expect(res.status).toBe(200);
  });

  it('answers an action name of any length, a bad URL and an unknown path in the envelope', async () => {
    for (const [path, status, code] of [
      [`/api/${'a'.repeat(150)}`, 404, 'NOT_FOUND'],
      [`/api/${'a'.repeat(5000)}`, 404, 'NOT_FOUND'],
      ['/api/%E0%A4%A', 400, 'INVALID_INPUT'],
      ['/api/', 404, 'NOT_FOUND'],
      ['/nowhere', 404, 'NOT_FOUND'],
    ] as const) {
      const res = await fetch(`${t.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' } });
      const body = (await res.json()) as { ok: boolean; error: { code: string; message: string } };
      expect([path.slice(0, 20), res.status, body.ok, body.error.code]).toEqual([
        path.slice(0, 20),
        status,
        false,
        code,
      ]);
      expect(Object.keys(body.error).sort()).toEqual(['code', 'message']);
    }
  });
});

describe('response headers', () => {
  it('say nosniff on API answers and allow no other origin', async () => {
    const res = await fetch(`${t.url}/api/session.me`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: '{}',
    });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('give the H5 pages a CSP that admits this server’s scripts and the page’s own inline script, and no framing', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tongxin-csp-'));
    const staticDir = mkdtempSync(join(tmpdir(), 'tongxin-h5-'));
    writeFileSync(join(staticDir, 'index.html'), '<html><script>var a=1;</script><body></body></html>');
    const server = await startServer({ port: 0, dataDir, staticDir, log: () => undefined });
    try {
      const res = await fetch(`${server.url}/`);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("default-src 'self'");
      // sha256 of "var a=1;"
      expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]{44}'/);
      expect(csp).not.toContain("'unsafe-eval'");
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    } finally {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(staticDir, { recursive: true, force: true });
    }
  });
});

describe('the data folder', () => {
  it('is 0700 and its files 0600, also when it was created open or restored from a backup', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tongxin-perm-'));
    const { chmodSync } = await import('node:fs');
    chmodSync(dataDir, 0o755);
    writeFileSync(join(dataDir, 'restored.txt'), 'x', { mode: 0o644 });
    const server = await startServer({ port: 0, dataDir, demo: true, log: () => undefined });
    try {
      const mode = (path: string) => statSync(path).mode & 0o777;
      expect(mode(dataDir)).toBe(0o700);
      for (const file of ['tongxin.db', 'restored.txt'])
        expect([file, mode(join(dataDir, file))]).toEqual([file, 0o600]);
    } finally {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('demo mode on another address', () => {
  it('warns that anyone who can reach the port can log in as anyone; loopback and --no-demo do not', async () => {
    const warned: string[] = [];
    for (const [host, demo] of [
      ['0.0.0.0', true],
      ['127.0.0.1', true],
      ['0.0.0.0', false],
    ] as const) {
      const dataDir = mkdtempSync(join(tmpdir(), 'tongxin-host-'));
      const server = await startServer({
        port: 0,
        host,
        dataDir,
        demo,
        warn: (m) => warned.push(`${host} ${demo} ${m}`),
      });
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
    expect(warned).toHaveLength(1);
    expect(warned[0]).toMatch(/^0\.0\.0\.0 true .*任何人都可以用演示登录冒充任何人/);
  });
});

describe('text that shows nothing', () => {
  it('is refused where a visible text is required, and cannot split a word past the content check', async () => {
    const organizer = await t.login('demo-T0003');
    const secretary = await t.login('demo-T0002');
    const event = await t.call(
      'volunteer.event.create',
      {
        title: '\u200B',
        content: '内容',
        place: '地点',
        startAt: '2026-03-05T09:00:00+08:00',
        endAt: '2026-03-05T12:00:00+08:00',
        signupDeadline: '2026-03-04T18:00:00+08:00',
        capacity: 5,
      },
      organizer,
    );
    expect(errorOf(event)).toMatchObject({ code: 'INVALID_INPUT', details: { fields: [{ field: 'title' }] } });
    const reading = await t.call(
      'reading.publish',
      { date: '2026-03-20', title: '晨读', body: '\u200B'.repeat(10), source: '' },
      secretary,
    );
    expect(errorOf(reading)).toMatchObject({ code: 'INVALID_INPUT', details: { fields: [{ field: 'body' }] } });
    const unit = await t.call('settings.update', { unitName: '\u0000' }, admin);
    expect(errorOf(unit)).toMatchObject({ code: 'INVALID_INPUT', details: { fields: [{ field: 'unitName' }] } });
    const bidi = await t.call('settings.update', { unitName: '\u202E\u2066\u00AD' }, admin);
    expect(errorOf(bidi).code).toBe('INVALID_INPUT');

    const split = await t.call(
      'reading.publish',
      { date: '2026-03-20', title: '晨读', body: '第一段\n赌\u200B博是违法的\n第三段', source: '' },
      secretary,
    );
    expect(errorOf(split)).toMatchObject({ code: 'RULE', details: { rule: 'content' } });
    expect(await t.server.store.collection('readings').count({ date: '2026-03-20' })).toBe(0);

    // What is kept is the visible text, newlines of a multi-line field included, lengths counted on it.
    const kept = await t.ok(
      'reading.publish',
      {
        date: '2026-03-20',
        title: '\u200B晨读\u200D',
        body: '第一段落的文字\u200B\r\n第二段落的文字\u202E',
        source: '',
      },
      secretary,
    );
    expect(kept.reading).toMatchObject({ title: '晨读', body: '第一段落的文字\n第二段落的文字' });
    const unitName = `${'单'.repeat(50)}${'\u200B'.repeat(20)}`; // 70 as sent, 50 as kept: within 60
    expect((await t.call('settings.update', { unitName }, admin)).status).toBe(200);
  });
});
