// The real CLI process (bin/gonogo.js) against the local Snowflake server, one fault at a time: each prints one
// message, exits with its code, leaves the last good lock untouched, and is gone within 2 s of the message —
// no driver retry, socket or timer may keep it alive.
import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { closedPort } from '../support/ports.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSnowflake, type FakeKnobs, type FakeSnowflake } from '../support/fake-snowflake/server.js';

const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin', 'gonogo.js');
const PASSWORD = 'exit-test-Pa55word';
const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ENCRYPTED_KEY = keys.privateKey.export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: 'right phrase' }).toString();

const DATASET = `create table requests as
  select case when i % 2 = 0 then 'control' else 'treatment' end as variant, 10 + (i * 37) % 50 as minutes
  from range(3000) t(i)`;

// minutes: one row per request (3000 rows), so the result arrives in downloaded chunks (1000 rows each).
const SPEC = `deck: {title: Exit deck, owner: Analytics, date: 2026-11-20}
decision: {question: Ship it?, options: [{id: A, label: Ship}]}
metrics:
  - {id: minutes, label: Minutes, kind: median, unit: minutes, better: lower, role: primary,
     from: {sql: "select variant as arm, 'all' as segment, minutes as value from requests"}}
criteria:
  ship: {label: Ship, option: A, all: [{metric: minutes, estimate: {at_most: 0%}}]}
source: {engine: snowflake, connection: pilot}
`;

let fake: FakeSnowflake;
let root: string;
let goodLock: Buffer;
const PUBLIC_PEM = keys.publicKey.export({ format: 'pem', type: 'spki' }).toString();

/** A deck folder and a Snowflake home pointing at the given server, with the good lock when there is one. */
function deckFor(name: string, port: number, spec = SPEC): { deck: string; home: string } {
  const deck = join(root, name);
  const home = join(root, `${name}-sfhome`);
  mkdirSync(deck);
  mkdirSync(home);
  writeFileSync(join(home, 'connections.toml'), `[pilot]\naccount = "acme-prod"\nuser = "ana"\nhost = "127.0.0.1"\nport = ${port}\nprotocol = "http"\n`);
  chmodSync(join(home, 'connections.toml'), 0o600);
  writeFileSync(join(deck, 'gonogo.yaml'), spec);
  if (goodLock) writeFileSync(join(deck, 'metrics.lock.json'), goodLock);
  return { deck, home };
}

beforeAll(async () => {
  fake = await startFakeSnowflake({ account: 'acme-prod', user: 'ana', password: PASSWORD, publicKeyPem: PUBLIC_PEM, setupSql: [DATASET] });
  root = mkdtempSync(join(tmpdir(), 'gonogo-sfexit-'));
  // One good pull first (also rebuilds a stale bundle once, before anything is timed). Not spawnSync: the server
  // answering it runs in this process.
  const { deck, home } = deckFor('good', fake.port);
  const ok = await pull(deck, home, { SNOWFLAKE_PASSWORD: PASSWORD });
  expect(ok.code, ok.stderr).toBe(0);
  goodLock = readFileSync(join(deck, 'metrics.lock.json'));
  // The 3000 values came through the chunk download path.
  expect(fake.requests.filter((r) => r.path.startsWith('/results/')).length).toBe(2);
});

afterAll(async () => {
  await fake?.close();
  rmSync(root, { recursive: true, force: true });
});

function env(home: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('SNOWFLAKE_')));
  return { ...base, SNOWFLAKE_HOME: home, ...extra };
}

interface Exit {
  code: number | null;
  stderr: string;
  /** Milliseconds from the first line of the error message to the process's exit. */
  lingerMs: number;
}

function pull(deck: string, home: string, extraEnv: Record<string, string>, args: string[] = []): Promise<Exit> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'pull', deck, ...args], { env: env(home, extraEnv) });
    let stderr = '';
    let messageAt: number | undefined;
    child.stderr.on('data', (b: Buffer) => {
      stderr += b.toString();
      if (messageAt === undefined && /error: /.test(stderr)) messageAt = performance.now();
    });
    child.on('exit', (code) => resolve({ code, stderr, lingerMs: messageAt === undefined ? NaN : performance.now() - messageAt }));
  });
}

type Fault = { name: string; env: Record<string, string>; args?: string[]; knobs?: Partial<FakeKnobs>; spec?: string; code: number; message: RegExp };

const FAULTS: Fault[] = [
  { name: 'a wrong password', env: { SNOWFLAKE_PASSWORD: 'wrong' }, code: 2, message: /Snowflake refused the login of user "ana"/ },
  { name: 'a wrong key passphrase', env: { SNOWFLAKE_PRIVATE_KEY: ENCRYPTED_KEY, SNOWFLAKE_PRIVATE_KEY_PASSPHRASE: 'wrong phrase' }, code: 2, message: /cannot be decrypted/ },
  { name: 'a login that does not answer', env: { SNOWFLAKE_PASSWORD: PASSWORD }, args: ['--timeout', '1'], knobs: { loginDelayMs: 30_000 }, code: 3, message: /did not finish logging in to account "acme-prod" within 1 s[\s\S]*hint: Snowflake answers a login within seconds/ },
  { name: 'a query past the timeout', env: { SNOWFLAKE_PASSWORD: PASSWORD }, args: ['--timeout', '1'], knobs: { queryDelayMs: 30_000 }, code: 3, message: /did not finish the query "select variant[^"]*" within 1 s[\s\S]*hint: the query was cancelled; a larger warehouse/ },
  { name: 'a dropped connection', env: { SNOWFLAKE_PASSWORD: PASSWORD }, args: ['--timeout', '2'], knobs: { dropQueries: Infinity }, code: 3, message: /the connection to Snowflake dropped/ },
  { name: 'a result cut off mid-download', env: { SNOWFLAKE_PASSWORD: PASSWORD }, args: ['--timeout', '2'], knobs: { dropChunks: Infinity }, code: 3, message: /the result of the query "select variant[^"]*" could not be downloaded \(socket hang up\) within 2 s[\s\S]*hint: Snowflake serves large results from cloud storage/ },
  { name: 'an SQL error', env: { SNOWFLAKE_PASSWORD: PASSWORD }, spec: SPEC.replace('from requests', 'from no_such_table'), code: 2, message: /Snowflake rejected the query/ },
];

// Each fault has a server of its own, so they run side by side without sharing failure knobs.
describe.concurrent('gonogo pull exits promptly after every fault', () => {
  for (const fault of FAULTS) {
    it(fault.name, async () => {
      const server = await startFakeSnowflake({ account: 'acme-prod', user: 'ana', password: PASSWORD, publicKeyPem: PUBLIC_PEM, setupSql: [DATASET] });
      try {
        Object.assign(server.knobs, fault.knobs ?? {});
        const { deck, home } = deckFor(fault.name.replace(/\W+/g, '-'), server.port, fault.spec);
        const r = await pull(deck, home, fault.env, fault.args);
        expect(r.code, r.stderr).toBe(fault.code);
        expect(r.stderr).toMatch(fault.message);
        expect(r.stderr).not.toContain(PASSWORD);
        expect(r.lingerMs, r.stderr).toBeLessThan(2000);
        expect(readFileSync(join(deck, 'metrics.lock.json')).equals(goodLock)).toBe(true);
      } finally {
        await server.close();
      }
    });
  }

  it('a server that cannot be reached', async () => {
    const { deck, home } = deckFor('unreachable', await closedPort());
    const r = await pull(deck, home, { SNOWFLAKE_PASSWORD: PASSWORD });
    expect(r.code, r.stderr).toBe(3);
    expect(r.stderr).toMatch(/could not be reached \(ECONNREFUSED\)/);
    expect(r.lingerMs).toBeLessThan(2000);
    expect(readFileSync(join(deck, 'metrics.lock.json')).equals(goodLock)).toBe(true);
  });
});
