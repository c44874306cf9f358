import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config/config.ts';
import { loadConfig } from '../../src/config/load-config.ts';
import { configSecrets } from '../../src/config/secrets.ts';

const HTTP = { SLACK_BOT_TOKEN: 'xoxb-1-abc', SLACK_SIGNING_SECRET: '8f742231b10e8888abcd99yyyzzz85a5' };

describe('loadConfig', () => {
  describe('LOG_FORMAT', () => {
    it('is text unless set', () => {
      expect(loadConfig({}, { slack: false }).logFormat).toBe('text');
    });

    it('accepts json', () => {
      expect(loadConfig({ LOG_FORMAT: 'json' }, { slack: false }).logFormat).toBe('json');
    });

    it('names the variable and the choices when it is anything else', () => {
      expect(() => loadConfig({ LOG_FORMAT: 'logfmt' }, { slack: false })).toThrow(
        new ConfigError('LOG_FORMAT', 'must be one of text, json; got "logfmt"'),
      );
    });
  });

  describe('METRICS_PORT', () => {
    it('is null (no metrics server) unless set', () => {
      expect(loadConfig({}, { slack: false }).metricsPort).toBeNull();
    });

    it('is a port number when set, 0 meaning any free port', () => {
      expect(loadConfig({ METRICS_PORT: '9464' }, { slack: false }).metricsPort).toBe(9464);
      expect(loadConfig({ METRICS_PORT: '0' }, { slack: false }).metricsPort).toBe(0);
    });

    it('rejects what is not a port', () => {
      expect(() => loadConfig({ METRICS_PORT: '70000' }, { slack: false })).toThrow('METRICS_PORT must be a port number; got "70000"');
      expect(() => loadConfig({ METRICS_PORT: 'metrics' }, { slack: false })).toThrow('METRICS_PORT must be a port number; got "metrics"');
    });
  });

  describe('INDEX_COMPACT_AT and CORPUS_REBUILD_ABOVE_FILES', () => {
    it('compact at 5,000 changed records and rebuild above 2,000 changed files unless set', () => {
      expect(loadConfig({}, { slack: false }).liveIndex).toEqual({ compactAt: 5_000, rebuildAboveFiles: 2_000 });
      expect(loadConfig({ INDEX_COMPACT_AT: '200', CORPUS_REBUILD_ABOVE_FILES: '0' }, { slack: false }).liveIndex).toEqual({
        compactAt: 200,
        rebuildAboveFiles: 0,
      });
    });

    it('reject what is not a whole number', () => {
      expect(() => loadConfig({ INDEX_COMPACT_AT: '5k' }, { slack: false })).toThrow('INDEX_COMPACT_AT must be a whole number; got "5k"');
    });
  });

  it('still rejects a PORT that is not a port number', () => {
    expect(() => loadConfig({ ...HTTP, PORT: '-1' }, { slack: true })).toThrow('PORT must be a port number; got "-1"');
  });
});

describe('configSecrets', () => {
  it('lists the tokens, the signing secret and the database password, raw and decoded', () => {
    const config = loadConfig({ ...HTTP, DATABASE_URL: 'postgres://kaesong:p%40ss-w0rd@db.internal:5432/kaesong' }, { slack: true });
    expect(configSecrets(config)).toEqual(['xoxb-1-abc', '8f742231b10e8888abcd99yyyzzz85a5', 'p%40ss-w0rd', 'p@ss-w0rd']);
  });

  it('has nothing for a SQLite database and no Slack settings', () => {
    expect(configSecrets(loadConfig({}, { slack: false }))).toEqual([]);
  });
});

describe('adding to the timeline', () => {
  it('is open to everyone with no editors unless set', () => {
    expect(loadConfig({}, { slack: false }).desk).toEqual({ editors: [], adding: 'everyone' });
  });

  it('takes editors as user and user-group ids, and adding for editors only', () => {
    expect(loadConfig({ KAESONG_EDITORS: ' U0123ABCD, S0456EFGH ,', KAESONG_ADDING: 'editors' }, { slack: false }).desk).toEqual({
      editors: ['U0123ABCD', 'S0456EFGH'],
      adding: 'editors',
    });
  });

  it('names the variable when an editor is not an id, or the policy is unknown', () => {
    expect(() => loadConfig({ KAESONG_EDITORS: 'U0123ABCD,@ana' }, { slack: false })).toThrow(
      'KAESONG_EDITORS must list Slack user ids (U…) and user-group ids (S…), comma-separated; got "@ana"',
    );
    expect(() => loadConfig({ KAESONG_ADDING: 'admins' }, { slack: false })).toThrow(
      'KAESONG_ADDING must be one of everyone, editors; got "admins"',
    );
  });
});
