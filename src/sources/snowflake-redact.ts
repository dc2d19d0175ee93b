// Keeps secrets out of every message: known values (password, key, passphrase) and anything token-shaped.

const MASK = '***';

/** Patterns for secrets we never saw ourselves: session/master tokens, JWTs, PEM blocks, password fields. */
const SHAPES: RegExp[] = [
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)/g,
  /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g,
  /(Snowflake Token=")[^"]*/gi,
  /(["']?(?:token|masterToken|sessionToken|password|passcode|privateKey|privateKeyPass|private_key\w*|oldSessionToken|TOKEN|PASSWORD)["']?\s*[:=]\s*["']?)[^"',}\s]+/g,
];

export class Redactor {
  private readonly secrets = new Set<string>();

  /** Registers a secret; PEM keys also register each base64 line, since an echo may split them. */
  add(secret: string | undefined): void {
    if (!secret || secret.length < 4) return;
    this.secrets.add(secret);
    const trimmed = secret.trim();
    if (trimmed !== secret) this.secrets.add(trimmed);
    if (secret.includes('\\n')) this.secrets.add(secret.replace(/\\n/g, '\n'));
    if (secret.includes('-----BEGIN')) {
      for (const line of secret.replace(/\\n/g, '\n').split(/\r?\n/)) {
        if (line.length >= 16 && !line.startsWith('-----')) this.secrets.add(line.trim());
      }
    }
  }

  redact(text: string): string {
    let out = text;
    // Longest first, so a key's full text goes before its lines.
    for (const s of [...this.secrets].sort((a, b) => b.length - a.length)) out = out.split(s).join(MASK);
    for (const re of SHAPES) out = out.replace(re, (_m, prefix?: string) => (typeof prefix === 'string' && !prefix.startsWith('-----') ? prefix : '') + MASK);
    return out;
  }
}
