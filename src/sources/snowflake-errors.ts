// Turns snowflake-sdk failures into GonogoErrors: the user's mistakes exit 2, an outside system failing exits 3.
import { errorDiag, EXIT, GonogoError } from '../diagnostics.js';
import type { SnowflakeSettings } from './snowflake-config.js';
import type { Redactor } from './snowflake-redact.js';

/** The fields of an SDK error we read (snowflake-sdk lib/errors.js). */
export interface SdkError {
  name?: string;
  code?: string | number;
  message?: string;
  sqlState?: string;
  cause?: { code?: string; message?: string };
  response?: { statusCode?: number; status?: number };
}

/** GS codes for a refused login (390xxx): wrong password, bad JWT, locked or disabled user, and the like. */
const isLoginRefusal = (code: string) => /^390\d{3}$/.test(code) && code !== '390104' && code !== '390112';

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNABORTED', 'EPIPE', 'EHOSTUNREACH']);

export function loginError(err: SdkError, s: SnowflakeSettings, redactor: Redactor): GonogoError {
  const code = String(err.code ?? '');
  const said = redactor.redact(firstLine(err.message));
  if (isLoginRefusal(code)) {
    const keyPair = s.authenticator === 'SNOWFLAKE_JWT';
    const secretFrom = keyPair ? (s.origin.privateKey ?? s.origin.privateKeyPath) : s.origin.password;
    return new GonogoError(
      errorDiag('snowflake/login-refused', `Snowflake refused the login of user "${s.user}" on account "${s.account}" (${code}: ${said})`, {
        field: keyPair ? 'private key' : 'password',
        hint: keyPair
          ? `check ${secretFrom ?? 'the private key'} (${s.described}): its public key must be the one set with ALTER USER ${s.user} SET RSA_PUBLIC_KEY, and ${s.origin.user ?? 'the user'} must name that user`
          : `check ${secretFrom ?? 'SNOWFLAKE_PASSWORD'} and ${s.origin.user ?? 'SNOWFLAKE_USER'} (${s.described})`,
      }),
      EXIT.usage,
    );
  }
  if (err.name === 'InvalidParameterError' || err.name === 'MissingParameterError') {
    return new GonogoError(
      errorDiag('snowflake/bad-setting', `Snowflake connection settings are not valid: ${said}`, { hint: `check ${s.described}` }),
      EXIT.usage,
    );
  }
  return unreachable(err, s, redactor);
}

export function unreachable(err: SdkError, s: SnowflakeSettings, redactor: Redactor): GonogoError {
  const netCode = err.cause?.code ?? (typeof err.code === 'string' && NETWORK_CODES.has(err.code) ? err.code : undefined);
  const status = err.response?.statusCode ?? err.response?.status;
  const detail = redactor.redact(firstLine(err.cause?.message ?? err.message));
  const what = status ? `answered HTTP ${status}` : `could not be reached${netCode ? ` (${netCode})` : ''}`;
  return new GonogoError(
    errorDiag('snowflake/unreachable', `Snowflake account "${s.account}" ${what}: ${detail}`, {
      hint:
        netCode === 'ENOTFOUND'
          ? `check the account identifier (${s.origin.account ?? 'SNOWFLAKE_ACCOUNT'}) and your network`
          : 'check your network or VPN and https://status.snowflake.com, then pull again',
    }),
    EXIT.external,
  );
}

/** A statement Snowflake ran and rejected (compilation or execution error): the query is the user's to fix. */
export function queryError(err: SdkError, sql: string, s: SnowflakeSettings, redactor: Redactor): GonogoError {
  if (err.name !== 'OperationFailedError' || !err.sqlState) return unreachable(err, s, redactor);
  const said = redactor.redact(String(err.message ?? '').replace(/\s+/g, ' ').trim());
  return new GonogoError(
    errorDiag('snowflake/sql-error', `Snowflake rejected the query ${quoteSql(redactor.redact(sql))}: ${said} (code ${err.code}, SQLSTATE ${err.sqlState})`, {
      hint: 'run the query in a Snowflake worksheet to see the problem in context; values go in as bind variables (? or :name)',
    }),
    EXIT.usage,
  );
}

/** What the driver reported while gonogo waited: a dropped connection, a result chunk it could not download. */
export interface Trouble {
  network?: string;
  download?: string;
}

/** A deadline passed: the hint fits the stage (a login that never answered is the network, a slow query is the warehouse). */
export function timeoutError(what: 'login' | 'query', ms: number, sql: string | undefined, trouble: Trouble, s: SnowflakeSettings, redactor: Redactor): GonogoError {
  const seconds = `${Math.round(ms / 100) / 10} s`;
  const subject = what === 'login' ? `logging in to account "${s.account}"` : `the query ${quoteSql(redactor.redact(sql ?? ''))}`;
  const more = `allow more time with --timeout SECONDS or source.timeout (now ${seconds})`;
  if (trouble.download) {
    return new GonogoError(
      errorDiag('snowflake/result-download', `the result of ${subject} could not be downloaded (${redactor.redact(trouble.download)}) within ${seconds}`, {
        hint: 'Snowflake serves large results from cloud storage (Amazon S3, Azure Blob or Google Cloud Storage): check that your network and proxy let those downloads through, then pull again',
      }),
      EXIT.external,
    );
  }
  if (trouble.network) {
    return new GonogoError(
      errorDiag('snowflake/connection-dropped', `the connection to Snowflake dropped (${redactor.redact(trouble.network)}) during ${subject} and did not recover within ${seconds}`, {
        hint: 'check your network or VPN and https://status.snowflake.com, then pull again',
      }),
      EXIT.external,
    );
  }
  const hint =
    what === 'login'
      ? `Snowflake answers a login within seconds: check the account identifier "${s.account}" (${s.origin.account ?? 'SNOWFLAKE_ACCOUNT'}) and your network or VPN; on a slow link, ${more}`
      : `the query was cancelled; a larger warehouse${s.warehouse ? ` than ${s.warehouse}` : ''} or a narrower date range makes it faster, or ${more}`;
  return new GonogoError(errorDiag(what === 'login' ? 'snowflake/login-timeout' : 'snowflake/timeout', `Snowflake did not finish ${subject} within ${seconds}`, { hint }), EXIT.external);
}

/** The first 80 characters of the query on one line, enough to recognise it. */
export function quoteSql(sql: string): string {
  const flat = sql.replace(/\s+/g, ' ').trim();
  return `"${flat.length > 80 ? `${flat.slice(0, 77)}...` : flat}"`;
}

function firstLine(s: string | undefined): string {
  return String(s ?? 'no detail').split('\n')[0];
}
