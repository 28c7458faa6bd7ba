import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { AppStore } from '../features';

/**
 * Signed session tokens of the local server: `base64url(payload).base64url(hmac)`. The payload
 * carries only the openid and the expiry; the secret lives in the store, so it survives restarts.
 */
export interface TokenSigner {
  sign(openid: string): string;
  verify(token: string): string | null;
}

export const TOKEN_TTL_MS = 30 * 24 * 60 * 60 * 1000;

export async function loadSecret(store: AppStore): Promise<string> {
  const meta = store.collection('meta');
  const existing = await meta.get('sessionSecret');
  if (existing) return existing.value;
  const value = randomBytes(32).toString('hex');
  try {
    await meta.insert({ _id: 'sessionSecret', value });
    return value;
  } catch {
    // Another process created it first: use theirs.
    const again = await meta.get('sessionSecret');
    if (!again) throw new Error('session secret could not be created');
    return again.value;
  }
}

export function createSigner(secret: string, now: () => number = Date.now): TokenSigner {
  const mac = (payload: string) => createHmac('sha256', secret).update(payload).digest('base64url');
  return {
    sign(openid) {
      const payload = Buffer.from(JSON.stringify({ o: openid, e: now() + TOKEN_TTL_MS })).toString('base64url');
      return `${payload}.${mac(payload)}`;
    },
    verify(token) {
      const [payload, signature, extra] = token.split('.');
      if (!payload || !signature || extra !== undefined || token.length > 512) return null;
      const expected = Buffer.from(mac(payload));
      const given = Buffer.from(signature);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
      try {
        const parsed: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
        if (typeof parsed !== 'object' || parsed === null) return null;
        const { o, e } = parsed as { o?: unknown; e?: unknown };
        if (typeof o !== 'string' || typeof e !== 'number' || e < now()) return null;
        return o;
      } catch {
        return null;
      }
    },
  };
}
