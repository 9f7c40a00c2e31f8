import { accessSync, constants, existsSync, mkdtempSync, rmdirSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
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
