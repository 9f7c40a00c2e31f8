import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ProxyTrust, ProxyTrustError, parseProxyTrust } from './http/client-address.ts';

export type ApiConfig = {
  port: number;
  host: string | undefined;
  databaseUrl: string | undefined;
  /** a streaming replica of DATABASE_URL that heavy reads (rankings, exports, dashboards) go to */
  databaseReplicaUrl: string | undefined;
  /** a viewer who wrote reads from the primary for this long afterwards (REPLICA_READ_AFTER_WRITE_SECONDS) */
  replicaReadAfterWriteSeconds: number;
  /** the reverse proxies whose X-Forwarded-For is believed (TRUST_PROXY, http/client-address.ts) */
  trustProxy: ProxyTrust;
  dataDir: string;
  demoPassword: string;
  seedDemo: boolean;
  redisUrl: string | undefined;
  sessionTtlHours: number;
  nodeEnv: string;
  production: boolean;
  webDist: string;
  /** keep ranking pages and counts until a change they read (READ_CACHE=off reads every time) */
  readCache: boolean;
  /**
   * The server's secret (never stored in the database): seals ballot choices until the count and
   * signs the audit checkpoint. CADRE_SECRET_KEY (base64 or hex, ≥ 32 bytes) or CADRE_SECRET_KEY_FILE;
   * otherwise `<DATA_DIR>/secret.key`, made on first start (loadSecretKey).
   */
  secretKey: Buffer;
  /** where the signed head of the audit chain is written (AUDIT_CHECKPOINT_FILE) */
  auditCheckpointFile: string;
};

/** A configuration problem: reported as one line, exit code 1. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

type Env = Record<string, string | undefined>;

function readWholeNumber(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(
      `${name}="${raw}" không hợp lệ / is invalid: use a whole number from ${min} to ${max}`,
    );
  }
  return Number(raw);
}

function readFlag(env: Env, name: string): boolean {
  const raw = env[name]?.trim().toLowerCase();
  return raw === '1' || raw === 'true' || raw === 'yes';
}

function readOnOff(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${name}="${env[name]}" không hợp lệ / is invalid: use on or off`);
}

export function readConfig(env: Env = process.env): ApiConfig {
  const nodeEnv = env.NODE_ENV?.trim() || 'development';
  const production = nodeEnv === 'production';
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError(
      'DATABASE_URL phải bắt đầu bằng postgresql:// / DATABASE_URL must start with postgresql:// (or unset it to use the embedded database)',
    );
  }
  const databaseReplicaUrl = env.DATABASE_REPLICA_URL?.trim() || undefined;
  if (databaseReplicaUrl && !/^postgres(ql)?:\/\//.test(databaseReplicaUrl)) {
    throw new ConfigError(
      'DATABASE_REPLICA_URL phải bắt đầu bằng postgresql:// / DATABASE_REPLICA_URL must start with postgresql://',
    );
  }
  if (databaseReplicaUrl && !databaseUrl) {
    throw new ConfigError(
      'DATABASE_REPLICA_URL cần DATABASE_URL / DATABASE_REPLICA_URL needs DATABASE_URL (the primary it replicates)',
    );
  }
  let trustProxy: ProxyTrust;
  try {
    trustProxy = parseProxyTrust(env.TRUST_PROXY);
  } catch (error) {
    if (!(error instanceof ProxyTrustError)) throw error;
    throw new ConfigError(
      `TRUST_PROXY: "${error.message}" không hợp lệ / is invalid: list the proxies' addresses or CIDR ranges, comma-separated (e.g. 127.0.0.1,10.0.0.0/8), or loopback`,
    );
  }
  const dataDir = path.resolve(repoRoot, env.DATA_DIR?.trim() || '.data');
  const redisUrl = env.REDIS_URL?.trim() || undefined;
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) {
    throw new ConfigError(
      'REDIS_URL phải bắt đầu bằng redis:// / REDIS_URL must start with redis:// or rediss://',
    );
  }
  const webDist = path.resolve(repoRoot, env.WEB_DIST?.trim() || 'apps/web/dist');
  return {
    port: readWholeNumber(env, 'PORT', 4000, 0, 65535),
    // production listens on the loopback unless HOST says otherwise (a reverse proxy in front)
    host: env.HOST?.trim() || (production ? '127.0.0.1' : undefined),
    databaseUrl,
    databaseReplicaUrl,
    replicaReadAfterWriteSeconds: readWholeNumber(env, 'REPLICA_READ_AFTER_WRITE_SECONDS', 5, 0, 3600),
    trustProxy,
    dataDir,
    demoPassword: env.DEMO_PASSWORD ?? 'demo',
    seedDemo: readFlag(env, 'SEED_DEMO'),
    redisUrl,
    sessionTtlHours: readWholeNumber(env, 'SESSION_TTL_HOURS', 12, 1, 24 * 90),
    nodeEnv,
    production,
    webDist,
    readCache: readOnOff(env, 'READ_CACHE', true),
    secretKey: readSecretKey(env) ?? Buffer.alloc(0),
    auditCheckpointFile: path.resolve(
      repoRoot,
      env.AUDIT_CHECKPOINT_FILE?.trim() || path.join(dataDir, 'audit-checkpoint.json'),
    ),
  };
}

function decodeKey(text: string, source: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-f]+$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length < 32) {
    throw new ConfigError(
      `${source}: khóa bí mật quá ngắn / the secret key is too short: give at least 32 bytes (e.g. openssl rand -hex 32)`,
    );
  }
  return key;
}

function readSecretKey(env: Env): Buffer | null {
  const inline = env.CADRE_SECRET_KEY?.trim();
  if (inline) return decodeKey(inline, 'CADRE_SECRET_KEY');
  const file = env.CADRE_SECRET_KEY_FILE?.trim();
  if (!file) return null;
  if (!existsSync(file)) {
    throw new ConfigError(`CADRE_SECRET_KEY_FILE=${file}: không có tệp / the file does not exist`);
  }
  return decodeKey(readFileSync(file, 'utf8'), `CADRE_SECRET_KEY_FILE=${file}`);
}

/** The configured secret, or `<DATA_DIR>/secret.key` (made with mode 0600 when missing). */
export function loadSecretKey(config: ApiConfig): ApiConfig {
  if (config.secretKey.length > 0) return config;
  const file = path.join(config.dataDir, 'secret.key');
  try {
    if (!existsSync(file)) {
      mkdirSync(config.dataDir, { recursive: true });
      writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
      chmodSync(file, 0o600);
    }
  } catch (error) {
    throw new ConfigError(
      `Không tạo được khóa bí mật / cannot create the secret key ${file} (${error instanceof Error ? error.message : error}): set CADRE_SECRET_KEY_FILE or fix DATA_DIR`,
    );
  }
  return { ...config, secretKey: decodeKey(readFileSync(file, 'utf8'), file) };
}

/** Configuration for tests: in-memory everything, nothing read from the environment. */
export function testConfig(overrides: Partial<ApiConfig> = {}): ApiConfig {
  return {
    ...readConfig({ NODE_ENV: 'test' }),
    dataDir: 'memory://',
    secretKey: randomBytes(32),
    auditCheckpointFile: '',
    webDist: path.join(repoRoot, 'apps/web/dist-missing-in-tests'),
    ...overrides,
  };
}
