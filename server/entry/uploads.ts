import { randomBytes } from 'node:crypto';
import { createReadStream, mkdirSync } from 'node:fs';
import { stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { MAX_PHOTO_BYTES } from '../../src/core/honor/rules';
import { AppError, HTTP_STATUS } from '../../src/core/errors';
import type { AppStore } from '../features';

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
/** Per identity and hour: plenty for a few nominations, not enough to fill a disk. */
const UPLOADS_PER_HOUR = 60;

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
}

function fail(reply: FastifyReply, error: AppError) {
  return reply.status(HTTP_STATUS[error.code]).send({ ok: false, error: error.toApiError() });
}

export async function registerUploads(app: FastifyInstance, options: UploadOptions): Promise<void> {
  mkdirSync(options.dir, { recursive: true });
  const recent = new Map<string, number[]>();

  async function member(header: string | undefined): Promise<string | null> {
    if (!header?.startsWith('Bearer ')) return null;
    const openid = options.verify(header.slice('Bearer '.length).trim());
    if (!openid) return null;
    const [staff] = await options.store.collection('staff').find({ openid }, { limit: 1 });
    return staff?.active ? openid : null;
  }

  function allow(openid: string): boolean {
    const now = Date.now();
    const times = (recent.get(openid) ?? []).filter((t) => now - t < 3600_000);
    if (times.length >= UPLOADS_PER_HOUR) return false;
    times.push(now);
    recent.set(openid, times);
    return true;
  }

  // An own scope: raw bodies up to the photo limit here, JSON everywhere else.
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_PHOTO_BYTES }, (_req, body, done) =>
      done(null, body),
    );
    scope.setErrorHandler((error: FastifyError, _req, reply) => {
      const appError =
        error instanceof AppError
          ? error
          : error.statusCode === 413
            ? new AppError('INVALID_INPUT', '图片不能超过 2 MB')
            : error.statusCode && error.statusCode < 500
              ? new AppError('INVALID_INPUT', '上传格式有误')
              : new AppError('INTERNAL');
      return fail(reply, appError);
    });
    scope.post('/upload', async (req, reply) => {
      const openid = await member(req.headers.authorization);
      if (!openid) return fail(reply, new AppError('UNAUTHENTICATED', '请先登录并绑定工号'));
      const body = req.body;
      if (!Buffer.isBuffer(body) || body.length === 0)
        return fail(reply, new AppError('INVALID_INPUT', '请选择要上传的图片'));
      const ext = sniffImage(body);
      if (!ext) return fail(reply, new AppError('INVALID_INPUT', '只支持 JPG、PNG 或 WebP 格式的图片'));
      const declared = String(req.headers['content-type'] ?? '')
        .split(';')[0]
        .trim()
        .toLowerCase();
      if (declared !== TYPES[ext] && !(ext === 'jpg' && declared === 'image/jpg')) {
        return fail(reply, new AppError('INVALID_INPUT', '图片类型与内容不符'));
      }
      if (!allow(openid)) return fail(reply, new AppError('RATE_LIMITED', '上传过于频繁，请稍后再试'));
      const name = `${randomBytes(12).toString('hex')}.${ext}`;
      await writeFile(join(options.dir, name), body, { flag: 'wx' });
      return reply.send({ ok: true, data: { fileId: `upload:${name}`, url: `/uploads/${name}` } });
    });
  });

  app.get<{ Params: { name: string } }>('/uploads/:name', async (req, reply) => {
    const { name } = req.params;
    const missing = new AppError('NOT_FOUND', '图片不存在');
    if (!NAME_RE.test(name)) return fail(reply, missing);
    const path = join(options.dir, name);
    try {
      await stat(path);
    } catch {
      return fail(reply, missing);
    }
    const ext = name.slice(name.lastIndexOf('.') + 1) as Ext;
    return reply
      .type(TYPES[ext])
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('x-content-type-options', 'nosniff')
      .send(createReadStream(path));
  });
}
