import { createSigner, TOKEN_TTL_MS } from '../../../server/entry/token';

describe('session tokens', () => {
  let now = Date.parse('2026-03-02T00:00:00Z');
  const signer = createSigner('a'.repeat(64), () => now);

  it('carry the openid until they expire, then are no identity', () => {
    const token = signer.sign('demo-T0001');
    expect(signer.verify(token)).toBe('demo-T0001');
    now += TOKEN_TTL_MS;
    expect(signer.verify(token)).toBe('demo-T0001');
    now += 1;
    expect(signer.verify(token)).toBeNull();
  });

  it('are refused when signed with another secret or with a re-encoded payload', () => {
    const token = signer.sign('demo-T0002');
    expect(createSigner('b'.repeat(64), () => now).verify(token)).toBeNull();
    const [, sig] = token.split('.');
    const longer = Buffer.from(JSON.stringify({ o: 'demo-T0001', e: now + TOKEN_TTL_MS * 10 })).toString('base64url');
    expect(signer.verify(`${longer}.${sig}`)).toBeNull();
    expect(signer.verify(`${token}.extra`)).toBeNull();
  });
});
