import { ConfigError, loadConfig } from './config';

describe('loadConfig: the public-service settings', () => {
  it('ships the documented defaults (docs/limits.md)', () => {
    const c = loadConfig({});
    expect(c.maxQueryCost).toBe(1000);
    expect(c.shape).toEqual({ maxDepth: 12, maxAliases: 30, maxDirectives: 20, maxTokens: 3000 });
    expect(c.rateLimits).toEqual({ windowSeconds: 60, anonymous: 2000, tiers: { STANDARD: 10_000, PARTNER: 50_000, INTERNAL: 1_000_000 } });
    expect([c.readStatementTimeoutMs, c.writeStatementTimeoutMs]).toEqual([5000, 10_000]);
    expect(c.corsOrigins).toBe('*');
    expect(c.trustProxy).toBe('loopback');
    expect(c.accessLog).toBe(true);
  });

  it('reads each setting, and refuses values that make no sense with the variable named', () => {
    expect(loadConfig({ MAX_QUERY_COST: '5000', RATE_LIMIT_ANONYMOUS: '100', READ_STATEMENT_TIMEOUT_MS: '250' })).toMatchObject({
      maxQueryCost: 5000,
      rateLimits: { anonymous: 100 },
      readStatementTimeoutMs: 250,
    });
    expect(() => loadConfig({ MAX_QUERY_COST: 'lots' })).toThrow(/MAX_QUERY_COST must be an integer/);
    expect(() => loadConfig({ READ_STATEMENT_TIMEOUT_MS: '0' })).toThrow(ConfigError);
    expect(() => loadConfig({ MAX_QUERY_DEPTH: '1' })).toThrow(/MAX_QUERY_DEPTH/);
  });

  it('CORS_ORIGINS: * or a list of bare origins', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://fair.example.cn, http://localhost:5173' }).corsOrigins).toEqual([
      'https://fair.example.cn',
      'http://localhost:5173',
    ]);
    expect(() => loadConfig({ CORS_ORIGINS: 'https://fair.example.cn/app' })).toThrow(/CORS_ORIGINS/);
    expect(() => loadConfig({ CORS_ORIGINS: 'fair.example.cn' })).toThrow(/CORS_ORIGINS/);
  });

  it('TRUST_PROXY: loopback, false, a hop count, or addresses and CIDRs', () => {
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.0.2.7, uniquelocal' }).trustProxy).toBe('10.0.0.0/8, 192.0.2.7, uniquelocal');
    expect(() => loadConfig({ TRUST_PROXY: 'everyone' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/abc' })).toThrow(/TRUST_PROXY/);
  });

  it('HOLD_SWEEP_MS and WS_KEY_RECHECK_MS: milliseconds from 100 to an hour, nothing else', () => {
    expect(loadConfig({})).toMatchObject({ holdSweepMs: 5000, wsKeyRecheckMs: 30_000 });
    expect(loadConfig({ HOLD_SWEEP_MS: '250', WS_KEY_RECHECK_MS: '1000' })).toMatchObject({ holdSweepMs: 250, wsKeyRecheckMs: 1000 });
    // "abc" used to be taken as NaN: the sweeper then spun without pause
    expect(() => loadConfig({ HOLD_SWEEP_MS: 'abc' })).toThrow(/HOLD_SWEEP_MS must be an integer between 100 and 3600000, got "abc"/);
    expect(() => loadConfig({ HOLD_SWEEP_MS: '0' })).toThrow(/HOLD_SWEEP_MS/);
    expect(() => loadConfig({ WS_KEY_RECHECK_MS: '-5' })).toThrow(/WS_KEY_RECHECK_MS/);
  });

  it('CHANGE_RETENTION_DAYS: whole days from 1 to 3650, default 35', () => {
    expect(loadConfig({}).changeRetentionDays).toBe(35);
    expect(loadConfig({ CHANGE_RETENTION_DAYS: '7' }).changeRetentionDays).toBe(7);
    expect(() => loadConfig({ CHANGE_RETENTION_DAYS: '0' })).toThrow(/CHANGE_RETENTION_DAYS/);
    expect(() => loadConfig({ CHANGE_RETENTION_DAYS: '1.5' })).toThrow(/CHANGE_RETENTION_DAYS/);
    expect(() => loadConfig({ CHANGE_RETENTION_DAYS: 'forever' })).toThrow(/CHANGE_RETENTION_DAYS/);
  });

  it('DATA_PUBLISHER_ZH/EN: the publisher the catalogue names, without control characters; DATASET_DIGEST_MS: milliseconds', () => {
    expect(loadConfig({})).toMatchObject({
      dataPublisher: { zh: '重庆跨境电商开放数据平台', en: 'Chongqing Cross-border E-commerce Open Data' },
      datasetDigestMs: 60_000,
    });
    expect(loadConfig({ DATA_PUBLISHER_ZH: ' 重庆市商务委员会 ', DATA_PUBLISHER_EN: 'Chongqing Commerce Commission', DATASET_DIGEST_MS: '500' })).toMatchObject(
      {
        dataPublisher: { zh: '重庆市商务委员会', en: 'Chongqing Commerce Commission' },
        datasetDigestMs: 500,
      },
    );
    expect(loadConfig({ DATA_PUBLISHER_EN: '  ' }).dataPublisher.en).toBe('Chongqing Cross-border E-commerce Open Data');
    expect(() => loadConfig({ DATA_PUBLISHER_ZH: 'a\u0000b' })).toThrow(/DATA_PUBLISHER_ZH/);
    expect(() => loadConfig({ DATA_PUBLISHER_EN: 'x'.repeat(201) })).toThrow(/DATA_PUBLISHER_EN/);
    expect(() => loadConfig({ DATASET_DIGEST_MS: '10' })).toThrow(/DATASET_DIGEST_MS/);
  });
});
