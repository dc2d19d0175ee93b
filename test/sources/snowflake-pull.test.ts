// A deck whose source is Snowflake, end to end through the CLI: pull (the real snowflake-sdk against the
// local fake server), then build from the lock — and the password and private key given through the
// environment appear nowhere: not in stdout or stderr, not in the lock, not in any file of the deck.
import { generateKeyPairSync } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { runCli } from '../support/cli.js';
import { startFakeSnowflake, type FakeSnowflake } from '../support/fake-snowflake/server.js';

const PASSWORD = 'Sn0wflake-s3cret-PASS-9317';
const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const PRIVATE_PEM = keys.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
const PUBLIC_PEM = keys.publicKey.export({ format: 'pem', type: 'spki' }).toString();
const KEY_BODY = PRIVATE_PEM.split('\n').filter((l) => l.length > 20 && !l.startsWith('-----'));

const DATASET = `create table requests as
  select case when i % 2 = 0 then 'control' else 'treatment' end as variant,
         case when i % 3 = 0 then 'Plumbing' else 'Cleaning' end as category,
         case when (i * 7919) % 100 < (case when i % 2 = 0 then 20 else 26 end) then 1 else 0 end as hired,
         10 + (i * 37) % 50 + (case when i % 2 = 0 then 5 else 0 end) as minutes
  from range(4000) t(i)`;

const SPEC = `deck: {title: Snowflake deck, owner: Analytics, date: 2026-11-20}
decision:
  question: Ship it?
  options: [{id: A, label: Ship}, {id: C, label: Hold}]
metrics:
  - id: hire_rate
    label: Hire rate
    kind: proportion
    unit: share of requests
    better: higher
    role: primary
    from: {sql: "select variant as arm, 'all' as segment, count(*) as n, sum(hired) as successes from requests group by variant"}
  - id: minutes
    label: Minutes to first quote
    kind: mean
    unit: minutes
    better: lower
    role: primary
    from: {sql: "select variant as arm, 'all' as segment, count(*) as n, avg(minutes) as mean, stddev_samp(minutes) as sd from requests where minutes >= :min_minutes group by variant"}
criteria:
  ship: {label: Ship, option: A, all: [{metric: hire_rate, ci_lower: {at_least: 0pp}}]}
  hold: {label: Hold, option: C, any: [{metric: hire_rate, estimate: {at_most: 0pp}}]}
source:
  engine: snowflake
  connection: pilot
  params: {min_minutes: 0}
`;

let fake: FakeSnowflake;
let root: string;

beforeAll(async () => {
  fake = await startFakeSnowflake({ account: 'acme-prod', user: 'ana', password: PASSWORD, publicKeyPem: PUBLIC_PEM, setupSql: [DATASET] });
  root = mkdtempSync(join(tmpdir(), 'gonogo-sfdeck-'));
  mkdirSync(join(root, 'sfhome'));
  writeFileSync(join(root, 'sfhome', 'connections.toml'), `[pilot]\naccount = "acme-prod"\nuser = "ana"\nwarehouse = "WH"\nrole = "analyst"\nhost = "127.0.0.1"\nport = ${fake.port}\nprotocol = "http"\n`);
  chmodSync(join(root, 'sfhome', 'connections.toml'), 0o600);
});

afterAll(async () => {
  await fake?.close();
  rmSync(root, { recursive: true, force: true });
});

/** Every file under dir, as text. */
function allFiles(dir: string): { path: string; text: string }[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return [];
    const bytes = readFileSync(path);
    const text = name.endsWith('.pptx') ? Object.values(unzipSync(bytes)).map((b) => strFromU8(b, true)).join('\n') : bytes.toString('latin1');
    return [{ path, text }];
  });
}

function expectNoSecret(texts: { path: string; text: string }[]): void {
  for (const { path, text } of texts) {
    expect(text, path).not.toContain(PASSWORD);
    for (const line of KEY_BODY) expect(text, path).not.toContain(line);
  }
}

describe('a Snowflake deck through the CLI', () => {
  for (const auth of ['password', 'key pair'] as const) {
    it(`pulls with ${auth} authentication, builds from the lock, and leaks no secret`, async () => {
      const deck = join(root, auth.replace(' ', '-'));
      mkdirSync(deck);
      writeFileSync(join(deck, 'gonogo.yaml'), SPEC);
      const secretEnv = auth === 'password' ? { SNOWFLAKE_PASSWORD: PASSWORD } : { SNOWFLAKE_PRIVATE_KEY: PRIVATE_PEM, SNOWFLAKE_AUTHENTICATOR: 'SNOWFLAKE_JWT' };
      const env = { ...process.env, SNOWFLAKE_HOME: join(root, 'sfhome'), ...secretEnv };
      const pull = await runCli(['pull', deck], { env });
      expect(pull.code, pull.stderr).toBe(0);
      expect(pull.stderr).not.toMatch(/error|warn/i);
      expect(pull.stderr).toMatch(/wrote .*metrics\.lock\.json: 2 metrics, 0 quality checks from Snowflake account acme-prod as ana, role ANALYST, warehouse WH\n$/);
      const lock = JSON.parse(readFileSync(join(deck, 'metrics.lock.json'), 'utf8'));
      expect(lock.engine).toBe('snowflake');
      // where the numbers came from, as the server reported the session, and every statement's query id
      expect(lock.session).toEqual({ connection: 'pilot', account: 'acme-prod', user: 'ana', role: 'ANALYST', warehouse: 'WH' });
      expect(Object.keys(lock.queryIds).sort()).toEqual(['metric hire_rate', 'metric minutes']);
      for (const ids of Object.values(lock.queryIds) as string[][]) expect(ids).toEqual([expect.stringMatching(/^01fa-\d{6}$/)]);
      expect(fake.sessionParameters.TIMEZONE).toBe('UTC');
      expect(lock.metrics.hire_rate.rows.map((r: { arm: string }) => r.arm).sort()).toEqual(['control', 'treatment']);
      const build = await runCli(['build', deck, '--json'], { env });
      expect(build.code).toBe(0);
      expect(JSON.parse(build.stdout).verdict.criterion).toBe('ship');
      // the binds reached the server as binds, not pasted into the SQL text
      expect(fake.queries.some((q) => q.sqlText.includes('minutes >= :1') || q.sqlText.includes('minutes >= ?'))).toBe(true);
      expectNoSecret([{ path: 'stdout', text: pull.stdout + build.stdout }, { path: 'stderr', text: pull.stderr + build.stderr }, ...allFiles(deck)]);
    });
  }

  it('reads a metric from a file in the deck with the local DuckDB, the rest in Snowflake', async () => {
    const deck = join(root, 'with-file');
    mkdirSync(join(deck, 'exports'), { recursive: true });
    writeFileSync(join(deck, 'exports', 'nps.csv'), 'arm,segment,n,successes\ncontrol,all,200,120\ntreatment,all,200,130\n');
    writeFileSync(
      join(deck, 'gonogo.yaml'),
      SPEC.replace('criteria:', `  - {id: nps, label: Promoters, kind: proportion, unit: share, better: higher, role: secondary, from: {file: exports/nps.csv}}\ncriteria:`),
    );
    const env = { ...process.env, SNOWFLAKE_HOME: join(root, 'sfhome'), SNOWFLAKE_PASSWORD: PASSWORD };
    const queriesBefore = fake.queries.length;
    const pull = await runCli(['pull', deck], { env });
    expect(pull.code, pull.stderr).toBe(0);
    const lock = JSON.parse(readFileSync(join(deck, 'metrics.lock.json'), 'utf8'));
    expect(lock.metrics.nps).toMatchObject({ engine: 'duckdb', file: 'exports/nps.csv', rowCount: 2 });
    expect(lock.metrics.hire_rate.engine).toBe('snowflake');
    expect(lock.queryIds['metric nps']).toBeUndefined();
    // the file never went to Snowflake
    expect(fake.queries.slice(queriesBefore).some((q) => /read_csv|nps\.csv/.test(q.sqlText))).toBe(false);
  });

  it('build warns when the lock was pulled from another account than the one configured now', async () => {
    const deck = join(root, 'password');
    const env = { ...process.env, SNOWFLAKE_HOME: join(root, 'sfhome'), SNOWFLAKE_CONNECTIONS_PILOT_ACCOUNT: 'acme-staging' };
    const build = await runCli(['build', deck, '--json'], { env });
    expect(build.code).toBe(0);
    expect(build.stderr).toMatch(/warning: metrics\.lock\.json was pulled from Snowflake account "acme-prod" \(user ana\), but the connection configured now is account "acme-staging"/);
    expect(build.stderr).toContain('SNOWFLAKE_CONNECTIONS_PILOT_ACCOUNT');
    // the same account: no warning; no connection configured at all (a reviewer's machine): no warning
    expect((await runCli(['build', deck, '--json'], { env: { ...process.env, SNOWFLAKE_HOME: join(root, 'sfhome') } })).stderr).not.toMatch(/warning/);
    expect((await runCli(['build', deck, '--json'], { env: { ...process.env, SNOWFLAKE_HOME: join(root, 'nowhere') } })).stderr).not.toMatch(/warning/);
  });

  it('bad credentials: exit 2, a hint, no secret, and the previous lock untouched', async () => {
    const deck = join(root, 'password');
    const before = readFileSync(join(deck, 'metrics.lock.json'));
    const env = { ...process.env, SNOWFLAKE_HOME: join(root, 'sfhome'), SNOWFLAKE_PASSWORD: `${PASSWORD}-wrong` };
    const r = await runCli(['pull', deck], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/SNOWFLAKE_PASSWORD|password/);
    expect(r.stderr).not.toContain(PASSWORD);
    expect(readFileSync(join(deck, 'metrics.lock.json')).equals(before)).toBe(true);
  });
});
