import { resolve } from 'node:path';
import { parseArgs } from './args';
import { startServer } from './http';

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  // In demo and dev mode the jobs run each minute, as the cloud's timer runs them every five.
  const jobsEveryMs = options.demo || options.dev ? 60_000 : undefined;
  const server = await startServer({ ...options, staticDir: resolve('dist/h5'), jobsEveryMs });
  const mode = [options.demo ? 'demo' : null, options.dev ? 'dev clock' : null].filter(Boolean).join(', ');
  console.log(`同心 local server on ${server.url} (${mode || 'plain'}), data in ${resolve(options.dataDir)}`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
