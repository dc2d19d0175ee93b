// Login checks of the fake Snowflake: password (authenticator SNOWFLAKE) and key-pair JWT (SNOWFLAKE_JWT).
import { createHash, createPublicKey, verify } from 'node:crypto';

export interface FakeUser {
  account: string;
  user: string;
  password?: string;
  /** PEM public key (SPKI) registered for key-pair login, as `ALTER USER … SET RSA_PUBLIC_KEY` would. */
  publicKeyPem?: string;
}

/** Snowflake's error for a login it refuses: code + message, as GS sends them. */
export interface LoginRefusal {
  code: string;
  message: string;
}

const BAD_PASSWORD: LoginRefusal = { code: '390100', message: 'Incorrect username or password was specified.' };
const BAD_JWT: LoginRefusal = { code: '390144', message: 'JWT token is invalid.' };

/** Returns undefined when the login-request's `data` authenticates the user, else Snowflake's refusal. */
export function checkLogin(data: Record<string, unknown>, user: FakeUser): LoginRefusal | undefined {
  const account = String(data.ACCOUNT_NAME ?? '').toUpperCase();
  const login = String(data.LOGIN_NAME ?? '').toUpperCase();
  if (account !== user.account.toUpperCase() || login !== user.user.toUpperCase()) return BAD_PASSWORD;
  const authenticator = String(data.AUTHENTICATOR ?? 'SNOWFLAKE').toUpperCase();
  if (authenticator === 'SNOWFLAKE') {
    return user.password !== undefined && data.PASSWORD === user.password ? undefined : BAD_PASSWORD;
  }
  if (authenticator === 'SNOWFLAKE_JWT') {
    return user.publicKeyPem && verifyJwt(String(data.TOKEN ?? ''), user, user.publicKeyPem) ? undefined : BAD_JWT;
  }
  return { code: '390190', message: `There was an error related to the SAML Identity Provider account parameter.` };
}

/** RS256 signature, subject ACCOUNT.USER, issuer ACCOUNT.USER.SHA256:<fingerprint of the registered key>, not expired. */
function verifyJwt(token: string, user: FakeUser, publicKeyPem: string): boolean {
  const parts = token.split('.');
  if (parts.length !== 3) return false;
  const [head, body, sig] = parts;
  let header: { alg?: string };
  let claims: { iss?: string; sub?: string; exp?: number };
  try {
    header = JSON.parse(Buffer.from(head, 'base64url').toString('utf8'));
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return false;
  }
  if (header.alg !== 'RS256') return false;
  const key = createPublicKey(publicKeyPem);
  if (!verify('RSA-SHA256', Buffer.from(`${head}.${body}`), key, Buffer.from(sig, 'base64url'))) return false;
  const subject = `${user.account.toUpperCase()}.${user.user.toUpperCase()}`;
  const fingerprint = 'SHA256:' + createHash('sha256').update(key.export({ format: 'der', type: 'spki' })).digest('base64');
  if (claims.sub !== subject || claims.iss !== `${subject}.${fingerprint}`) return false;
  // snowflake-sdk 3.x writes iat/exp in milliseconds; the real service accepts that, so the fake does too.
  const expMs = typeof claims.exp === 'number' ? (claims.exp > 1e12 ? claims.exp : claims.exp * 1000) : 0;
  return expMs > Date.now();
}
