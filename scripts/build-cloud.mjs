// `npm run build:cloud`: bundles the cloud function `api` (server/entry/cloud.ts) into
// cloudfunctions/api/index.js, the one file WeChat uploads next to package.json and config.json.
// Options: --minify, --sourcemap (a linked index.js.map; both are git-ignored).
//
// CommonJS for Node 16 (CloudBase runtimes: Nodejs16.13, 18.15 recommended, 20.19 in beta).
// The dependencies of cloudfunctions/api/package.json stay external: the platform installs them
// ("上传并部署：云端安装依赖"). wx-server-sdk is one; exceljs (2.9 MB bundled, loaded only by an export
// or an import) is the other, so that a cold start of every other action does not parse it. The local server's stack (fastify, better-sqlite3, the dev actions)
// must never reach the bundle: the build fails if the metafile shows any of it.
import { readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'cloudfunctions', 'api', 'index.js');
const args = new Set(process.argv.slice(2));
const installed = Object.keys(
  JSON.parse(readFileSync(join(root, 'cloudfunctions', 'api', 'package.json'), 'utf8')).dependencies,
);

// zod's classic `z` re-exports `z.locales`, every language zod has (373 KB, half the bundle then): the
// contract is written in zod/mini and configures the one locale it shows (src/core/contract/fields.ts).
// esbuild still reads the other locales through zod/mini's `locales` re-export and shakes them out, so
// what is checked is what reaches the output.
const ZOD_LEAN = /node_modules\/zod\/v4\/(classic\/|locales\/(?!zh-CN\.js$))/;

const FORBIDDEN = [
  /node_modules\/(better-sqlite3|fastify|@fastify|pino|avvio|light-my-request)\//,
  /^server\/store\/sqlite/,
  /^server\/entry\/(http|serve|args)\.ts$/,
  /^server\/features\/dev\//,
  /^server\/entry\/token\.ts$/,
];

// The demo unit's seeds (server/features/*/seed*.ts) are part of each feature's value, but a cloud
// environment never seeds demo data: each is replaced by a module whose exports are undefined, so the
// demo roster and texts stay out of the bundle and `seed` is simply absent.
const noDemoSeeds = {
  name: 'no-demo-seeds',
  setup(b) {
    b.onLoad({ filter: /[\\/]server[\\/]features[\\/][^\\/]+[\\/]seed[^\\/]*\.ts$/ }, (args) => {
      const names = [...readFileSync(args.path, 'utf8').matchAll(/^export (?:const|(?:async )?function) (\w+)/gm)].map(
        (m) => m[1],
      );
      return { contents: names.map((n) => `export const ${n} = undefined;`).join('\n'), loader: 'ts' };
    });
  },
};

const result = await build({
  absWorkingDir: root,
  entryPoints: ['server/entry/cloud.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node16',
  external: installed,
  minify: args.has('--minify'),
  keepNames: true,
  sourcemap: args.has('--sourcemap') ? 'linked' : false,
  legalComments: 'none',
  metafile: true,
  plugins: [noDemoSeeds],
  logLevel: 'warning',
});

const inputs = Object.keys(result.metafile.inputs);
const leaked = inputs.filter((path) => FORBIDDEN.some((pattern) => pattern.test(path)));
if (leaked.length > 0) {
  console.error('build:cloud: the cloud bundle must not contain the local server stack, but it has:');
  for (const path of leaked) console.error(`  ${path}`);
  process.exit(1);
}
const bundled = Object.values(result.metafile.outputs).flatMap((output) => Object.keys(output.inputs));
const heavy = bundled.filter((path) => ZOD_LEAN.test(path));
if (heavy.length > 0) {
  console.error('build:cloud: the cloud bundle takes zod/mini and its zh-CN locale only, but it has:');
  for (const path of heavy) console.error(`  ${path}`);
  process.exit(1);
}
const imports = Object.values(result.metafile.outputs).flatMap((output) => output.imports);
const builtins = new Set(builtinModules);
const externals = [...new Set(imports.filter((i) => i.external).map((i) => i.path))].filter(
  (path) => !installed.includes(path) && !path.startsWith('node:') && !builtins.has(path),
);
if (externals.length > 0) {
  console.error(`build:cloud: unexpected runtime requires: ${externals.join(', ')}`);
  process.exit(1);
}

const bytes = statSync(outfile).size;
const gzipped = gzipSync(readFileSync(outfile)).length;
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
console.log(
  `build:cloud: ${relative(root, outfile)} ${kib(bytes)} (${kib(gzipped)} gzipped), ${inputs.length} modules` +
    `, ${inputs.filter((p) => p.includes('node_modules/')).length} from node_modules`,
);
