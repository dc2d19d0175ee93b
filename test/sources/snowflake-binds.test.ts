import { describe, expect, it } from 'vitest';
import { GonogoError } from '../../src/diagnostics.js';
import { toPositional } from '../../src/sources/snowflake-binds.js';
import { Redactor } from '../../src/sources/snowflake-redact.js';

describe('toPositional', () => {
  it('passes positional binds through untouched', () => {
    expect(toPositional('select ? , :1', [1])).toEqual({ sql: 'select ? , :1', binds: [1] });
    expect(toPositional('select 1', undefined)).toEqual({ sql: 'select 1', binds: [] });
  });

  it('numbers names in first-use order and reuses a number for a repeated name', () => {
    const q = toPositional('select * from t where a = :start and b < :end and c >= :start', { end: 9, start: 1 });
    expect(q).toEqual({ sql: 'select * from t where a = :1 and b < :2 and c >= :1', binds: [1, 9] });
  });

  it('leaves casts, path steps, strings, quoted names, comments and $$ blocks alone', () => {
    const sql = `select v:user::string, "a:b", ':x', x -- :y\n /* :z */ , $$ :w $$ from t where d = :d`;
    expect(toPositional(sql, { d: '2024-01-01' })).toEqual({ sql: sql.replace(':d', ':1'), binds: ['2024-01-01'] });
  });

  it('a name with no value: exit 2 naming it', () => {
    try {
      toPositional('select :missing', { other: 1 });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(GonogoError);
      expect((e as GonogoError).message).toBe('the query uses :missing but no value named "missing" was given');
    }
  });
});

describe('Redactor', () => {
  it('masks registered secrets, PEM lines and token-shaped text', () => {
    const r = new Redactor();
    r.add('p@ss-word');
    const pem = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nBKcwggSjAgEAAoIBAQC7\n-----END PRIVATE KEY-----\n';
    r.add(pem);
    expect(r.redact('login with p@ss-word failed')).toBe('login with *** failed');
    expect(r.redact('key line MIIEvQIBADANBgkqhkiG9w0BAQEFAASC seen')).toBe('key line *** seen');
    expect(r.redact(`got ${pem}`)).not.toContain('MIIE');
    expect(r.redact('Authorization: Snowflake Token="abc.def"')).toBe('Authorization: Snowflake Token="***"');
    expect(r.redact('{"token":"ver:1-hint:123-ETMsDg","x":1}')).toBe('{"token":"***","x":1}');
    expect(r.redact('jwt eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJBQ01FIn0.c2lnbmF0dXJl end')).toBe('jwt *** end');
  });
});
