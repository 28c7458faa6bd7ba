// The weapp build's packages as WeChat counts them: the main package is everything outside the
// subpackage roots of app.json (WeChat downloads it whole at first open), each subpackage its root.
// Read by `npm run bench` and by the test that keeps the bounds (tests/unit/build/weapp-packages.test.ts).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** WeChat's limit for the main package and for each subpackage. */
export const PACKAGE_LIMIT = 2 * 1024 * 1024;

export interface WeappPackages {
  /** Bytes of the main package. */
  main: number;
  /** Bytes of each subpackage, by its root. */
  subpackages: Record<string, number>;
  /** Files of the main package, relative to the build folder. */
  mainFiles: string[];
}

/** Every file below a folder, at any depth. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)],
  );
}

/** The packages of a weapp build folder, or null when it has not been built. */
export function weappPackages(dir: string): WeappPackages | null {
  if (!existsSync(join(dir, 'app.json'))) return null;
  const app = JSON.parse(readFileSync(join(dir, 'app.json'), 'utf8')) as { subPackages?: { root: string }[] };
  const roots = (app.subPackages ?? []).map((s) => s.root.replace(/\/$/, ''));
  const subpackages: Record<string, number> = Object.fromEntries(roots.map((r) => [r, 0]));
  const mainFiles: string[] = [];
  let main = 0;
  for (const file of filesUnder(dir)) {
    const path = relative(dir, file);
    const size = statSync(file).size;
    const root = roots.find((r) => path.startsWith(`${r}/`));
    if (root) subpackages[root] += size;
    else {
      main += size;
      mainFiles.push(path);
    }
  }
  return { main, subpackages, mainFiles };
}
