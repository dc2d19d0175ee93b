// Where Snowflake credentials come from, as Snowflake's own tools read them:
// $SNOWFLAKE_HOME or ~/.snowflake: connections.toml ([NAME] tables) and config.toml ([connections.NAME],
// default_connection_name), then SNOWFLAKE_* environment variables on top.
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { closest, errorDiag, GonogoError } from '../diagnostics.js';

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
  /** Where each setting came from, e.g. {password: 'SNOWFLAKE_PASSWORD'}; for hints. */
  origin: Record<string, string>;
  /** The connection used, in words: 'connection "prod" in ~/.snowflake/connections.toml' or 'SNOWFLAKE_* environment variables'. */
  described: string;
}

export interface ResolveOptions {
  connection?: string;
  env: NodeJS.ProcessEnv;
  home: string;
}

type Table = Record<string, unknown>;

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

/** Reads the connection files and environment; throws GonogoError (exit 2) naming what to fix. */
export function resolveSnowflakeSettings(opts: ResolveOptions): SnowflakeSettings {
  const dir = snowflakeHome(opts.env, opts.home);
  const connectionsPath = join(dir, 'connections.toml');
  const configPath = join(dir, 'config.toml');
  const connectionsFile = readToml(connectionsPath);
  const configFile = readToml(configPath);
  const tables: Record<string, Entry> = {};
  for (const [name, value] of Object.entries((configFile?.connections as Table | undefined) ?? {})) {
    if (isTable(value)) tables[name] = { table: value, file: configPath };
  }
  for (const [name, value] of Object.entries(connectionsFile ?? {})) {
    if (isTable(value)) tables[name] = { table: value, file: connectionsPath };
  }
  const fileDefault = [connectionsFile?.default_connection_name, configFile?.default_connection_name].find(
    (v): v is string => typeof v === 'string',
  );
  const wanted = opts.connection ?? nonEmpty(opts.env.SNOWFLAKE_DEFAULT_CONNECTION_NAME) ?? fileDefault;

  const settings: Partial<SnowflakeSettings> & { origin: Record<string, string> } = { origin: {} };
  let described = 'SNOWFLAKE_* environment variables';
  const chosen = wanted ?? (tables.default ? 'default' : undefined);
  if (chosen !== undefined) {
    const entry = withEnvConnection(tables[chosen], chosen, opts.env);
    if (!entry) {
      const known = Object.keys(tables);
      const guess = closest(chosen, known);
      throw new GonogoError(
        errorDiag('snowflake/unknown-connection', `Snowflake connection "${chosen}" is not defined in ${connectionsPath}`, {
          field: 'source.connection',
          expected: known.length > 0 ? `one of: ${known.join(', ')}` : `a [${chosen}] table in ${connectionsPath}`,
          hint: guess ? `did you mean "${guess}"?` : `add a [${chosen}] table to ${connectionsPath} (or set SNOWFLAKE_HOME)`,
        }),
      );
    }
    for (const [key, value] of Object.entries(entry.table)) {
      const field = FILE_KEYS[key];
      if (field && value !== undefined && value !== '') {
        assign(settings, field, value, entry.envKeys?.[key] ?? `${key} in [${chosen}] of ${entry.file}`);
      }
    }
    described = `connection "${chosen}" in ${entry.file}`;
  }
  for (const [name, field] of ENV_KEYS) {
    const value = nonEmpty(opts.env[name]);
    if (value !== undefined) assign(settings, field, value, name);
  }
  return finish(settings, described);
}

/** SNOWFLAKE_CONNECTIONS_<NAME>_<KEY> variables (Snowflake CLI's convention) define or amend a named connection, e.g. in CI. */
interface Entry {
  table: Table;
  file: string;
  /** Keys that came from SNOWFLAKE_CONNECTIONS_<NAME>_<KEY>, with the variable's name. */
  envKeys?: Record<string, string>;
}

function withEnvConnection(entry: Entry | undefined, name: string, env: NodeJS.ProcessEnv): Entry | undefined {
  const prefix = `SNOWFLAKE_CONNECTIONS_${name.toUpperCase()}_`;
  const fromEnv: Table = {};
  const envKeys: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (!key.startsWith(prefix) || !value) continue;
    const field = key.slice(prefix.length).toLowerCase();
    fromEnv[field] = value;
    envKeys[field] = key;
  }
  if (Object.keys(fromEnv).length === 0) return entry;
  const file = entry ? `${entry.file} and ${prefix}* variables` : `${prefix}* variables`;
  return { table: { ...(entry?.table ?? {}), ...fromEnv }, file, envKeys };
}

function finish(s: Partial<SnowflakeSettings> & { origin: Record<string, string> }, described: string): SnowflakeSettings {
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
  return { ...(s as SnowflakeSettings), authenticator: raw, described };
}

function assign(s: Partial<SnowflakeSettings> & { origin: Record<string, string> }, field: keyof SnowflakeSettings, value: unknown, from: string): void {
  const v = field === 'port' ? Number(value) : String(value);
  (s as Record<string, unknown>)[field] = v;
  s.origin[field] = from;
}

function readToml(path: string): Table | undefined {
  if (!existsSync(path)) return undefined;
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

function isTable(v: unknown): v is Table {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

function nonEmpty(v: string | undefined): string | undefined {
  return v === undefined || v === '' ? undefined : v;
}
