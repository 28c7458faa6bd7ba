import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../../server/entry/http';
import { UNIT_PHOTO_BYTES, UPLOADS_PER_HOUR } from '../../../server/features/honor';
import { startTestServer, type TestServer } from '../support/harness';
import { HonorDriver } from './support';

let t: TestServer;
let h: HonorDriver;
beforeAll(async () => {
  t = await startTestServer();
  h = new HonorDriver(t);
});
afterAll(() => t.stop());

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 1)]);
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBP'), Buffer.alloc(32, 3)]);

async function upload(body: Buffer, type: string, token: string | null) {
  const headers: Record<string, string> = { 'content-type': type };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${t.url}/upload`, { method: 'POST', headers, body: new Uint8Array(body) });
  return {
    status: res.status,
    body: (await res.json()) as {
      ok: boolean;
      data?: { fileId: string; url: string };
      error?: { code: string; message: string };
    },
  };
}

const stored = () => (existsSync(join(t.dataDir, 'uploads')) ? readdirSync(join(t.dataDir, 'uploads')) : []);

describe('photo uploads on the local server', () => {
  it('stores a checked image under the data folder and serves it back', async () => {
    const token = await h.as('T0010');
    for (const [body, type, ext] of [
      [PNG, 'image/png', 'png'],
      [JPEG, 'image/jpeg', 'jpg'],
      [WEBP, 'image/webp', 'webp'],
    ] as const) {
      const res = await upload(body, type, token);
      expect(res.status).toBe(200);
      const fileId = res.body.data!.fileId;
      expect(fileId).toMatch(new RegExp(`^upload:[0-9a-f]{24}\\.${ext}$`));
      const served = await fetch(`${t.url}${res.body.data!.url}`);
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).toBe(type);
      expect(Buffer.from(await served.arrayBuffer()).equals(body)).toBe(true);
    }
    expect(stored()).toHaveLength(3);
  });

  it('refuses strangers, wrong types, disguised files and oversized images, and stores nothing', async () => {
    const token = await h.as('T0010');
    const before = stored().length;
    const cases: [Buffer, string, string | null, number, string][] = [
      [PNG, 'image/png', null, 401, 'UNAUTHENTICATED'],
      [PNG, 'image/png', 'not-a-token', 401, 'UNAUTHENTICATED'],
      [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'image/svg+xml', token, 400, 'INVALID_INPUT'],
      [Buffer.from('plain text pretending'), 'image/jpeg', token, 400, 'INVALID_INPUT'],
      [JPEG, 'image/png', token, 400, 'INVALID_INPUT'],
      [Buffer.alloc(0), 'image/png', token, 400, 'INVALID_INPUT'],
      [Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]), 'image/png', token, 400, 'INVALID_INPUT'],
    ];
    for (const [body, type, who, status, code] of cases) {
      const res = await upload(body, type, who);
      expect([type, body.length, res.status, res.body.error?.code]).toEqual([type, body.length, status, code]);
    }
    expect(
      (await upload(Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]), 'image/png', token)).body.error?.message,
    ).toBe('图片不能超过 2 MB');
    expect(stored()).toHaveLength(before);
  });

  it('serves nothing outside the uploads folder', async () => {
    for (const path of ['/uploads/..%2Ftongxin.db', '/uploads/tongxin.db', '/uploads/0123456789abcdef01234567.png']) {
      expect((await fetch(`${t.url}${path}`)).status).toBe(404);
    }
  });

  it('gives file ids that a nomination accepts as photos', async () => {
    const token = await h.as('T0010');
    const { fileId } = (await upload(PNG, 'image/png', token)).body.data!;
    const round = await h.open();
    const n = await h.nominate(round.id, 'T0010', 'T0011', { photos: [fileId] });
    expect(n.photos).toEqual([fileId]);
    // The JSON API beside the raw upload route still parses its own bodies.
    expect((await t.call('honor.round.get', { roundId: round.id }, token)).status).toBe(200);
  });
});

describe('upload limits kept in the store', () => {
  it('holds 60 an hour per member across a restart, and frees them an hour later', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tongxin-upload-limit-'));
    let now = new Date('2026-03-02T01:00:00.000Z');
    const clock = { now: () => now };
    const start = () => startServer({ port: 0, dataDir, demo: true, clock, log: () => undefined });
    const send = async (url: string, token: string) =>
      (
        await fetch(`${url}/upload`, {
          method: 'POST',
          headers: { 'content-type': 'image/png', authorization: `Bearer ${token}` },
          body: new Uint8Array(PNG),
        })
      ).status;
    let server = await start();
    try {
      const token = await loginOn(server.url, 'demo-T0012');
      for (let i = 0; i < UPLOADS_PER_HOUR; i++) expect(await send(server.url, token)).toBe(200);
      await server.close();
      server = await start();
      expect(await send(server.url, token)).toBe(429);
      expect(await send(server.url, await loginOn(server.url, 'demo-T0013'))).toBe(200);
      now = new Date(now.getTime() + 60 * 60 * 1000 + 1);
      expect(await send(server.url, token)).toBe(200);
    } finally {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses a photo past the unit’s quota with a message that says whom to ask, and stores nothing', async () => {
    const token = await h.as('T0014');
    await t.server.store.collection('photoQuota').remove({ _id: 'unit' });
    await t.server.store.collection('photoQuota').insert({ _id: 'unit', count: 0, bytes: UNIT_PHOTO_BYTES - 10 });
    const before = stored().length;
    const res = await upload(PNG, 'image/png', token);
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'RULE', message: '本单位的照片存储空间已满，请联系办公室' });
    expect(stored()).toHaveLength(before);
    expect(await t.server.store.collection('photoUploads').count({ staffId: await h.staffId('T0014') })).toBe(0);
    await t.server.store.collection('photoQuota').update({ _id: 'unit' }, { set: { bytes: 0 } });
    expect((await upload(PNG, 'image/png', token)).status).toBe(200);
  });
});

async function loginOn(url: string, openid: string): Promise<string> {
  const res = await fetch(`${url}/api/dev.login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ openid }),
  });
  return ((await res.json()) as { data: { token: string } }).data.token;
}
