import {
  codeScene,
  parseCodeScene,
  parseScannedPath,
  SCENE_MAX_LENGTH,
  SCENE_PAGE,
} from '../../../src/core/volunteer/scene';

/** The scene of the on-site WeChat code: WeChat's 32 characters, and whatever a forged link may hold. */

const ID = '0123456789abcdef01234567'; // the server's ids: 24 hex digits

describe('codeScene', () => {
  it('carries a server id and the code within WeChat’s 32 characters', () => {
    const scene = codeScene(ID, '004217');
    expect(scene).toBe(`${ID}.004217`);
    expect(scene!.length).toBeLessThanOrEqual(SCENE_MAX_LENGTH);
  });

  it('refuses an id that cannot fit', () => {
    expect(codeScene('a'.repeat(26), '004217')).toBeNull();
    expect(codeScene('a'.repeat(25), '004217')).toHaveLength(32);
  });
});

describe('parseCodeScene', () => {
  it('reads the scene back, raw or URL-encoded as WeChat hands it to the page', () => {
    expect(parseCodeScene(`${ID}.004217`)).toEqual({ eventId: ID, code: '004217' });
    expect(parseCodeScene(encodeURIComponent(`${ID}.004217`))).toEqual({ eventId: ID, code: '004217' });
    expect(parseCodeScene(`${ID}%2E004217`)).toEqual({ eventId: ID, code: '004217' });
  });

  it.each([
    ['nothing', undefined],
    ['empty', ''],
    ['a broken escape', `${ID}.00421%E0%A4%A`],
    ['a lone surrogate escape', '%ED%A0%80.004217'],
    ['too long', `${'a'.repeat(30)}.004217`],
    ['very long', 'a'.repeat(100_000)],
    ['a short code', `${ID}.04217`],
    ['letters in the code', `${ID}.00421x`],
    ['no separator', `${ID}004217`],
    ['a path in the id', '../admin.004217'],
    ['a foreign scene', 'invite=abc'],
  ])('refuses %s', (_name, raw) => {
    expect(parseCodeScene(raw)).toBeNull();
  });
});

describe('parseScannedPath', () => {
  it('reads the scene of our event page out of what scanCode answers', () => {
    const scene = encodeURIComponent(`${ID}.004217`);
    expect(parseScannedPath(`${SCENE_PAGE}?scene=${scene}`)).toEqual({ eventId: ID, code: '004217' });
    expect(parseScannedPath(`/${SCENE_PAGE}?from=x&scene=${scene}`)).toEqual({ eventId: ID, code: '004217' });
  });

  it('ignores other pages, a missing scene and no path', () => {
    expect(parseScannedPath(`pages/index/index?scene=${ID}.004217`)).toBeNull();
    expect(parseScannedPath(SCENE_PAGE)).toBeNull();
    expect(parseScannedPath(undefined)).toBeNull();
  });
});
