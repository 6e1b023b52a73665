// What the build reads, hashed: `node scripts/build.mjs --if-changed` (npm test) builds only when this differs from the
// digest the last successful build wrote (issue 25: npm test's time; right after `npm install` or `npm ci`, whose
// `prepare` has just built, the suite starts at once). The inputs: every file below bin/, data/, scripts/ and src/,
// the package, lock and tsconfig files (the bundled dependencies are in the lock), the Node version (the code caches
// are for one Node) and the build's one setting, SSCARD_NO_MINIFY. Contents, not times: a touched file is unchanged.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export const BUILD_INPUTS = ['bin', 'data', 'scripts', 'src', 'package.json', 'package-lock.json', 'tsconfig.json'];

/** The digest of the build's inputs below `root`, for Node `node` with SSCARD_NO_MINIFY `noMinify`. */
export function buildInputsDigest(root, { node = process.version, noMinify = process.env.SSCARD_NO_MINIFY ?? '' } = {}) {
  const hash = createHash('sha1').update(`${node}\0${noMinify}\0`);
  const add = (relative) => {
    const full = path.join(root, relative);
    if (!existsSync(full)) return;
    if (statSync(full).isDirectory()) {
      for (const name of readdirSync(full).sort()) add(path.join(relative, name));
      return;
    }
    hash.update(`${relative}\0`).update(readFileSync(full)).update('\0');
  };
  for (const input of BUILD_INPUTS) add(input);
  return hash.digest('hex');
}
