/**
 * The WeChat mini-program code of the on-site screen (wxacode.getUnlimited): its `scene` carries the
 * event and the current 6-digit code, and scanning it with the phone's camera opens the event page
 * with `?scene=` (URL-encoded by WeChat). The scene is at most 32 characters of WeChat's set, so it
 * is `<eventId>.<code>`: an id of up to 25 characters fits (the server's ids are 24 hex digits).
 */

/** The event page, without the leading slash WeChat's `page` parameter refuses: the page the code opens. */
export const SCENE_PAGE = 'subpackages/volunteer/event/index';

export const SCENE_MAX_LENGTH = 32;

const SCENE = /^([A-Za-z0-9_-]{1,25})\.(\d{6})$/;

export interface ScannedCode {
  eventId: string;
  code: string;
}

/** The scene for an event's current code, or null when the id cannot fit WeChat's 32 characters. */
export function codeScene(eventId: string, code: string): string | null {
  const scene = `${eventId}.${code}`;
  return SCENE.test(scene) ? scene : null;
}

/**
 * What a page's `scene` query holds, or null for anything that is not one of our scenes: WeChat hands
 * it URL-encoded, a forged link may hold a broken escape, an overlong or foreign value.
 */
export function parseCodeScene(raw: string | undefined | null): ScannedCode | null {
  if (!raw || raw.length > SCENE_MAX_LENGTH * 3) return null;
  let scene: string;
  try {
    scene = decodeURIComponent(raw);
  } catch {
    return null;
  }
  if (scene.length > SCENE_MAX_LENGTH) return null;
  const m = SCENE.exec(scene);
  return m ? { eventId: m[1], code: m[2] } : null;
}

/**
 * A mini-program code scanned from inside the app (`scanCode` answers its page and query as `path`):
 * the scene out of that query, when the path is our event page.
 */
export function parseScannedPath(path: string | undefined): ScannedCode | null {
  if (!path) return null;
  const [page, query = ''] = path.replace(/^\//, '').split('?', 2);
  if (page !== SCENE_PAGE) return null;
  const pair = query.split('&').find((part) => part.startsWith('scene='));
  return pair ? parseCodeScene(pair.slice('scene='.length)) : null;
}
