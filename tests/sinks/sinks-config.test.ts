import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/service/config.js';

describe('sinks configuration', () => {
  it('turns on only records.jsonl by default, inside the outbox', () => {
    const sinks = loadConfig({}, {}, '/srv/rf').sinks;
    expect(sinks.webhook.urls).toEqual([]);
    expect(sinks.webhook.attempts).toBe(8);
    expect(sinks.webhook.backoffMs).toBe(1000);
    expect(sinks.databaseUrl).toBeNull();
    expect(sinks.recordsJsonl).toBe(resolve('/srv/rf/outbox/records.jsonl'));
  });

  it('reads webhook URLs, the database and turns records.jsonl off', () => {
    const sinks = loadConfig(
      {
        WEBHOOK_URLS: 'http://a.example/hook, https://b.example/in',
        WEBHOOK_SECRET: 'a-long-enough-secret',
        DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test',
        REPORTFLOW_RECORDS_JSONL: 'false',
      },
      {},
      '/srv/rf',
    ).sinks;
    expect(sinks.webhook.urls).toEqual(['http://a.example/hook', 'https://b.example/in']);
    expect(sinks.databaseUrl).toBe('postgres://postgres@127.0.0.1:5432/test');
    expect(sinks.recordsJsonl).toBeNull();
  });

  it('lists a missing secret together with other bad variables', () => {
    try {
      loadConfig({ WEBHOOK_URLS: 'http://a.example/hook', PORT: 'x', DATABASE_URL: 'mysql://x' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toMatch(/PORT/);
      expect(problems).toMatch(/DATABASE_URL/);
      expect(problems).toMatch(/WEBHOOK_SECRET/);
    }
  });
});
