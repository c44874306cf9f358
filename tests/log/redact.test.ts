import { describe, expect, it } from 'vitest';
import { redactSecrets, secretRedactor } from '../../src/log/redact.ts';

describe('redactSecrets', () => {
  it('keeps the prefix of a Slack token and drops the rest', () => {
    expect(redactSecrets('auth failed for xoxb-123-456-abcDEF and xapp-1-A1-9-ff')).toBe(
      'auth failed for xoxb-[redacted] and xapp-[redacted]',
    );
  });

  it('drops the password of a postgres:// URL and keeps user, host and database', () => {
    expect(redactSecrets('connecting to postgres://kaesong:s3cret-pw@db.internal:5432/kaesong failed')).toBe(
      'connecting to postgres://kaesong:[redacted]@db.internal:5432/kaesong failed',
    );
  });

  it('drops a password that itself holds an @, up to the last @ before the host', () => {
    expect(redactSecrets('postgresql://u:p@ss@db/k')).toBe('postgresql://u:[redacted]@db/k');
  });

  it('leaves URLs without a password alone', () => {
    const text = 'listening on http://localhost:3000/slack/events; db postgres://kaesong@db/kaesong; sqlite:./data/kaesong.db';
    expect(redactSecrets(text)).toBe(text);
  });
});

describe('secretRedactor', () => {
  const SIGNING_SECRET = '8f742231b10e8888abcd99yyyzzz85a5';

  it('drops a known secret wherever it appears, even with no recognisable shape', () => {
    const redact = secretRedactor([SIGNING_SECRET]);
    expect(redact(`signature check with ${SIGNING_SECRET} failed`)).toBe('signature check with [redacted] failed');
  });

  it('drops the JSON-escaped form of a secret too', () => {
    const redact = secretRedactor(['pa"ss\\word']);
    expect(redact(JSON.stringify({ msg: 'pa"ss\\word' }))).toBe('{"msg":"[redacted]"}');
  });

  it('still drops tokens and URL passwords by their shape', () => {
    expect(secretRedactor([SIGNING_SECRET])('xoxb-1-2 postgres://u:pw123@h/d')).toBe('xoxb-[redacted] postgres://u:[redacted]@h/d');
  });

  it('ignores values too short to be secrets, rather than garble every line', () => {
    expect(secretRedactor(['abc'])('abc abc')).toBe('abc abc');
  });
});
