import { randomBytes } from 'node:crypto';
import { createReadStream, mkdirSync } from 'node:fs';
import { stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { MAX_PHOTO_BYTES } from '../../src/core/honor/rules';
import { AppError } from '../../src/core/errors';
import type { AppStore } from '../features';
import { admitUpload } from '../features/honor';
import type { Clock } from '../kernel/clock';
import type { StaffDoc } from '../kernel/member';
import { send, useEnvelope } from './envelope';

/**
 * Photo uploads of the local server (好人榜 deeds photos). The cloud build never sees this: on weapp
 * the client uploads to CloudBase storage itself and passes the `cloud://` file id.
 *
 * POST /upload takes the image as the raw body (Content-Type image/jpeg, image/png or image/webp; no
 * multipart, so no extra package), checks its magic bytes and size, stores it under
 * `<dataDir>/uploads/<random>.<ext>` and answers `{ fileId: 'upload:<random>.<ext>', url }`.
 * GET /uploads/<name> serves it back: names are 96 random bits, and the photos are shown to colleagues.
 */

const TYPES = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' } as const;
type Ext = keyof typeof TYPES;
const NAME_RE = /^[0-9a-f]{24}\.(jpg|png|webp)$/;

export function sniffImage(body: Buffer): Ext | null {
  if (body.length >= 3 && body[0] === 0xff && body[1] === 0xd8 && body[2] === 0xff) return 'jpg';
  if (body.length >= 8 && body.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'png';
  if (body.length >= 12 && body.toString('latin1', 0, 4) === 'RIFF' && body.toString('latin1', 8, 12) === 'WEBP')
    return 'webp';
  return null;
}

export interface UploadOptions {
  /** Folder the photos go to (created if missing). */
  dir: string;
  store: AppStore;
  /** The openid inside a session token, or null. */
  verify(token: string): string | null;
  clock: Clock;
}

export async function registerUploads(app: FastifyInstance, options: UploadOptions): Promise<void> {
  mkdirSync(options.dir, { recursive: true, mode: 0o700 });

  async function member(header: string | undefined): Promise<StaffDoc | null> {
    if (!header?.startsWith('Bearer ')) return null;
    const openid = options.verify(header.slice('Bearer '.length).trim());
    if (!openid) return null;
    const [staff] = await options.store.collection('staff').find({ openid }, { limit: 1 });
    return staff?.active ? staff : null;
  }

  // An own scope: raw bodies up to the photo limit here, JSON everywhere else.
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_PHOTO_BYTES }, (_req, body, done) =>
      done(null, body),
    );
    useEnvelope(scope, { tooLarge: '图片不能超过 2 MB', malformed: '上传格式有误' });
    scope.post('/upload', async (req, reply) => {
      const staff = await member(req.headers.authorization);
      if (!staff) return send(reply, new AppError('UNAUTHENTICATED', '请先登录并绑定工号'));
      const body = req.body;
      if (!Buffer.isBuffer(body) || body.length === 0)
        return send(reply, new AppError('INVALID_INPUT', '请选择要上传的图片'));
      const ext = sniffImage(body);
      if (!ext) return send(reply, new AppError('INVALID_INPUT', '只支持 JPG、PNG 或 WebP 格式的图片'));
      const declared = String(req.headers['content-type'] ?? '')
        .split(';')[0]
        .trim()
        .toLowerCase();
      if (declared !== TYPES[ext] && !(ext === 'jpg' && declared === 'image/jpg')) {
        return send(reply, new AppError('INVALID_INPUT', '图片类型与内容不符'));
      }
      const name = `${randomBytes(12).toString('hex')}.${ext}`;
      // Limits live in the store (per member and hour, per unit in all): they outlive a restart.
      await admitUpload(options.store, { name, staffId: staff._id, bytes: body.length }, options.clock.now());
      await writeFile(join(options.dir, name), body, { flag: 'wx', mode: 0o600 });
      return reply.send({ ok: true, data: { fileId: `upload:${name}`, url: `/uploads/${name}` } });
    });
  });

  app.get<{ Params: { name: string } }>('/uploads/:name', async (req, reply) => {
    const { name } = req.params;
    const missing = new AppError('NOT_FOUND', '图片不存在');
    if (!NAME_RE.test(name)) return send(reply, missing);
    const path = join(options.dir, name);
    try {
      await stat(path);
    } catch {
      return send(reply, missing);
    }
    const ext = name.slice(name.lastIndexOf('.') + 1) as Ext;
    return reply
      .type(TYPES[ext])
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('x-content-type-options', 'nosniff')
      .send(createReadStream(path));
  });
}
