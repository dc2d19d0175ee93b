// Where Snowflake credentials come from, as Snowflake's own tools read them. Snowflake CLI documents the order
// ("Managing Snowflake connections", docs.snowflake.com/en/developer-guide/snowflake-cli/connecting/configure-connections):
//   1. SNOWFLAKE_CONNECTIONS_<NAME>_<KEY> variables, which override one key of the named connection;
//   2. the connection as defined in connections.toml, or in config.toml's [connections.NAME] tables;
//   3. generic SNOWFLAKE_<KEY> variables, which only fill what the connection leaves unset.
// As in the Python connector's config manager (snowflake/connector/config_manager.py), a connections.toml in
// $SNOWFLAKE_HOME (else ~/.snowflake) replaces config.toml's [connections] tables; the default connection is
// SNOWFLAKE_DEFAULT_CONNECTION_NAME, else config.toml's default_connection_name, else "default". A file others
// can write is refused; a file others can read gets a warning.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { closest, errorDiag, GonogoError, type Diagnostic } from '../diagnostics.js';

export type Authenticator = 'SNOWFLAKE' | 'SNOWFLAKE_JWT';

export interface SnowflakeSettings {
  account: string;
  user: string;
  authenticator: Authenticator;
  password?: string;
  /** PEM text of the private key, or where to read it. */
  privateKey?: string;
  privateKeyPath?: string;
  privateKeyPassphrase?: string;
  warehouse?: string;
  database?: string;
  schema?: string;
  role?: string;
  host?: string;
  port?: number;
  protocol?: 'http' | 'https';
  /** The connection's name, when one was used. */
  connection?: string;
  /** Where each setting came from, e.g. {password: 'SNOWFLAKE_PASSWORD'}; for hints. */
  origin: Record<string, string>;
  /** The connection used, in words: 'connection "prod" in ~/.snowflake/connections.toml' or 'SNOWFLAKE_* environment variables'. */
  described: string;
  /** Connection files others can read (their secrets are not private). */
  warnings: Diagnostic[];
}

export interface ResolveOptions {
  connection?: string;
  env: NodeJS.ProcessEnv;
  home: string;
}

type Table = Record<string, unknown>;
type Partial_ = Partial<SnowflakeSettings> & { origin: Record<string, string> };

/** Key names accepted in a connection table (Snowflake CLI / Python connector spellings) → our field. */
const FILE_KEYS: Record<string, keyof SnowflakeSettings> = {
  account: 'account',
  user: 'user',
  username: 'user',
  password: 'password',
  authenticator: 'authenticator',
  private_key_file: 'privateKeyPath',
  private_key_path: 'privateKeyPath',
  private_key_raw: 'privateKey',
  private_key: 'privateKey',
  private_key_file_pwd: 'privateKeyPassphrase',
  private_key_passphrase: 'privateKeyPassphrase',
  warehouse: 'warehouse',
  database: 'database',
  schema: 'schema',
  role: 'role',
  host: 'host',
  port: 'port',
  protocol: 'protocol',
};

const ENV_KEYS: [string, keyof SnowflakeSettings][] = [
  ['SNOWFLAKE_ACCOUNT', 'account'],
  ['SNOWFLAKE_USER', 'user'],
  ['SNOWFLAKE_PASSWORD', 'password'],
  ['SNOWFLAKE_AUTHENTICATOR', 'authenticator'],
  ['SNOWFLAKE_PRIVATE_KEY_PATH', 'privateKeyPath'],
  ['SNOWFLAKE_PRIVATE_KEY_FILE', 'privateKeyPath'],
  ['SNOWFLAKE_PRIVATE_KEY', 'privateKey'],
  ['SNOWFLAKE_PRIVATE_KEY_RAW', 'privateKey'],
  ['SNOWFLAKE_PRIVATE_KEY_PASSPHRASE', 'privateKeyPassphrase'],
  ['PRIVATE_KEY_PASSPHRASE', 'privateKeyPassphrase'],
  ['SNOWFLAKE_WAREHOUSE', 'warehouse'],
  ['SNOWFLAKE_DATABASE', 'database'],
  ['SNOWFLAKE_SCHEMA', 'schema'],
  ['SNOWFLAKE_ROLE', 'role'],
  ['SNOWFLAKE_HOST', 'host'],
  ['SNOWFLAKE_PORT', 'port'],
];

export function snowflakeHome(env: NodeJS.ProcessEnv, home: string): string {
  return env.SNOWFLAKE_HOME && env.SNOWFLAKE_HOME !== '' ? env.SNOWFLAKE_HOME : join(home, '.snowflake');
}

interface Entry {
  table: Table;
  file: string;
}

/** Reads the connection files and environment; throws GonogoError (exit 2) naming what to fix. */
export function resolveSnowflakeSettings(opts: ResolveOptions): SnowflakeSettings {
  const dir = snowflakeHome(opts.env, opts.home);
  const connectionsPath = join(dir, 'connections.toml');
  const configPath = join(dir, 'config.toml');
  const warnings: Diagnostic[] = [];
  const connectionsFile = readToml(connectionsPath, opts.env, warnings);
  const configFile = readToml(configPath, opts.env, warnings);
  const tables: Record<string, Entry> = {};
  if (connectionsFile) {
    for (const [name, value] of Object.entries(connectionsFile)) if (isTable(value)) tables[name] = { table: value, file: connectionsPath };
  } else {
    for (const [name, value] of Object.entries((configFile?.connections as Table | undefined) ?? {})) if (isTable(value)) tables[name] = { table: value, file: configPath };
  }
  // default_connection_name belongs in config.toml; one at the top of connections.toml is read too.
  const fileDefault = [configFile?.default_connection_name, connectionsFile?.default_connection_name].find((v): v is string => typeof v === 'string');
  const wanted = opts.connection ?? nonEmpty(opts.env.SNOWFLAKE_DEFAULT_CONNECTION_NAME) ?? fileDefault;
  const chosen = wanted ?? (tables.default || hasEnvConnection('default', opts.env) ? 'default' : undefined);

  const settings: Partial_ = { origin: {} };
  // Lowest first, each layer overwriting the one before: generic variables, the file, the connection's variables.
  for (const [name, field] of ENV_KEYS) {
    const value = nonEmpty(opts.env[name]);
    if (value !== undefined) assign(settings, field, value, name);
  }
  let described = 'SNOWFLAKE_* environment variables';
  if (chosen !== undefined) {
    const entry = tables[chosen];
    const fromEnv = envConnection(chosen, opts.env);
    if (!entry && Object.keys(fromEnv).length === 0) throw unknownConnection(chosen, tables, connectionsFile ? connectionsPath : configPath);
    for (const [key, value] of Object.entries(entry?.table ?? {})) {
      const field = FILE_KEYS[key];
      if (field && value !== undefined && value !== '') assign(settings, field, value, `${key} in [${chosen}] of ${entry!.file}`);
    }
    for (const [key, { value, variable }] of Object.entries(fromEnv)) {
      const field = FILE_KEYS[key];
      if (field) assign(settings, field, value, variable);
    }
    const prefix = `SNOWFLAKE_CONNECTIONS_${chosen.toUpperCase()}_*`;
    described = `connection "${chosen}" in ${entry ? (Object.keys(fromEnv).length ? `${entry.file} and ${prefix} variables` : entry.file) : `${prefix} variables`}`;
    settings.connection = chosen;
  }
  return finish(settings, described, warnings);
}

/** SNOWFLAKE_CONNECTIONS_<NAME>_<KEY> variables: key (lower case) → value and the variable's name. */
function envConnection(name: string, env: NodeJS.ProcessEnv): Record<string, { value: string; variable: string }> {
  const prefix = `SNOWFLAKE_CONNECTIONS_${name.toUpperCase()}_`;
  const out: Record<string, { value: string; variable: string }> = {};
  for (const [variable, value] of Object.entries(env)) {
    if (variable.startsWith(prefix) && value) out[variable.slice(prefix.length).toLowerCase()] = { value, variable };
  }
  return out;
}

function hasEnvConnection(name: string, env: NodeJS.ProcessEnv): boolean {
  return Object.keys(envConnection(name, env)).length > 0;
}

function unknownConnection(name: string, tables: Record<string, Entry>, file: string): GonogoError {
  const known = Object.keys(tables);
  const guess = closest(name, known);
  return new GonogoError(
    errorDiag('snowflake/unknown-connection', `Snowflake connection "${name}" is not defined in ${file}`, {
      field: 'source.connection',
      expected: known.length > 0 ? `one of: ${known.join(', ')}` : `a [${name}] table in ${file}`,
      hint: guess
        ? `did you mean "${guess}"?`
        : `add a [${name}] table to ${file} (or set SNOWFLAKE_HOME), or define it in CI with SNOWFLAKE_CONNECTIONS_${name.toUpperCase()}_ACCOUNT, _USER, …`,
    }),
  );
}

function finish(s: Partial_, described: string, warnings: Diagnostic[]): SnowflakeSettings {
  for (const field of ['account', 'user'] as const) {
    if (!s[field]) {
      const envName = field === 'account' ? 'SNOWFLAKE_ACCOUNT' : 'SNOWFLAKE_USER';
      throw new GonogoError(
        errorDiag('snowflake/missing-setting', `Snowflake ${field} is not set (looked in ${described})`, {
          field,
          expected: `${field} in the connection table, or ${envName}`,
          hint: `set ${envName}, or add ${field} = "…" to the connection in connections.toml`,
        }),
      );
    }
  }
  const raw = (s.authenticator ?? (s.privateKey || s.privateKeyPath ? 'SNOWFLAKE_JWT' : 'SNOWFLAKE')).toUpperCase();
  if (raw !== 'SNOWFLAKE' && raw !== 'SNOWFLAKE_JWT') {
    throw new GonogoError(
      errorDiag('snowflake/unsupported-authenticator', `Snowflake authenticator "${raw}" is not supported by gonogo`, {
        field: s.origin.authenticator,
        expected: 'SNOWFLAKE (password) or SNOWFLAKE_JWT (key pair)',
        hint: 'use key-pair authentication for unattended builds',
      }),
    );
  }
  return { ...(s as SnowflakeSettings), authenticator: raw, described, warnings };
}

function assign(s: Partial_, field: keyof SnowflakeSettings, value: unknown, from: string): void {
  const v = field === 'port' ? Number(value) : String(value);
  (s as Record<string, unknown>)[field] = v;
  s.origin[field] = from;
}

function readToml(path: string, env: NodeJS.ProcessEnv, warnings: Diagnostic[]): Table | undefined {
  if (!existsSync(path)) return undefined;
  checkPermissions(path, env, warnings);
  try {
    return parseToml(readFileSync(path, 'utf8')) as Table;
  } catch (err) {
    const e = err as { line?: number; column?: number; message: string };
    // smol-toml's message quotes the offending line, which may hold a password: keep only its first line.
    throw new GonogoError(
      errorDiag('snowflake/bad-toml', `cannot read ${path}: ${e.message.split('\n')[0]}`, {
        pos: e.line ? { file: path, line: e.line, col: e.column ?? 1 } : undefined,
        hint: 'fix the TOML syntax of the Snowflake connection file',
      }),
    );
  }
}

/** The connector's rules (POSIX only): writable by group or others is refused, readable by them is a warning. */
function checkPermissions(path: string, env: NodeJS.ProcessEnv, warnings: Diagnostic[]): void {
  if (process.platform === 'win32') return;
  const { mode } = statSync(path);
  const perms = (mode & 0o777).toString(8).padStart(3, '0');
  if (mode & 0o022) {
    throw new GonogoError(
      errorDiag('snowflake/file-writable', `${path} can be changed by other users (permissions ${perms}), so it could point the pull at another account`, {
        hint: `run chmod 0600 "${path}"`,
      }),
    );
  }
  if (mode & 0o044 && env.SF_SKIP_WARNING_FOR_READ_PERMISSIONS_ON_CONFIG_FILE?.toLowerCase() !== 'true') {
    warnings.push({
      code: 'snowflake/file-readable',
      severity: 'warning',
      message: `${path} can be read by other users (permissions ${perms}); any password or key passphrase in it is not private`,
      hint: `run chmod 0600 "${path}" (or set SF_SKIP_WARNING_FOR_READ_PERMISSIONS_ON_CONFIG_FILE=true to silence this)`,
    });
  }
}

function isTable(v: unknown): v is Table {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

function nonEmpty(v: string | undefined): string | undefined {
  return v === undefined || v === '' ? undefined : v;
}
