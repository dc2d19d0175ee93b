import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GonogoError } from '../../src/diagnostics.js';
import { resolveSnowflakeSettings } from '../../src/sources/snowflake-config.js';

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'gonogo-sfcfg-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

function writeSnowflakeFile(name: string, text: string, dir = join(home, '.snowflake'), mode = 0o600): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), text);
  chmodSync(join(dir, name), mode);
  return dir;
}

function thrown(f: () => unknown): GonogoError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(GonogoError);
    return e as GonogoError;
  }
  throw new Error('expected a GonogoError');
}

const CONNECTIONS = `
default_connection_name = "dev"

[dev]
account = "acme-dev"
user = "ana"
password = "dev-pw"

[prod]
account = "acme-prod"
user = "svc_gonogo"
authenticator = "snowflake_jwt"
private_key_file = "/keys/prod.p8"
private_key_file_pwd = "pp"
warehouse = "REPORTING_WH"
database = "ANALYTICS"
schema = "PILOTS"
role = "ANALYST"
`;

describe('resolveSnowflakeSettings', () => {
  it('uses the environment alone when there is no connection file', () => {
    const s = resolveSnowflakeSettings({
      env: { SNOWFLAKE_ACCOUNT: 'a1', SNOWFLAKE_USER: 'u1', SNOWFLAKE_PASSWORD: 'p1', SNOWFLAKE_ROLE: 'R' },
      home,
    });
    expect(s).toMatchObject({ account: 'a1', user: 'u1', password: 'p1', role: 'R', authenticator: 'SNOWFLAKE' });
    expect(s.described).toBe('SNOWFLAKE_* environment variables');
    expect(s.origin.password).toBe('SNOWFLAKE_PASSWORD');
  });

  it('picks default_connection_name, and the spec names another connection', () => {
    writeSnowflakeFile('connections.toml', CONNECTIONS);
    expect(resolveSnowflakeSettings({ env: {}, home })).toMatchObject({ account: 'acme-dev', user: 'ana', password: 'dev-pw' });
    const prod = resolveSnowflakeSettings({ connection: 'prod', env: {}, home });
    expect(prod).toMatchObject({
      account: 'acme-prod',
      user: 'svc_gonogo',
      authenticator: 'SNOWFLAKE_JWT',
      privateKeyPath: '/keys/prod.p8',
      privateKeyPassphrase: 'pp',
      warehouse: 'REPORTING_WH',
      database: 'ANALYTICS',
      schema: 'PILOTS',
      role: 'ANALYST',
    });
    expect(prod.described).toBe(`connection "prod" in ${join(home, '.snowflake', 'connections.toml')}`);
    expect(prod.origin.privateKeyPath).toContain('private_key_file in [prod]');
  });

  it('SNOWFLAKE_DEFAULT_CONNECTION_NAME beats the file default; the spec beats both', () => {
    writeSnowflakeFile('connections.toml', CONNECTIONS);
    expect(resolveSnowflakeSettings({ env: { SNOWFLAKE_DEFAULT_CONNECTION_NAME: 'prod' }, home }).account).toBe('acme-prod');
    expect(resolveSnowflakeSettings({ connection: 'dev', env: { SNOWFLAKE_DEFAULT_CONNECTION_NAME: 'prod' }, home }).account).toBe('acme-dev');
  });

  // Snowflake CLI's documented precedence ("Managing Snowflake connections", docs.snowflake.com/en/developer-guide/
  // snowflake-cli/connecting/configure-connections): SNOWFLAKE_CONNECTIONS_<NAME>_<KEY> variables, then the
  // connection in the file, then generic SNOWFLAKE_<KEY> variables. Each row: which sources set the warehouse.
  const PRECEDENCE: [sources: string, env: Record<string, string>, inFile: boolean, warehouse: string, origin: RegExp][] = [
    ['all three', { SNOWFLAKE_CONNECTIONS_PROD_WAREHOUSE: 'CONN_WH', SNOWFLAKE_WAREHOUSE: 'GENERIC_WH' }, true, 'CONN_WH', /^SNOWFLAKE_CONNECTIONS_PROD_WAREHOUSE$/],
    ['connection variable and file', { SNOWFLAKE_CONNECTIONS_PROD_WAREHOUSE: 'CONN_WH' }, true, 'CONN_WH', /^SNOWFLAKE_CONNECTIONS_PROD_WAREHOUSE$/],
    ['connection variable and generic variable', { SNOWFLAKE_CONNECTIONS_PROD_WAREHOUSE: 'CONN_WH', SNOWFLAKE_WAREHOUSE: 'GENERIC_WH' }, false, 'CONN_WH', /^SNOWFLAKE_CONNECTIONS_PROD_WAREHOUSE$/],
    ['file and generic variable', { SNOWFLAKE_WAREHOUSE: 'GENERIC_WH' }, true, 'FILE_WH', /^warehouse in \[prod\] of .*connections\.toml$/],
    ['generic variable alone', { SNOWFLAKE_WAREHOUSE: 'GENERIC_WH' }, false, 'GENERIC_WH', /^SNOWFLAKE_WAREHOUSE$/],
  ];
  for (const [sources, env, inFile, warehouse, origin] of PRECEDENCE) {
    it(`precedence, ${sources}: warehouse ${warehouse}`, () => {
      writeSnowflakeFile('connections.toml', `[prod]\naccount = "acme-prod"\nuser = "svc"\npassword = "pw"\n${inFile ? 'warehouse = "FILE_WH"\n' : ''}`);
      const s = resolveSnowflakeSettings({ connection: 'prod', env, home });
      expect(s.warehouse).toBe(warehouse);
      expect(s.origin.warehouse).toMatch(origin);
    });
  }

  it('a generic variable never redirects a named connection: SNOWFLAKE_ACCOUNT and SNOWFLAKE_USER only fill gaps', () => {
    writeSnowflakeFile('connections.toml', CONNECTIONS);
    const s = resolveSnowflakeSettings({ connection: 'prod', env: { SNOWFLAKE_ACCOUNT: 'stray-account', SNOWFLAKE_USER: 'stray-user', SNOWFLAKE_WAREHOUSE: 'X' }, home });
    expect(s).toMatchObject({ account: 'acme-prod', user: 'svc_gonogo', warehouse: 'REPORTING_WH', connection: 'prod' });
    // [dev] sets no warehouse: the generic variable fills it
    expect(resolveSnowflakeSettings({ connection: 'dev', env: { SNOWFLAKE_WAREHOUSE: 'X' }, home }).warehouse).toBe('X');
  });

  it('connections.toml replaces the [connections] tables of config.toml; default_connection_name comes from config.toml', () => {
    writeSnowflakeFile('config.toml', 'default_connection_name = "prod"\n[connections.old]\naccount = "acme-old"\nuser = "x"\npassword = "x"\n');
    writeSnowflakeFile('connections.toml', CONNECTIONS.replace('default_connection_name = "dev"', ''));
    expect(resolveSnowflakeSettings({ env: {}, home }).account).toBe('acme-prod');
    const err = thrown(() => resolveSnowflakeSettings({ connection: 'old', env: {}, home }));
    expect(err.diagnostics[0].expected).toBe('one of: dev, prod');
  });

  it('a connection file others can read: a warning naming chmod 0600; one others can write: exit 2', () => {
    const dir = writeSnowflakeFile('connections.toml', CONNECTIONS, undefined, 0o644);
    const s = resolveSnowflakeSettings({ env: {}, home });
    expect(s.warnings).toHaveLength(1);
    expect(s.warnings[0]).toMatchObject({ code: 'snowflake/file-readable', severity: 'warning' });
    expect(s.warnings[0].message).toContain(join(dir, 'connections.toml'));
    expect(s.warnings[0].message).toContain('644');
    expect(s.warnings[0].hint).toContain('chmod 0600');
    expect(JSON.stringify(s.warnings)).not.toContain('dev-pw');
    expect(resolveSnowflakeSettings({ env: { SF_SKIP_WARNING_FOR_READ_PERMISSIONS_ON_CONFIG_FILE: 'true' }, home }).warnings).toEqual([]);
    chmodSync(join(dir, 'connections.toml'), 0o600);
    expect(resolveSnowflakeSettings({ env: {}, home }).warnings).toEqual([]);
    chmodSync(join(dir, 'connections.toml'), 0o666);
    const err = thrown(() => resolveSnowflakeSettings({ env: {}, home }));
    expect(err.exitCode).toBe(2);
    expect(err.diagnostics[0]).toMatchObject({ code: 'snowflake/file-writable' });
  });

  it('reads $SNOWFLAKE_HOME and [connections.NAME] tables of config.toml', () => {
    const dir = writeSnowflakeFile('config.toml', 'default_connection_name = "ci"\n[connections.ci]\naccount = "acme-ci"\nuser = "bot"\npassword = "x"\n', join(home, 'elsewhere'));
    expect(resolveSnowflakeSettings({ env: { SNOWFLAKE_HOME: dir }, home })).toMatchObject({ account: 'acme-ci', user: 'bot' });
  });

  it('SNOWFLAKE_CONNECTIONS_<NAME>_<KEY> variables define a named connection without any file (CI)', () => {
    const s = resolveSnowflakeSettings({
      connection: 'prod',
      env: { SNOWFLAKE_CONNECTIONS_PROD_ACCOUNT: 'acme-prod', SNOWFLAKE_CONNECTIONS_PROD_USER: 'bot', SNOWFLAKE_CONNECTIONS_PROD_PASSWORD: 'pw' },
      home,
    });
    expect(s).toMatchObject({ account: 'acme-prod', user: 'bot', password: 'pw', authenticator: 'SNOWFLAKE' });
    expect(s.origin.password).toBe('SNOWFLAKE_CONNECTIONS_PROD_PASSWORD');
    expect(s.described).toBe('connection "prod" in SNOWFLAKE_CONNECTIONS_PROD_* variables');
  });

  it('SNOWFLAKE_CONNECTIONS_<NAME>_<KEY> amends a connection from the file', () => {
    writeSnowflakeFile('connections.toml', CONNECTIONS);
    const s = resolveSnowflakeSettings({ connection: 'prod', env: { SNOWFLAKE_CONNECTIONS_PROD_ROLE: 'ADMIN' }, home });
    expect(s).toMatchObject({ account: 'acme-prod', role: 'ADMIN' });
    expect(s.origin.role).toBe('SNOWFLAKE_CONNECTIONS_PROD_ROLE');
    expect(s.origin.account).toContain('account in [prod] of');
  });

  it('a key without an authenticator means key-pair login', () => {
    const s = resolveSnowflakeSettings({ env: { SNOWFLAKE_ACCOUNT: 'a', SNOWFLAKE_USER: 'u', SNOWFLAKE_PRIVATE_KEY_PATH: '/k.p8' }, home });
    expect(s.authenticator).toBe('SNOWFLAKE_JWT');
  });

  it('an unknown connection name: exit 2 with the known names and a guess', () => {
    writeSnowflakeFile('connections.toml', CONNECTIONS);
    const err = thrown(() => resolveSnowflakeSettings({ connection: 'prd', env: {}, home }));
    expect(err.exitCode).toBe(2);
    expect(err.diagnostics[0]).toMatchObject({ field: 'source.connection', expected: 'one of: dev, prod', hint: 'did you mean "prod"?' });
  });

  it('a missing account names the variable to set', () => {
    const err = thrown(() => resolveSnowflakeSettings({ env: { SNOWFLAKE_USER: 'u' }, home }));
    expect(err.message).toBe('Snowflake account is not set (looked in SNOWFLAKE_* environment variables)');
    expect(err.diagnostics[0].hint).toContain('SNOWFLAKE_ACCOUNT');
  });

  it('broken TOML: exit 2 with the position, without echoing the line (it may hold a password)', () => {
    writeSnowflakeFile('connections.toml', '[dev]\npassword = "hunter2\nuser = "x"\n');
    const err = thrown(() => resolveSnowflakeSettings({ env: {}, home }));
    expect(err.exitCode).toBe(2);
    expect(err.diagnostics[0].pos).toMatchObject({ line: 2 });
    expect(JSON.stringify(err.diagnostics)).not.toContain('hunter2');
  });
});
