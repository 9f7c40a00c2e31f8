import { randomBytes } from 'node:crypto';
import {
  accessSync,
  constants,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import type { PrismaClient } from '@cadre/db';
import { hashPassword, verifyPassword } from './auth/password.ts';
import { ConfigError } from './config.ts';

/** DATA_DIR must be a writable folder, or creatable under a writable parent (nothing is left behind here). */
export function checkDataDir(dataDir: string): void {
  let probe = dataDir;
  while (!existsSync(probe)) {
    const parent = path.dirname(probe);
    if (parent === probe) break;
    probe = parent;
  }
  if (existsSync(probe) && !statSync(probe).isDirectory()) {
    throw new ConfigError(
      `DATA_DIR=${dataDir}: ${probe} không phải thư mục / is not a folder: choose another DATA_DIR`,
    );
  }
  try {
    accessSync(probe, constants.W_OK | constants.X_OK);
    // access() says yes to root everywhere (even /proc): make and remove an empty folder to be sure
    rmdirSync(mkdtempSync(path.join(probe, '.cadre-probe-')));
  } catch {
    throw new ConfigError(
      `DATA_DIR=${dataDir}: không ghi được vào / cannot write to ${probe}: fix its permissions or set DATA_DIR to a writable folder`,
    );
  }
}

/** Binds the port first, so a port in use stops start-up before anything is created on disk. */
export function listen(server: Server, port: number, host: string | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (error.code === 'EADDRINUSE') {
        reject(
          new ConfigError(
            `Cổng ${port} đang được dùng / port ${port} is already in use: stop the other program or set PORT to a free port`,
          ),
        );
      } else if (error.code === 'EACCES') {
        reject(
          new ConfigError(
            `Không được phép dùng cổng ${port} / not allowed to use port ${port}: set PORT above 1024`,
          ),
        );
      } else {
        reject(error);
      }
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

export { createServer as createHttpServer };

/** The root unit of the demo province (packages/db seed): its presence means demo data. */
const demoProvince = { code: 'HA', name: 'UBND tỉnh Hòa An' };

/**
 * Production (NODE_ENV=production) never runs with demo data or demo passwords: a demo province,
 * SEED_DEMO, or any active account whose password is the demo password (DEMO_PASSWORD, and `demo`)
 * stops start-up with the accounts named. Run after migrating, before serving.
 */
export async function checkProductionData(options: {
  prisma: PrismaClient;
  demoPassword: string;
  seedDemo: boolean;
}): Promise<void> {
  const { prisma } = options;
  if (options.seedDemo) {
    throw new ConfigError(
      'SEED_DEMO không dùng được khi NODE_ENV=production / SEED_DEMO is refused in production',
    );
  }
  const demoUnit = await prisma.unit.findFirst({ where: demoProvince, select: { id: true } });
  if (demoUnit) {
    throw new ConfigError(
      `Cơ sở dữ liệu chứa dữ liệu mẫu (${demoProvince.name}) / the database holds the demo province: production needs a database without demo data (a new DATA_DIR or DATABASE_URL)`,
    );
  }
  const passwords = [...new Set([options.demoPassword, 'demo'].filter((password) => password.length > 0))];
  const accounts = await prisma.user.findMany({
    where: { active: true },
    select: { username: true, passwordHash: true },
    orderBy: { username: 'asc' },
    take: 2_000,
  });
  const weak: string[] = [];
  // a few at a time: argon2 is deliberately slow and the machine is serving nothing yet
  for (let start = 0; start < accounts.length; start += 8) {
    const batch = accounts.slice(start, start + 8);
    const found = await Promise.all(
      batch.map(async (account) => {
        for (const password of passwords) {
          if (await verifyPassword(account.passwordHash, password)) return account.username;
        }
        return null;
      }),
    );
    for (const username of found) if (username) weak.push(username);
  }
  if (weak.length > 0) {
    throw new ConfigError(
      `Tài khoản dùng mật khẩu mẫu / accounts with the demo password: ${weak.slice(0, 20).join(', ')}${weak.length > 20 ? ` and ${weak.length - 20} more` : ''}: reset their passwords before starting in production`,
    );
  }
}

/**
 * Production on an empty database: one administrator `quantri` with a random password, which must
 * be changed at first login. Nothing when any account exists. The password is handed over through
 * a file only its owner can read (writeFirstAdminPassword), never through the console or the logs.
 */
export async function ensureFirstAdmin(
  prisma: PrismaClient,
): Promise<{ username: string; password: string } | null> {
  if ((await prisma.user.count()) > 0) return null;
  const password = randomBytes(12).toString('base64url');
  await prisma.user.create({
    data: {
      username: 'quantri',
      displayName: 'Quản trị hệ thống',
      role: 'ADMIN',
      passwordHash: await hashPassword(password),
      mustChangePassword: true,
    },
  });
  return { username: 'quantri', password };
}

/**
 * Writes the first administrator's password to `<dir>/first-admin-password.txt` with mode 0600 and
 * returns the file's path; an existing file is replaced (the password it held no longer works). The
 * operator reads it once, logs in, changes the password and deletes the file.
 */
export function writeFirstAdminPassword(dir: string, first: { username: string; password: string }): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, 'first-admin-password.txt');
  rmSync(file, { force: true });
  writeFileSync(
    file,
    `Tài khoản / account: ${first.username}\nMật khẩu / password: ${first.password}\n` +
      'Đổi mật khẩu khi đăng nhập lần đầu rồi xoá tệp này / change the password at first login, then delete this file\n',
    { mode: 0o600, flag: 'wx' },
  );
  return file;
}
