// Loads snowflake-sdk lazily (≈185 packages) and routes its logger away from the terminal.
import { createRequire } from 'node:module';
import { errorDiag, GonogoError } from '../diagnostics.js';
import { Redactor } from './snowflake-redact.js';

/** The slice of snowflake-sdk's API gonogo uses; declared here so builds without the optional package still type-check. */
export interface SdkColumn {
  getName(): string;
  isDate(): boolean;
  isTimestamp(): boolean;
}
/** The session after a statement, from the response's finalRoleName, finalWarehouseName, … */
export interface SdkSessionState {
  getCurrentRole(): string | undefined;
  getCurrentWarehouse(): string | undefined;
  getCurrentDatabase(): string | undefined;
  getCurrentSchema(): string | undefined;
}
export interface SdkStatement {
  getColumns(): SdkColumn[] | undefined;
  getSessionState(): SdkSessionState | undefined;
  getRequestId(): string | undefined;
  getQueryId(): string | undefined;
  cancel(callback?: (err: unknown) => void): void;
  /** With streamResult: the result's size, known before any row is fetched. */
  getNumRows(): number;
  streamRows(): NodeJS.ReadableStream;
}
export interface SdkConnection {
  connect(callback: (err: unknown, conn: SdkConnection) => void): SdkConnection;
  execute(options: {
    sqlText: string;
    binds?: unknown[];
    streamResult?: boolean;
    complete: (err: unknown, stmt: SdkStatement, rows?: Record<string, unknown>[]) => void;
  }): SdkStatement;
  destroy(callback: (err: unknown) => void): void;
}
export interface Sdk {
  createConnection(options: Record<string, unknown>): SdkConnection;
  configure(options: Record<string, unknown>): void;
}

type Listener = (line: string) => void;

/** One redactor for the whole process: the SDK's logger is global, so every engine's secrets are masked in every line. */
export const sharedRedactor = new Redactor();
const listeners = new Set<Listener>();
const abandoned = new Set<string>();
let loaded: Promise<Sdk> | undefined;

/**
 * Stops the driver's retries of a statement gonogo gave up on. snowflake-sdk retries a failed query
 * request up to 1000 times (sleeps up to 16 s) with no way to cancel it from its API, which would keep
 * the process alive for hours after a dropped connection.
 */
export function abandonStatement(ids: (string | undefined)[]): void {
  for (const id of ids) if (id) abandoned.add(id);
}

export function onSdkLog(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function emit(level: string, message: unknown): void {
  if (listeners.size === 0) return;
  const line = `${level}: ${sharedRedactor.redact(String(message))}`;
  for (const l of listeners) l(line);
}

export function loadSdk(): Promise<Sdk> {
  loaded ??= (async () => {
    // On import the driver probes cloud metadata endpoints and AWS STS to report the platform in its login
    // telemetry (up to seconds on a laptop); gonogo opts out unless the user chose otherwise.
    process.env.SNOWFLAKE_DISABLE_PLATFORM_DETECTION ??= 'true';
    // The AWS SDK inside snowflake-sdk warns on stderr about Node < 22 when a client is built; gonogo supports Node 20.
    process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
    let mod: { default?: Sdk } & Partial<Sdk>;
    try {
      // required (a CommonJS package), not imported: the bundle runs as a script through V8's code cache, which
      // cannot import(); the name in a variable keeps the bundler from pulling it in
      const name = 'snowflake-sdk';
      mod = createRequire(import.meta.url)(name) as typeof mod;
    } catch {
      loaded = undefined;
      throw new GonogoError(
        errorDiag('snowflake/sdk-missing', 'the Snowflake driver (snowflake-sdk) is not installed', {
          hint: 'run `npm install snowflake-sdk` in the folder gonogo is installed in',
        }),
      );
    }
    const sdk = (mod.default ?? mod) as Sdk;
    stopRetriesOfAbandoned();
    // Without a custom logger the SDK writes INFO lines to the console and to ./snowflake.log.
    sdk.configure({
      logLevel: 'DEBUG',
      additionalLogToConsole: false,
      customLogger: {
        error: (m: unknown) => emit('error', m),
        warn: (m: unknown) => emit('warn', m),
        info: (m: unknown) => emit('info', m),
        debug: (m: unknown) => emit('debug', m),
        trace: () => {},
      },
    });
    return sdk;
  })();
  return loaded;
}

/** Best effort: a request interceptor on the driver's own axios instance (an internal module; skipped if it moved). */
function stopRetriesOfAbandoned(): void {
  try {
    const require = createRequire(import.meta.url);
    const sdkMain = require.resolve('snowflake-sdk');
    const axiosModule = createRequire(sdkMain)('./lib/http/axios_instance.js') as {
      default?: { interceptors?: { request: { use(f: (c: { url?: string }) => unknown): void } } };
    };
    axiosModule.default?.interceptors?.request.use((config) => {
      const url = config.url ?? '';
      if (url.includes('/abort-request')) return config; // the cancel itself must go through
      for (const id of abandoned) {
        if (url.includes(id)) throw Object.assign(new Error('request abandoned by gonogo'), { code: 'ERR_CANCELED' });
      }
      return config;
    });
  } catch {
    // An SDK without this module only retries longer.
  }
}
