// The real snowflake-sdk against a local server speaking Snowflake's REST protocol (test/support/fake-snowflake).
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { closedPort } from '../support/ports.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GonogoError } from '../../src/diagnostics.js';
import { openSnowflake, type SnowflakeOptions } from '../../src/sources/snowflake.js';
import { RowsLimitError } from '../../src/sources/engine.js';
import { startFakeSnowflake, type FakeSnowflake } from '../support/fake-snowflake/server.js';

const PASSWORD = 'pw-Tr0ub4dor&3-xyzzy';
const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const PRIVATE_PEM = keys.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
const PUBLIC_PEM = keys.publicKey.export({ format: 'pem', type: 'spki' }).toString();

const DATASET = `create table events as select * from (values
  ('control',   'US', 1, 12.5, date '2024-03-01', timestamp '2024-03-01 09:00:00'),
  ('control',   'US', 0, 20.0, date '2024-03-02', timestamp '2024-03-02 10:30:00'),
  ('control',   'DE', 1, 15.0, date '2024-03-02', timestamp '2024-03-02 11:00:00'),
  ('treatment', 'US', 1,  8.0, date '2024-03-01', timestamp '2024-03-01 12:00:00'),
  ('treatment', 'US', 1,  9.5, date '2024-03-03', timestamp '2024-03-03 08:15:30.250'),
  ('treatment', 'DE', 0, 30.0, date '2024-03-03', timestamp '2024-03-03 09:00:00')
) t(arm, geo, converted, minutes, day, event_at)`;

let fake: FakeSnowflake;
let home: string;

beforeAll(async () => {
  fake = await startFakeSnowflake({ account: 'acme-prod', user: 'ana', password: PASSWORD, publicKeyPem: PUBLIC_PEM, setupSql: [DATASET, 'create table numbers as select i as n from range(2500) t(i)'] });
  home = mkdtempSync(join(tmpdir(), 'gonogo-sf-'));
});

afterAll(async () => {
  await fake?.close();
  rmSync(home, { recursive: true, force: true });
});

const baseEnv = () => ({ SNOWFLAKE_ACCOUNT: 'acme-prod', SNOWFLAKE_USER: 'ana', SNOWFLAKE_WAREHOUSE: 'WH' });
const open = (env: NodeJS.ProcessEnv, extra: Partial<SnowflakeOptions> = {}) =>
  openSnowflake({ env, home, timeoutMs: 10_000, overrides: { host: fake.host, port: fake.port, protocol: 'http', loginRetries: 0 }, ...extra });

async function failure(p: Promise<unknown>): Promise<GonogoError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(GonogoError);
  return err as GonogoError;
}

const AGGREGATE = `select arm, count(*) as n, sum(converted) as successes, avg(minutes) as mean,
  min(day) as first_day, max(event_at) as as_of
  from events where geo = ? and minutes >= ? group by arm order by arm`;

describe('openSnowflake against the fake server', () => {
  it('logs in with a password and runs a query with binds, returning plain rows', async () => {
    const engine = await open({ ...baseEnv(), SNOWFLAKE_PASSWORD: PASSWORD });
    expect(engine.name).toBe('snowflake');
    const rows = await engine.query(AGGREGATE, ['US', 0]);
    expect(rows).toEqual([
      { arm: 'control', n: 2, successes: 1, mean: 16.25, first_day: '2024-03-01', as_of: '2024-03-02T10:30:00.000Z' },
      { arm: 'treatment', n: 2, successes: 2, mean: 8.75, first_day: '2024-03-01', as_of: '2024-03-03T08:15:30.250Z' },
    ]);
    // The values went as Snowflake bindings, not pasted into the SQL text.
    const sent = fake.queries.at(-1)!;
    expect(sent.sqlText).toBe(AGGREGATE);
    expect(sent.bindings).toEqual({ '1': { type: 'TEXT', value: 'US' }, '2': { type: 'FIXED', value: '0' } });
    await engine.close();
    expect(fake.requests.at(-1)).toEqual({ method: 'POST', path: '/session' });
  });

  it('refuses a result over rowsLimit from its row count, before fetching rows; streams one within it', async () => {
    const engine = await open({ ...baseEnv(), SNOWFLAKE_PASSWORD: PASSWORD });
    const err = await engine.query('select arm, minutes from events', [], { rowsLimit: 5 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RowsLimitError);
    expect((err as RowsLimitError).message).toBe('6 rows, over the limit of 5');
    const rows = await engine.query('select arm, minutes from events where geo = ? order by minutes', ['DE'], { rowsLimit: 2 });
    expect(rows).toEqual([{ arm: 'control', minutes: 15 }, { arm: 'treatment', minutes: 30 }]);
    await engine.close();
  });

  it('turns named binds into positional ones, reusing a name', async () => {
    const engine = await open({ ...baseEnv(), SNOWFLAKE_PASSWORD: PASSWORD });
    const rows = await engine.query(
      "select count(*) as n from events where (geo = :geo or :geo = 'any') and arm = :arm -- :not_a_bind",
      { geo: 'DE', arm: 'control' },
    );
    expect(rows).toEqual([{ n: 1 }]);
    expect(fake.queries.at(-1)!.sqlText).toContain('(geo = :1 or :1 = ');
    await engine.close();
  });

  it('logs in with a key pair (JWT signed by the private key, checked against the public key)', async () => {
    const keyPath = join(home, 'rsa_key.p8');
    writeFileSync(keyPath, PRIVATE_PEM);
    const engine = await open({ ...baseEnv(), SNOWFLAKE_PRIVATE_KEY_PATH: keyPath });
    expect(await engine.query('select count(*) as n from events')).toEqual([{ n: 6 }]);
    await engine.close();
    const login = fake.logins.at(-1)!;
    expect(login.AUTHENTICATOR).toBe('SNOWFLAKE_JWT');
    expect(login.PASSWORD).toBeUndefined();
  });

  it('maps Snowflake types to plain values and keeps quoted column names', async () => {
    const engine = await open({ ...baseEnv(), SNOWFLAKE_PASSWORD: PASSWORD });
    const rows = await engine.query(
      `select true as ok, null as nothing, 1.50::decimal(10,2) as price, 'it''s' as s, ? as flag, ? as missing,
         2.5::double as ratio, 42 as "MixedCase", date '1969-12-31' as before_epoch`,
      [false, null],
    );
    expect(rows).toEqual([
      { ok: true, nothing: null, price: 1.5, s: "it's", flag: false, missing: null, ratio: 2.5, MixedCase: 42, before_epoch: '1969-12-31' },
    ]);
    await engine.close();
  });

  it('expands ~ in a key path against the home folder', async () => {
    writeFileSync(join(home, 'tilde_key.p8'), PRIVATE_PEM);
    const engine = await open({ ...baseEnv(), SNOWFLAKE_PRIVATE_KEY_PATH: '~/tilde_key.p8' });
    await engine.close();
  });

  it('logs in with an encrypted key given in SNOWFLAKE_PRIVATE_KEY and its passphrase', async () => {
    const encrypted = keys.privateKey.export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: 'open sesame 42' }).toString();
    const env = { ...baseEnv(), SNOWFLAKE_PRIVATE_KEY: encrypted.replace(/\n/g, '\\n'), SNOWFLAKE_PRIVATE_KEY_PASSPHRASE: 'open sesame 42' };
    const engine = await open(env);
    expect(await engine.query('select 1 as one')).toEqual([{ one: 1 }]);
    await engine.close();
    const wrong = await failure(open({ ...env, SNOWFLAKE_PRIVATE_KEY_PASSPHRASE: 'nope nope' }));
    expect(wrong.exitCode).toBe(2);
    expect(wrong.message).toContain('cannot be decrypted');
    expect(wrong.diagnostics[0].hint).toContain('SNOWFLAKE_PRIVATE_KEY_PASSPHRASE');
  });

  it('bad password: exit 2, names the user and which variable to check', async () => {
    const err = await failure(open({ ...baseEnv(), SNOWFLAKE_PASSWORD: 'wrong-password-1' }));
    expect(err.exitCode).toBe(2);
    expect(err.message).toContain('Snowflake refused the login of user "ana" on account "acme-prod"');
    expect(err.message).toContain('390100');
    expect(err.diagnostics[0].hint).toContain('SNOWFLAKE_PASSWORD');
    expect(err.message).not.toContain('wrong-password-1');
  });

  it('a key the user has not registered: exit 2 with a key-pair hint', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const err = await failure(open({ ...baseEnv(), SNOWFLAKE_PRIVATE_KEY: other }));
    expect(err.exitCode).toBe(2);
    expect(err.message).toContain('390144');
    expect(err.diagnostics[0].hint).toContain('RSA_PUBLIC_KEY');
    expect(err.diagnostics[0].hint).toContain('SNOWFLAKE_PRIVATE_KEY');
  });

  it('SQL error: exit 2 naming the query', async () => {
    const engine = await open({ ...baseEnv(), SNOWFLAKE_PASSWORD: PASSWORD });
    const err = await failure(engine.query('select no_such_column from events where geo = ?', ['US']));
    expect(err.exitCode).toBe(2);
    expect(err.message).toContain('Snowflake rejected the query "select no_such_column from events where geo = ?"');
    expect(err.message).toContain('SQL compilation error');
    expect(err.message).toContain('SQLSTATE 42000');
    // The session survives a bad query.
    expect(await engine.query('select 2 as two')).toEqual([{ two: 2 }]);
    await engine.close();
  });

  it('refuses DuckDB-only SQL as a real account would: $name binds, FILTER (WHERE …), epoch(), INTERVAL 24 HOUR', async () => {
    const engine = await open({ ...baseEnv(), SNOWFLAKE_PASSWORD: PASSWORD });
    const cases: [string, RegExp][] = [
      ['select count(*) as n from events where day <= $as_of', /Session variable '\$AS_OF' does not exist/],
      ['select count(*) filter (where converted = 1) as n from events', /syntax error line 1 at position 23 unexpected '\('/],
      ['select max(epoch(event_at)) as t from events', /Unknown function EPOCH/],
      ["select count(*) as n from events where event_at > timestamp '2024-03-01' + interval 24 hour", /syntax error .* unexpected '2'/],
      ['select quantile_cont(minutes, 0.5) as m from events', /Unknown function QUANTILE_CONT/],
    ];
    for (const [sql, message] of cases) {
      const err = await failure(engine.query(sql));
      expect(err.exitCode, sql).toBe(2);
      expect(err.message, sql).toMatch(message);
    }
    // the same words inside strings, quoted names and comments are not code
    expect(await engine.query(`select 'filter (where x) $x epoch(' as "epoch(" -- count(*) filter (where 1)`)).toEqual([{ 'epoch(': 'filter (where x) $x epoch(' }]);
    // Snowflake's own spellings run: PERCENTILE_CONT … WITHIN GROUP, COUNT_IF, DATEDIFF, CONVERT_TIMEZONE, TIMESTAMP_NTZ
    const [row] = await engine.query(
      `select percentile_cont(0.5) within group (order by minutes::double) as m, count_if(converted = 1) as c,
         datediff('second', cast(convert_timezone('UTC', min(event_at)) as timestamp_ntz), cast(:1 as timestamp_ntz)) / 3600.0 as h from events`,
      ['2024-03-02T09:00:00'],
    );
    expect(row).toEqual({ m: 13.75, c: 4, h: 24 });
    await engine.close();
  });

  it('a large result arrives as the first rows inline and the rest in downloaded chunks, in order', async () => {
    const engine = await open({ ...baseEnv(), SNOWFLAKE_PASSWORD: PASSWORD });
    const before = fake.requests.filter((r) => r.path.startsWith('/results/')).length;
    fake.knobs.chunkRows = 700;
    try {
      const rows = await engine.query('select n from numbers order by n');
      expect(rows.map((r) => r.n)).toEqual(Array.from({ length: 2500 }, (_, i) => i));
    } finally {
      fake.knobs.chunkRows = 1000;
    }
    expect(fake.requests.filter((r) => r.path.startsWith('/results/')).length - before).toBe(3);
    await engine.close();
  });

  it('a slow query: polls for the result, then gives up at the deadline with exit 3', async () => {
    const engine = await open({ ...baseEnv(), SNOWFLAKE_PASSWORD: PASSWORD }, { timeoutMs: 1200 });
    fake.knobs.queryDelayMs = 30_000;
    try {
      const err = await failure(engine.query('select count(*) as n from events'));
      expect(err.exitCode).toBe(3);
      expect(err.message).toBe('Snowflake did not finish the query "select count(*) as n from events" within 1.2 s');
      expect(fake.requests.some((r) => /^\/queries\/[^/]+\/result$/.test(r.path))).toBe(true);
    } finally {
      fake.knobs.queryDelayMs = 0;
    }
    await engine.close();
    expect(fake.requests.some((r) => r.path.endsWith('/abort-request'))).toBe(true);
  });

  it('a connection dropped mid-query: exit 3 saying so, and the driver stops retrying', async () => {
    const lines: string[] = [];
    const engine = await open({ ...baseEnv(), SNOWFLAKE_PASSWORD: PASSWORD }, { timeoutMs: 1500, log: (l) => lines.push(l) });
    fake.knobs.dropQueries = Infinity;
    try {
      const err = await failure(engine.query('select 1 as one'));
      expect(err.exitCode).toBe(3);
      expect(err.message).toMatch(/^the connection to Snowflake dropped \(socket hang up\) during the query "select 1 as one"/);
      // The driver's next retry (after its own 1-3 s sleep) is stopped before it leaves the process.
      const tries = fake.requests.filter((r) => r.path === '/queries/v1/query-request').length;
      await until(() => lines.some((l) => l.includes('request abandoned by gonogo')));
      expect(fake.requests.filter((r) => r.path === '/queries/v1/query-request').length).toBe(tries);
    } finally {
      fake.knobs.dropQueries = 0;
    }
    await engine.close();
  });

  it('one dropped connection is retried by the driver and the query succeeds', async () => {
    const engine = await open({ ...baseEnv(), SNOWFLAKE_PASSWORD: PASSWORD });
    fake.knobs.dropQueries = 1;
    expect(await engine.query('select 3 as three')).toEqual([{ three: 3 }]);
    expect(fake.knobs.dropQueries).toBe(0);
    await engine.close();
  });

  it('server unreachable: exit 3', async () => {
    const port = await closedPort();
    const err = await failure(
      openSnowflake({ env: { ...baseEnv(), SNOWFLAKE_PASSWORD: PASSWORD }, home, timeoutMs: 5000, overrides: { host: '127.0.0.1', port, protocol: 'http', loginRetries: 0 } }),
    );
    expect(err.exitCode).toBe(3);
    expect(err.message).toContain('Snowflake account "acme-prod" could not be reached (ECONNREFUSED)');
  });

  it('a login whose connection drops: exit 3', async () => {
    fake.knobs.dropLogins = 1;
    const err = await failure(open({ ...baseEnv(), SNOWFLAKE_PASSWORD: PASSWORD }));
    expect(err.exitCode).toBe(3);
    expect(err.message).toMatch(/^Snowflake account "acme-prod" could not be reached \(ECONNRESET\): socket hang up/);
    expect(fake.knobs.dropLogins).toBe(0);
  });

  it('a login that does not answer in time: exit 3', async () => {
    fake.knobs.loginDelayMs = 5000;
    try {
      const err = await failure(open({ ...baseEnv(), SNOWFLAKE_PASSWORD: PASSWORD }, { timeoutMs: 600 }));
      expect(err.exitCode).toBe(3);
      expect(err.message).toBe('Snowflake did not finish logging in to account "acme-prod" within 0.6 s');
    } finally {
      fake.knobs.loginDelayMs = 0;
    }
  });

  it('reads a named connection from $SNOWFLAKE_HOME/connections.toml', async () => {
    const dir = join(home, 'sfhome');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'connections.toml'),
      `default_connection_name = "dev"\n[dev]\naccount = "nowhere"\nuser = "x"\npassword = "x"\n\n[prod]\naccount = "acme-prod"\nuser = "ana"\npassword = "${PASSWORD}"\nwarehouse = "WH"\n`,
    );
    const engine = await open({ SNOWFLAKE_HOME: dir }, { connection: 'prod' });
    expect(await engine.query('select count(*) as n from events where arm = ?', ['treatment'])).toEqual([{ n: 3 }]);
    await engine.close();
    const err = await failure(open({ SNOWFLAKE_HOME: dir }, { connection: 'prd' }));
    expect(err.exitCode).toBe(2);
    expect(err.diagnostics[0].hint).toBe('did you mean "prod"?');
  });
});

describe('secrets never leave the engine', () => {
  it('password, private key and passphrase appear in no output, log line or error', async () => {
    const passphrase = 'correct horse battery staple';
    const encrypted = keys.privateKey.export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase }).toString();
    const keyLines = PRIVATE_PEM.split('\n').filter((l) => l.length > 20 && !l.startsWith('-----'));
    const secrets = [PASSWORD, passphrase, ...keyLines, ...encrypted.split('\n').filter((l) => l.length > 20 && !l.startsWith('-----'))];

    const captured: string[] = [];
    const restore = spyOnOutput(captured);
    process.stderr.write('spy works\n');
    process.emitWarning('spy works too');
    await new Promise((r) => setImmediate(r));
    expect(captured.splice(0).join('')).toMatch(/^spy works\n.*Warning: spy works too/s);
    const logLines: string[] = [];
    const messages: string[] = [];
    const collect = async (p: Promise<unknown>) => {
      try {
        await p;
      } catch (e) {
        const g = e as GonogoError;
        messages.push(String(g.message), JSON.stringify(g.diagnostics ?? []), String(g.stack));
      }
    };
    try {
      const log = (l: string) => logLines.push(l);
      const pw = await open({ ...baseEnv(), SNOWFLAKE_PASSWORD: PASSWORD }, { log });
      await collect(pw.query("select 'x' as y where ? = 'nope'", [PASSWORD]));
      await collect(pw.query(`select ${"'" + PASSWORD + "'"} as leaked from nowhere`));
      await pw.close();
      await collect(open({ ...baseEnv(), SNOWFLAKE_PASSWORD: PASSWORD + 'x' }, { log }));
      const kp = await open({ ...baseEnv(), SNOWFLAKE_PRIVATE_KEY: encrypted, SNOWFLAKE_PRIVATE_KEY_PASSPHRASE: passphrase }, { log });
      await collect(kp.query('select nope'));
      await kp.close();
      await collect(open({ ...baseEnv(), SNOWFLAKE_PRIVATE_KEY: encrypted, SNOWFLAKE_PRIVATE_KEY_PASSPHRASE: passphrase + '!' }, { log }));
    } finally {
      restore();
    }
    expect(logLines.length).toBeGreaterThan(10); // the driver did talk, to us only
    expect(messages.length).toBeGreaterThan(0);
    const everything = [...captured, ...logLines, ...messages].join('\n');
    for (const s of secrets) expect(everything).not.toContain(s);
    expect(everything).toContain('***'); // the SQL that quoted the password was masked, not dropped
    expect(captured).toEqual([]); // not a line from the driver, nor a process warning
    expect(existsSync(join(process.cwd(), 'snowflake.log'))).toBe(false);
  });
});

function spyOnOutput(sink: string[]): () => void {
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  const methods = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
  const saved = methods.map((m) => console[m]);
  const grab = (chunk: unknown) => {
    sink.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
    return true;
  };
  process.stdout.write = grab as typeof process.stdout.write;
  process.stderr.write = grab as typeof process.stderr.write;
  methods.forEach((m) => (console[m] = (...args: unknown[]) => void sink.push(args.map(String).join(' '))));
  const onWarning = (w: Error) => sink.push(`${w.name}: ${w.message}`);
  process.on('warning', onWarning);
  return () => {
    process.stdout.write = out;
    process.stderr.write = err;
    methods.forEach((m, i) => (console[m] = saved[i]));
    process.off('warning', onWarning);
  };
}

/** Waits for an event the driver reports in its log (no fixed sleeps). */
async function until(cond: () => boolean): Promise<void> {
  while (!cond()) await new Promise((r) => setTimeout(r, 25));
}
