// A local stand-in for Snowflake's REST endpoints, enough for snowflake-sdk 3.x to log in, run queries and close.
// Shapes follow the SDK's own request code (lib/services/sf.js, lib/connection/statement.js) and its
// recorded responses (test/unit/mock/mock_http_client.js in snowflake-connector-nodejs).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { checkLogin, type FakeUser } from './auth.js';
import { FakeSqlError, runQuery, type JsonResult, type SnowflakeBinding } from './sql.js';

export interface FakeSnowflakeOptions extends FakeUser {
  /** Statements run once in DuckDB before the server answers, e.g. CREATE TABLE … AS SELECT …. */
  setupSql?: string[];
}

/** Failure knobs; tests change them between queries. */
export interface FakeKnobs {
  /** Every query takes this long before it runs. */
  queryDelayMs: number;
  /** How long a query-request is held before GS answers "still running" (333334); the real service waits ~45 s. */
  asyncAfterMs: number;
  /** The next N query-requests get their socket destroyed instead of an answer (Infinity: all of them). */
  dropQueries: number;
  /** The next N login-requests get their socket destroyed. */
  dropLogins: number;
  /** Every login-request is held this long before it is answered. */
  loginDelayMs: number;
}

export interface FakeRequest {
  method: string;
  path: string;
}

export interface FakeSnowflake {
  host: string;
  port: number;
  knobs: FakeKnobs;
  /** Every request in arrival order (method + path without query string). */
  requests: FakeRequest[];
  /** Login bodies as received, for tests that check what the SDK sent. */
  logins: Record<string, unknown>[];
  /** SQL texts and bindings of query-requests that ran. */
  queries: { sqlText: string; bindings?: Record<string, SnowflakeBinding> }[];
  close(): Promise<void>;
}

interface QueryState {
  done: Promise<void>;
  outcome?: { result: JsonResult } | { error: string };
  timer?: NodeJS.Timeout;
  cancel(): void;
}

const SESSION_PARAMETERS = [
  { name: 'TIMEZONE', value: 'UTC' },
  { name: 'TIMESTAMP_OUTPUT_FORMAT', value: 'YYYY-MM-DD HH24:MI:SS.FF3 TZHTZM' },
  { name: 'TIMESTAMP_NTZ_OUTPUT_FORMAT', value: '' },
  { name: 'TIMESTAMP_LTZ_OUTPUT_FORMAT', value: '' },
  { name: 'TIMESTAMP_TZ_OUTPUT_FORMAT', value: '' },
  { name: 'DATE_OUTPUT_FORMAT', value: 'YYYY-MM-DD' },
  { name: 'TIME_OUTPUT_FORMAT', value: 'HH24:MI:SS' },
  { name: 'CLIENT_SESSION_KEEP_ALIVE', value: false },
  { name: 'JS_TREAT_INTEGER_AS_BIGINT', value: false },
];

export async function startFakeSnowflake(opts: FakeSnowflakeOptions): Promise<FakeSnowflake> {
  const db = await DuckDBInstance.create(':memory:');
  const conn: DuckDBConnection = await db.connect();
  for (const sql of opts.setupSql ?? []) await conn.run(sql);

  const knobs: FakeKnobs = { queryDelayMs: 0, asyncAfterMs: 200, dropQueries: 0, dropLogins: 0, loginDelayMs: 0 };
  const requests: FakeRequest[] = [];
  const logins: Record<string, unknown>[] = [];
  const queries: FakeSnowflake['queries'] = [];
  const sessions = new Set<string>();
  const running = new Map<string, QueryState>();
  const sockets = new Set<Socket>();
  let seq = 0;

  const startQuery = (sqlText: string, bindings?: Record<string, SnowflakeBinding>): QueryState => {
    let cancelled = false;
    const state = {} as QueryState;
    state.done = new Promise<void>((resolve) => {
      const run = async () => {
        if (cancelled) return resolve();
        queries.push({ sqlText, bindings });
        try {
          state.outcome = { result: await runQuery(conn, sqlText, bindings) };
        } catch (err) {
          state.outcome = { error: err instanceof FakeSqlError ? err.message : String(err) };
        }
        resolve();
      };
      if (knobs.queryDelayMs > 0) state.timer = setTimeout(run, knobs.queryDelayMs);
      else void run();
      state.cancel = () => {
        cancelled = true;
        clearTimeout(state.timer);
        state.outcome = { error: 'SQL execution canceled' };
        resolve();
      };
    });
    return state;
  };

  /** Answers with the result if the query finishes within asyncAfterMs, else with "still running". */
  const answerQuery = async (res: ServerResponse, queryId: string) => {
    const state = running.get(queryId)!;
    let hold: NodeJS.Timeout | undefined;
    await Promise.race([state.done, new Promise((r) => (hold = setTimeout(r, knobs.asyncAfterMs)))]);
    clearTimeout(hold);
    if (!state.outcome) {
      return send(res, { success: true, code: '333334', message: null, data: { queryId, getResultUrl: `/queries/${queryId}/result` } });
    }
    running.delete(queryId);
    if ('error' in state.outcome) return send(res, sqlError(queryId, state.outcome.error));
    const { rowtype, rowset } = state.outcome.result;
    send(res, {
      success: true,
      code: null,
      message: null,
      data: {
        parameters: SESSION_PARAMETERS,
        rowtype,
        rowset,
        total: rowset.length,
        returned: rowset.length,
        queryId,
        queryResultFormat: 'json',
        finalDatabaseName: 'GONOGO',
        finalSchemaName: 'PUBLIC',
        finalWarehouseName: 'WH',
        finalRoleName: 'ANALYST',
        numberOfBinds: 0,
        statementTypeId: 4096,
        version: 1,
      },
    });
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const body = await readJson(req);
    requests.push({ method: req.method ?? 'GET', path: url.pathname });
    const token = /Snowflake Token="([^"]*)"/.exec(req.headers.authorization ?? '')?.[1];
    const authed = token !== undefined && sessions.has(token);

    if (url.pathname === '/session/v1/login-request') {
      const data = (body.data ?? {}) as Record<string, unknown>;
      logins.push(data);
      if (knobs.dropLogins > 0) {
        knobs.dropLogins -= 1;
        return req.socket.destroy();
      }
      if (knobs.loginDelayMs > 0) await new Promise((r) => setTimeout(r, knobs.loginDelayMs));
      if (res.destroyed) return;
      const refusal = checkLogin(data, opts);
      if (refusal) return send(res, { success: false, code: refusal.code, message: refusal.message, data: { nextAction: 'RETRY_LOGIN' } });
      const sessionToken = `session-${++seq}`;
      sessions.add(sessionToken);
      return send(res, {
        success: true,
        code: null,
        message: null,
        data: {
          token: sessionToken,
          masterToken: `master-${seq}`,
          validityInSeconds: 3600,
          masterValidityInSeconds: 14400,
          sessionId: 1000 + seq,
          displayUserName: opts.user.toUpperCase(),
          serverVersion: 'fake',
          parameters: SESSION_PARAMETERS,
        },
      });
    }
    if (!authed) return send(res, { success: false, code: '390104', message: 'Authentication token is invalid.', data: null });

    if (url.pathname === '/queries/v1/query-request') {
      if (knobs.dropQueries > 0) {
        knobs.dropQueries -= 1;
        return req.socket.destroy();
      }
      const queryId = `01fa-${String(++seq).padStart(6, '0')}`;
      running.set(queryId, startQuery(String(body.sqlText ?? ''), body.bindings as Record<string, SnowflakeBinding>));
      return answerQuery(res, queryId);
    }
    const resultMatch = /^\/queries\/([^/]+)\/result$/.exec(url.pathname);
    if (resultMatch && running.has(resultMatch[1])) return answerQuery(res, resultMatch[1]);
    if (url.pathname.endsWith('/abort-request')) {
      for (const state of running.values()) state.cancel();
      return send(res, { success: true, code: null, message: null, data: null });
    }
    if (url.pathname === '/session' && url.searchParams.get('delete') === 'true') {
      sessions.delete(token!);
      return send(res, { success: true, code: null, message: null, data: null });
    }
    if (['/session/heartbeat', '/telemetry/send', '/session/token-request'].includes(url.pathname)) {
      return send(res, { success: true, code: null, message: null, data: {} });
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ success: false, code: '000404', message: `fake Snowflake has no ${url.pathname}`, data: null }));
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ success: false, code: '000500', message: String(err), data: null }));
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    host: '127.0.0.1',
    port,
    knobs,
    requests,
    logins,
    queries,
    async close() {
      for (const state of running.values()) state.cancel();
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      conn.closeSync();
      db.closeSync();
    },
  };
}

function sqlError(queryId: string, message: string) {
  return {
    success: false,
    code: '001003',
    message: `SQL compilation error:\n${message}`,
    data: { internalError: false, errorCode: '001003', sqlState: '42000', queryId, line: -1, pos: -1, type: 'COMPILATION' },
  };
}

function send(res: ServerResponse, payload: unknown): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(payload));
}

/** The SDK gzips request bodies, but sets Content-Encoding only when its async gzip wins a race: sniff the magic bytes. */
async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  let raw = Buffer.concat(chunks);
  if (raw.length === 0) return {};
  if (raw[0] === 0x1f && raw[1] === 0x8b) raw = gunzipSync(raw);
  try {
    return JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
}
