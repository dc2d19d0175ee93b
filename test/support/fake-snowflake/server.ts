// A local stand-in for Snowflake's REST endpoints, enough for snowflake-sdk 3.x to log in, run queries and close.
// Shapes follow the SDK's own request code (lib/services/sf.js, lib/connection/statement.js) and its
// recorded responses (test/unit/mock/mock_http_client.js in snowflake-connector-nodejs). Stricter than the
// DuckDB underneath where Snowflake is (sql.ts refuses DuckDB-only syntax), it returns unquoted names upper-cased,
// and serves a large result the way the service does: the first rows inline, the rest as gzipped chunks the driver
// downloads from "cloud storage" URLs with the query-result master key (lib/connection/result/chunk.js,
// lib/services/large_result_set.js).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gunzipSync, gzipSync } from 'node:zlib';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { checkLogin, type FakeUser } from './auth.js';
import { FakeSqlError, SNOWFLAKE_SHIMS, runQuery, type JsonResult, type SnowflakeBinding } from './sql.js';

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
  /** Rows per result chunk: a result longer than this comes as the first chunk inline plus downloaded chunks. */
  chunkRows: number;
  /** The next N chunk downloads get their socket destroyed (Infinity: all of them). */
  dropChunks: number;
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
  /** Session parameters set with ALTER SESSION SET, by name (upper case). */
  sessionParameters: Record<string, string>;
  close(): Promise<void>;
}

interface QueryState {
  done: Promise<void>;
  outcome?: { result: JsonResult } | { error: FakeSqlError };
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
  await conn.run(`SET TimeZone = 'UTC'`);
  for (const sql of [...SNOWFLAKE_SHIMS, ...(opts.setupSql ?? [])]) await conn.run(sql);

  const knobs: FakeKnobs = { queryDelayMs: 0, asyncAfterMs: 200, dropQueries: 0, dropLogins: 0, loginDelayMs: 0, chunkRows: 1000, dropChunks: 0 };
  const sessionParameters: Record<string, string> = {};
  /** Downloaded chunks by path, gzipped, with the key a download must present. */
  const chunks = new Map<string, { body: Buffer; qrmk: string }>();
  /** The session each token opened: what the login asked for, as Snowflake reports it back (upper case). */
  const sessionContext = new Map<string, { role: string; warehouse: string | null; database: string | null; schema: string | null }>();
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
          const setting = /^\s*ALTER\s+SESSION\s+SET\s+(\w+)\s*=\s*'([^']*)'\s*;?\s*$/i.exec(sqlText);
          if (setting) sessionParameters[setting[1].toUpperCase()] = setting[2];
          state.outcome = {
            result: setting
              ? { rowtype: [{ name: 'status', type: 'text', precision: null, scale: null, length: 16777216, byteLength: 16777216, nullable: true }], rowset: [['Statement executed successfully.']] }
              : await runQuery(conn, sqlText, bindings),
          };
        } catch (err) {
          state.outcome = { error: err instanceof FakeSqlError ? err : new FakeSqlError(String(err)) };
        }
        resolve();
      };
      // ALTER SESSION needs no warehouse and answers at once, however slow queries are.
      const delay = /^\s*ALTER\s+SESSION\b/i.test(sqlText) ? 0 : knobs.queryDelayMs;
      if (delay > 0) state.timer = setTimeout(run, delay);
      else void run();
      state.cancel = () => {
        cancelled = true;
        clearTimeout(state.timer);
        state.outcome = { error: new FakeSqlError('SQL execution canceled', '000604', '57014') };
        resolve();
      };
    });
    return state;
  };

  /** Answers with the result if the query finishes within asyncAfterMs, else with "still running". */
  const answerQuery = async (res: ServerResponse, queryId: string, token: string) => {
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
    const inline = rowset.slice(0, knobs.chunkRows);
    const chunked: { url: string; rowCount: number; uncompressedSize: number; compressedSize: number }[] = [];
    const qrmk = `qrmk-${queryId}`;
    for (let start = knobs.chunkRows; start < rowset.length; start += knobs.chunkRows) {
      const rows = rowset.slice(start, start + knobs.chunkRows);
      // A chunk file holds the rows without the enclosing brackets (chunk.js adds them before parsing).
      const text = rows.map((r) => JSON.stringify(r)).join(',');
      const body = gzipSync(text);
      const path = `/results/${queryId}/main/data_0_0_${chunked.length}`;
      chunks.set(path, { body, qrmk });
      chunked.push({ url: `http://127.0.0.1:${port}${path}`, rowCount: rows.length, uncompressedSize: Buffer.byteLength(text), compressedSize: body.length });
    }
    const context = sessionContext.get(token);
    send(res, {
      success: true,
      code: null,
      message: null,
      data: {
        parameters: SESSION_PARAMETERS,
        rowtype,
        rowset: inline,
        ...(chunked.length ? { chunks: chunked, qrmk } : {}),
        total: rowset.length,
        returned: rowset.length,
        queryId,
        queryResultFormat: 'json',
        finalDatabaseName: context?.database ?? null,
        finalSchemaName: context?.schema ?? null,
        finalWarehouseName: context?.warehouse ?? null,
        finalRoleName: context?.role ?? 'PUBLIC',
        numberOfBinds: 0,
        statementTypeId: 4096,
        version: 1,
      },
    });
  };

  /** A chunk download, as cloud storage answers it: the object with the right key, else 403 in XML. */
  const answerChunk = (req: IncomingMessage, res: ServerResponse, path: string) => {
    const chunk = chunks.get(path);
    if (knobs.dropChunks > 0) {
      knobs.dropChunks -= 1;
      return req.socket.destroy();
    }
    if (!chunk || req.headers['x-amz-server-side-encryption-customer-key'] !== chunk.qrmk) {
      res.writeHead(403, { 'content-type': 'application/xml' });
      return res.end('<Error><Code>AccessDenied</Code></Error>');
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-encoding': 'gzip', 'content-length': chunk.body.length });
    res.end(chunk.body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const body = await readJson(req);
    requests.push({ method: req.method ?? 'GET', path: url.pathname });
    const token = /Snowflake Token="([^"]*)"/.exec(req.headers.authorization ?? '')?.[1];
    const authed = token !== undefined && sessions.has(token);

    if (/^\/results\//.test(url.pathname)) return answerChunk(req, res, url.pathname);
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
      const asked = (name: string) => url.searchParams.get(name)?.toUpperCase() ?? null;
      sessionContext.set(sessionToken, { role: asked('roleName') ?? 'PUBLIC', warehouse: asked('warehouse'), database: asked('databaseName'), schema: asked('schemaName') });
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
      return answerQuery(res, queryId, token!);
    }
    const resultMatch = /^\/queries\/([^/]+)\/result$/.exec(url.pathname);
    if (resultMatch && running.has(resultMatch[1])) return answerQuery(res, resultMatch[1], token!);
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
    sessionParameters,
    async close() {
      for (const state of running.values()) state.cancel();
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      conn.closeSync();
      db.closeSync();
    },
  };
}

function sqlError(queryId: string, error: FakeSqlError) {
  const message = error.message.startsWith('SQL ') ? error.message : `SQL compilation error:\n${error.message}`;
  return {
    success: false,
    code: error.code,
    message,
    data: { internalError: false, errorCode: error.code, sqlState: error.sqlState, queryId, line: -1, pos: -1, type: 'COMPILATION' },
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
