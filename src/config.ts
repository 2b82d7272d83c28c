// The only reader of process.env: every setting is parsed, validated and frozen here,
// so a wrong setting stops the start with a message that names it.
import { resolve } from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  COOKIE_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  PUBLIC_URL: z
    .string()
    .url()
    .regex(
      /^https?:\/\/[^/?#]+(\/[^?#]*)?$/,
      'must be an http:// or https:// address without ? or #',
    )
    .optional(),
  TRUST_PROXY: bool.default('false'),
  DEMO_MODE: bool.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(120),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).default(12),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Buurtkracht <noreply@buurtkracht.invalid>'),
  CALCULATOR_TIMEOUT_SECONDS: z.coerce.number().positive().max(3600).default(120),
});

export type Config = Readonly<{
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  cookieSecret: string | undefined;
  /**
   * The site's own address without a trailing slash (e.g. `https://buurtkracht.example`):
   * the only source of absolute links (mail, letters, calendars). PUBLIC_URL; required in
   * production; elsewhere it defaults to the listening address `http://HOST:PORT`.
   */
  publicUrl: string;
  trustProxy: boolean;
  demoMode: boolean;
  logLevel: string;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** The calculator (/rekenhulp) stops a count that runs longer (seconds, up to 3600; 120). */
  calculatorTimeoutSeconds: number;
}>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** The address a development server listens on, as a link: http://HOST:PORT. */
function listeningAddress(host: string, port: number): string {
  // "Every interface" is not an address a browser can open: use this machine's name for it.
  const name = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return `http://${name.includes(':') ? `[${name}]` : name}:${port}`;
}

/** Reads the configuration from an environment (process.env by default). */
export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  // Empty strings in .env files mean "not set".
  const env = Object.fromEntries(
    Object.entries(source).filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`),
    );
  }
  const e = parsed.data;
  const problems: string[] = [];
  if (e.NODE_ENV === 'production' && !e.COOKIE_SECRET) {
    problems.push('COOKIE_SECRET: required when NODE_ENV=production (at least 32 characters)');
  }
  if (e.NODE_ENV === 'production' && !e.PUBLIC_URL) {
    problems.push(
      'PUBLIC_URL: required when NODE_ENV=production — the address people use to reach the site, e.g. https://buurtkracht.example (links in mail and letters are built from it)',
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze({
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    dataDir: resolve(e.DATA_DIR),
    cookieSecret: e.COOKIE_SECRET,
    publicUrl: (e.PUBLIC_URL ?? listeningAddress(e.HOST, e.PORT)).replace(/\/+$/, ''),
    trustProxy: e.TRUST_PROXY,
    demoMode: e.DEMO_MODE ?? e.NODE_ENV !== 'production',
    logLevel: e.LOG_LEVEL,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: e.SESSION_ABSOLUTE_HOURS,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    calculatorTimeoutSeconds: e.CALCULATOR_TIMEOUT_SECONDS,
  });
}
