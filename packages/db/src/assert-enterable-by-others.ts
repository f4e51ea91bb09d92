import { existsSync, statSync } from "node:fs";
import { dirname, parse, resolve } from "node:path";

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to enter every directory above its programs
 * (in node_modules) and its data. A clone under a private directory such as /root fails deep inside the package
 * with EACCES; say so first, with the fix.
 */
export function assertEnterableByOthers(paths: string[]): void {
  for (const path of paths) {
    for (let dir = resolve(path); ; dir = dirname(dir)) {
      if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) {
        throw new Error(
          `PostgreSQL refuses to run as root, so the embedded server runs as the "postgres" user, which cannot enter ` +
            `${dir}. Clone Lotbridge into a directory other users can enter (e.g. /srv or /opt, not /root), ` +
            `allow it with "chmod o+x ${dir}", run as a normal user, or set DATABASE_URL to your own PostgreSQL server.`,
        );
      }
      if (dir === parse(dir).root) break;
    }
  }
}
