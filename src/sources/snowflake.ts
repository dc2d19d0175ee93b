// The Snowflake engine: snowflake-sdk with credentials from connections.toml / SNOWFLAKE_* variables,
// bind variables only, plain JS rows, and no secret in any message or log line.
import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { errorDiag, EXIT, GonogoError, type Diagnostic } from '../diagnostics.js';
import { RowsLimitError, type Engine, type EngineSession, type QueryOptions, type Row, type SqlValue } from './engine.js';
import { toPositional } from './snowflake-binds.js';
import { resolveSnowflakeSettings, type SnowflakeSettings } from './snowflake-config.js';
import { loginError, queryError, timeoutError, type SdkError, type Trouble } from './snowflake-errors.js';
import { abandonStatement, loadSdk, onSdkLog, sharedRedactor, type SdkColumn, type SdkConnection, type SdkStatement } from './snowflake-sdk.js';

export interface SnowflakeOptions {
  /** The connection named by the spec's `source.connection`; else SNOWFLAKE_DEFAULT_CONNECTION_NAME, default_connection_name, [default]. */
  connection?: string;
  env?: NodeJS.ProcessEnv;
  home?: string;
  /** Deadline for the login and for each query (default 10 minutes). */
  timeoutMs?: number;
  /** Receives warnings about the connection files (readable by other users). */
  onWarning?: (d: Diagnostic) => void;
  /** Receives the driver's log lines, secrets masked (e.g. for --debug). Nothing reaches the terminal otherwise. */
  log?: (line: string) => void;
  /** For tests against a local server. */
  overrides?: { host?: string; port?: number; protocol?: 'http' | 'https'; loginRetries?: number };
}

const DEFAULT_TIMEOUT_MS = 10 * 60_000;

export async function openSnowflake(opts: SnowflakeOptions = {}): Promise<Engine> {
  const env = opts.env ?? process.env;
  const home = opts.home ?? homedir();
  const settings = resolveSnowflakeSettings({ connection: opts.connection, env, home });
  for (const w of settings.warnings) opts.onWarning?.(w);
  const redactor = sharedRedactor;
  for (const secret of [settings.password, settings.privateKey, settings.privateKeyPassphrase]) redactor.add(secret);
  const auth = authOptions(settings, home);
  if (auth.privateKey) redactor.add(auth.privateKey as string);
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  const sdk = await loadSdk();
  // What the driver's log says went wrong while gonogo waits: a dropped connection, or a result chunk that could
  // not be downloaded from the cloud storage large results are served from. Read for the timeout's message.
  let trouble: Trouble = {};
  const stopLog = onSdkLog((line) => {
    const dropped = /Retrying request.*error=([^,]+)/.exec(line) ?? /failed after .*?(socket hang up|ECONNRESET|ECONNREFUSED)/.exec(line);
    if (dropped) trouble = { ...trouble, network: dropped[1] };
    const download = /getting data from cloud storage: (?:.*?"code":"([A-Z_]+)"|.*?Error: ([^"\\]+)|status: (\d+))/.exec(line);
    if (download) trouble = { ...trouble, download: download[1] ?? download[2] ?? `HTTP ${download[3]}` };
    opts.log?.(line);
  });

  let conn: SdkConnection;
  try {
    conn = sdk.createConnection({
      account: settings.account,
      username: settings.user,
      ...auth,
      warehouse: settings.warehouse,
      database: settings.database,
      schema: settings.schema,
      role: settings.role,
      host: opts.overrides?.host ?? settings.host,
      port: opts.overrides?.port ?? settings.port,
      protocol: opts.overrides?.protocol ?? settings.protocol,
      application: 'gonogo',
      clientSessionKeepAlive: false,
      sfRetryMaxLoginRetries: opts.overrides?.loginRetries ?? 2,
      timeout: Math.max(1000, Math.round(timeoutMs)),
    });
  } catch (err) {
    stopLog();
    throw loginError(err as SdkError, settings, redactor);
  }

  trouble = {};
  const login = await withDeadline<unknown>(timeoutMs, (done) => conn.connect((err) => done(err ?? null)));
  if (login.timedOut || login.value) {
    const failure = login.timedOut
      ? timeoutError('login', timeoutMs, undefined, trouble, settings, redactor)
      : loginError(login.value as SdkError, settings, redactor);
    void destroy(conn, 0); // a login still under way is abandoned, not waited for
    stopLog();
    throw failure;
  }

  let closed = false;
  let lastQueryId: string | undefined;
  let session: EngineSession = {
    ...(settings.connection ? { connection: settings.connection } : {}),
    account: settings.account,
    user: settings.user,
  };
  type Outcome = { err: unknown; rows?: Record<string, unknown>[]; columns?: SdkColumn[]; statement?: SdkStatement };
  /**
   * One statement against the deadline; a statement past it is cancelled and its retries stopped. With a row
   * limit, rows are streamed: the result's size is known before any row is fetched, and a larger one is refused.
   */
  const execute = async (sql: string, binds: unknown[], stage: 'login' | 'query', shown = sql, limit?: number): Promise<Outcome> => {
    trouble = {};
    let statement: SdkStatement | undefined;
    const outcome = await withDeadline<Outcome>(timeoutMs, (done) => {
      try {
        statement = conn.execute({
          sqlText: sql,
          binds,
          ...(limit === undefined ? {} : { streamResult: true }),
          complete: (err, stmt, rows) => {
            if (err || limit === undefined) return done({ err, rows, columns: err ? undefined : stmt.getColumns(), statement: stmt });
            const total = stmt.getNumRows();
            if (total > limit) return done({ err: new RowsLimitError(limit, total), statement: stmt });
            const streamed: Record<string, unknown>[] = [];
            stmt
              .streamRows()
              .on('data', (r: Record<string, unknown>) => streamed.push(r))
              .on('error', (e: unknown) => done({ err: e, statement: stmt }))
              .on('end', () => done({ err: null, rows: streamed, columns: stmt.getColumns(), statement: stmt }));
          },
        });
      } catch (err) {
        done({ err });
      }
    });
    if (outcome.timedOut) {
      if (statement) {
        statement.cancel(() => {});
        abandonStatement([statement.getRequestId(), statement.getQueryId()]);
      }
      throw timeoutError(stage, timeoutMs, stage === 'query' ? shown : undefined, trouble, settings, redactor);
    }
    return outcome.value;
  };
  const fail = async (error: GonogoError): Promise<never> => {
    closed = true;
    await destroy(conn, 0);
    stopLog();
    throw error;
  };

  // Timestamps without a zone mean UTC, as in DuckDB: the session's zone decides how Snowflake reads an NTZ value
  // next to a zoned one (CONVERT_TIMEZONE, comparisons), whatever the account's default is.
  const tz = await execute(`ALTER SESSION SET TIMEZONE = 'UTC'`, [], 'login').catch((e: GonogoError) => fail(e));
  if (tz.err) await fail(queryError(tz.err as SdkError, 'ALTER SESSION SET TIMEZONE', settings, redactor));
  session = { ...session, ...sessionOf(tz.statement) };

  return {
    name: 'snowflake',
    get lastQueryId() {
      return lastQueryId;
    },
    get session() {
      return session;
    },
    async query(sql: string, binds?: SqlValue[] | Record<string, SqlValue>, opts: QueryOptions = {}): Promise<Row[]> {
      if (closed) throw new GonogoError(errorDiag('snowflake/closed', 'the Snowflake connection is already closed'), EXIT.internal);
      const q = toPositional(sql, binds);
      const { err, rows, columns, statement } = await execute(q.sql, q.binds, 'query', sql, opts.rowsLimit);
      if (err instanceof RowsLimitError) throw err;
      if (err) throw queryError(err as SdkError, sql, settings, redactor);
      lastQueryId = statement?.getQueryId() ?? undefined;
      session = { ...session, ...sessionOf(statement) };
      return (rows ?? []).map((r) => plainRow(r, columns ?? []));
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      // Logging out is a courtesy: a server that does not answer within a second is not waited for.
      await destroy(conn, Math.min(timeoutMs, 1000));
      stopLog();
    },
  };
}

/** Role, warehouse, database and schema as the server reported them after a statement (unset ones left out). */
function sessionOf(statement: SdkStatement | undefined): Partial<EngineSession> {
  const state = statement?.getSessionState();
  if (!state) return {};
  const out: Partial<EngineSession> = {};
  const set = (key: 'role' | 'warehouse' | 'database' | 'schema', value: string | undefined) => {
    if (value) out[key] = value;
  };
  set('role', state.getCurrentRole());
  set('warehouse', state.getCurrentWarehouse());
  set('database', state.getCurrentDatabase());
  set('schema', state.getCurrentSchema());
  return out;
}

/** Password or key pair; the key is read and decrypted here so a wrong path or passphrase is named clearly. */
function authOptions(s: SnowflakeSettings, home: string): Record<string, unknown> {
  if (s.authenticator === 'SNOWFLAKE') {
    if (!s.password) {
      throw new GonogoError(
        errorDiag('snowflake/missing-password', `no password for Snowflake user "${s.user}" (${s.described})`, {
          hint: 'set SNOWFLAKE_PASSWORD, or use a key pair: SNOWFLAKE_PRIVATE_KEY_PATH (authenticator SNOWFLAKE_JWT)',
        }),
      );
    }
    return { authenticator: 'SNOWFLAKE', password: s.password };
  }
  const from = s.origin.privateKey ?? s.origin.privateKeyPath ?? 'SNOWFLAKE_PRIVATE_KEY_PATH';
  let pem = s.privateKey?.replace(/\\n/g, '\n');
  if (!pem && s.privateKeyPath) {
    try {
      pem = readFileSync(s.privateKeyPath.replace(/^~(?=\/|$)/, home), 'utf8');
    } catch (err) {
      throw new GonogoError(
        errorDiag('snowflake/private-key-unreadable', `cannot read the private key file ${s.privateKeyPath} (${(err as NodeJS.ErrnoException).code ?? 'error'})`, {
          field: from,
          hint: 'point it at the PKCS#8 .p8 file whose public key is registered for the user',
        }),
      );
    }
  }
  if (!pem) {
    throw new GonogoError(
      errorDiag('snowflake/missing-private-key', `key-pair login for "${s.user}" needs a private key (${s.described})`, {
        hint: 'set SNOWFLAKE_PRIVATE_KEY_PATH (or private_key_file in connections.toml)',
      }),
    );
  }
  let key;
  try {
    key = createPrivateKey({ key: pem, format: 'pem', passphrase: s.privateKeyPassphrase });
  } catch {
    throw new GonogoError(
      errorDiag('snowflake/private-key-invalid', `the private key from ${from} cannot be ${s.privateKeyPassphrase ? 'decrypted' : 'read'}`, {
        field: from,
        hint: s.privateKeyPassphrase
          ? `check the passphrase (${s.origin.privateKeyPassphrase})`
          : 'an encrypted key needs SNOWFLAKE_PRIVATE_KEY_PASSPHRASE; the key must be PEM (PKCS#8 or PKCS#1)',
      }),
    );
  }
  return { authenticator: 'SNOWFLAKE_JWT', privateKey: key.export({ format: 'pem', type: 'pkcs8' }).toString() };
}

/** Snowflake folds unquoted names to upper case; gonogo's rows use the lower-case names the SQL was written with. */
function plainRow(r: Record<string, unknown>, columns: SdkColumn[]): Row {
  const out: Row = {};
  const byName = new Map(columns.map((c) => [c.getName(), c]));
  for (const [name, value] of Object.entries(r)) {
    const key = name === name.toUpperCase() ? name.toLowerCase() : name;
    out[key] = plainValue(value, byName.get(name));
  }
  return out;
}

function plainValue(v: unknown, column: SdkColumn | undefined): SqlValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return column?.isDate() ? v.toISOString().slice(0, 10) : v.toISOString();
  if (Buffer.isBuffer(v)) return v.toString('hex');
  return JSON.stringify(v);
}

type Deadline<T> = { timedOut: true } | { timedOut: false; value: T };

/** Runs a callback-style operation against a deadline. */
function withDeadline<T>(ms: number, start: (done: (value: T) => void) => void): Promise<Deadline<T>> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ timedOut: true }), ms);
    start((value) => {
      clearTimeout(timer);
      resolve({ timedOut: false, value });
    });
  });
}

/** Closes the session; a server that does not answer is given up on, not waited for (ms 0: not at all). */
async function destroy(conn: SdkConnection, ms: number): Promise<void> {
  await withDeadline<unknown>(ms, (done) => {
    try {
      conn.destroy(() => done(null));
    } catch {
      done(null);
    }
  });
}
