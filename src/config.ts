import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { DEMO_SECRETS_KEYS, parseKeyring } from './platform/crypto/keyring';

/** Every environment variable Guichet reads, with its default. Documented in README.md. */
const ConfigSchema = Type.Object({
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  HOST: Type.String({ default: '0.0.0.0' }),
  /** Public base URL, used in logs, mails and links (no trailing slash). */
  PUBLIC_URL: Type.String({ default: '' }),
  /** PostgreSQL connection string; empty means the embedded PGlite database. */
  DATABASE_URL: Type.String({ default: '' }),
  /** Where PGlite keeps its files when DATABASE_URL is empty. */
  DATA_DIR: Type.String({ default: './data' }),
  /** Redis for sessions and rate limits shared between instances; empty means the database. */
  REDIS_URL: Type.String({ default: '' }),
  /** Secret used to sign cookies: at least 32 characters in production. */
  SESSION_SECRET: Type.String({ default: '' }),
  /**
   * Keys that encrypt secrets kept at rest (second-factor keys): `id:base64key,…` (32 bytes each,
   * `openssl rand -base64 32`); the first seals, all open. Required in production; a public demo
   * key otherwise. Rotation: docs/identity.md.
   */
  SECRETS_ENCRYPTION_KEYS: Type.String({ default: '' }),
  /** "production" turns on Secure cookies and HSTS and refuses a missing SESSION_SECRET. */
  NODE_ENV: Type.Union([Type.Literal('development'), Type.Literal('production'), Type.Literal('test')], { default: 'development' }),
  /** Seed the Bretagne demo at start (idempotent). */
  SEED_DEMO: Type.Boolean({ default: true }),
  LOG_LEVEL: Type.Union(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)), { default: 'info' }),
  /** Whether the app is served behind a reverse proxy that sets X-Forwarded-* headers. */
  TRUST_PROXY: Type.Boolean({ default: false }),
  /** SMTP server for mails (smtp://user:pass@host:port); empty outside production means the demo catcher. */
  SMTP_URL: Type.String({ default: '' }),
  /** Sender of every mail Guichet sends. */
  MAIL_FROM: Type.String({ default: 'Guichet <ne-pas-repondre@guichet.localhost>' }),
  /** FranceConnect issuer; empty outside production means the local demonstration stand-in. */
  FRANCECONNECT_ISSUER: Type.String({ default: '' }),
  FRANCECONNECT_CLIENT_ID: Type.String({ default: '' }),
  FRANCECONNECT_CLIENT_SECRET: Type.String({ default: '' }),
  /** The signature algorithm chosen in FranceConnect's partners' space for ID tokens and userinfo (v2: ES256 or RS256). */
  FRANCECONNECT_SIGNING_ALG: Type.Union([Type.Literal('ES256'), Type.Literal('RS256')], { default: 'ES256' }),
  /** Minutes between two runs of the purges of data past its retention (platform/housekeeping); 0 turns them off in this instance. */
  HOUSEKEEPING_INTERVAL_MINUTES: Type.Integer({ minimum: 0, maximum: 10_080, default: 60 }),
  /** Requests per minute and per day one address may make to the API without a key (docs/api.md, « Quotas »). */
  API_ANONYMOUS_PER_MINUTE: Type.Integer({ minimum: 1, default: 60 }),
  API_ANONYMOUS_PER_DAY: Type.Integer({ minimum: 1, default: 5000 }),
  /** Lifetime of an authorization code issued by Guichet's own OpenID provider (/oidc), in seconds. */
  IDP_CODE_TTL_SECONDS: Type.Integer({ minimum: 1, maximum: 600, default: 60 }),
});

export type Config = Static<typeof ConfigSchema>;

export class ConfigError extends Error {}

const booleans: Record<string, boolean> = { true: true, '1': true, yes: true, false: false, '0': false, no: false };

/** Reads and validates the configuration; throws a ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env, overrides: Partial<Config> = {}): Config {
  const raw: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(ConfigSchema.properties)) {
    const value = env[key];
    if (value === undefined || value === '') continue;
    if (schema.type === 'integer') raw[key] = /^\d+$/.test(value) ? Number(value) : value;
    else if (schema.type === 'boolean') raw[key] = booleans[value.toLowerCase()] ?? value;
    else raw[key] = value;
  }
  const withDefaults = Value.Default(ConfigSchema, { ...raw, ...overrides });
  const errors = [...Value.Errors(ConfigSchema, withDefaults)];
  if (errors.length > 0) {
    throw new ConfigError(`Invalid configuration: ${errors.map((e) => `${e.path.slice(1)} ${e.message}`).join('; ')}`);
  }
  const config = withDefaults as Config;
  if (config.NODE_ENV === 'production' && config.SESSION_SECRET.length < 32) {
    throw new ConfigError('Invalid configuration: SESSION_SECRET must hold at least 32 characters in production');
  }
  if (config.NODE_ENV === 'production' && config.SMTP_URL === '') {
    throw new ConfigError('Invalid configuration: SMTP_URL is required in production (mails confirm accounts and reset passwords)');
  }
  if (config.NODE_ENV === 'production' && config.SECRETS_ENCRYPTION_KEYS === '') {
    throw new ConfigError('Invalid configuration: SECRETS_ENCRYPTION_KEYS is required in production (id:base64key, e.g. k1:$(openssl rand -base64 32))');
  }
  if (config.SECRETS_ENCRYPTION_KEYS === '') config.SECRETS_ENCRYPTION_KEYS = DEMO_SECRETS_KEYS;
  try {
    parseKeyring(config.SECRETS_ENCRYPTION_KEYS, '');
  } catch (error) {
    throw new ConfigError(`Invalid configuration: ${(error as Error).message}`);
  }
  if (config.SESSION_SECRET === '') config.SESSION_SECRET = 'guichet-demo-secret-not-for-production-use';
  return config;
}

/** The address people reach Guichet at, for links in mails and OpenID issuers. */
export function publicUrl(config: Pick<Config, 'PUBLIC_URL' | 'PORT'>): string {
  return (config.PUBLIC_URL || `http://localhost:${config.PORT}`).replace(/\/$/, '');
}
