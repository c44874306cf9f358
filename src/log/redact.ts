/** Slack tokens, recognisable by their prefix wherever they turn up. */
const SLACK_TOKEN = /\b(xox[abposr]-[A-Za-z0-9-]+|xapp-[A-Za-z0-9-]+)/g;
/** The password of any `scheme://user:password@host` URL, e.g. a DATABASE_URL in a driver's error. */
const URL_PASSWORD = /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@"]*:)[^\s/"]+@/gi;
/** Shorter known values are left alone: redacting every "abc" would garble lines and protect nothing. */
const SHORTEST_SECRET = 6;

export type Redact = (text: string) => string;

/** Tokens and URL passwords, by their shape. */
export function redactSecrets(text: string): string {
  return text.replace(SLACK_TOKEN, (token) => `${token.slice(0, 5)}[redacted]`).replace(URL_PASSWORD, '$1[redacted]@');
}

/**
 * Tokens and URL passwords by their shape, plus `secrets` wherever they appear (as written, or as a
 * JSON string would escape them): the signing secret and the database password have no shape of their own.
 */
export function secretRedactor(secrets: readonly string[]): Redact {
  const known = [...new Set(secrets.flatMap((secret) => [secret, JSON.stringify(secret).slice(1, -1)]))]
    .filter((secret) => secret.length >= SHORTEST_SECRET)
    .sort((a, b) => b.length - a.length);
  if (known.length === 0) return redactSecrets;
  const pattern = new RegExp(known.map(escapeRegExp).join('|'), 'g');
  return (text) => redactSecrets(text.replace(pattern, '[redacted]'));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
