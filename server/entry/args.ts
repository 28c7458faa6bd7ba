/** `npm start -- --port N --data DIR --dev --host H --no-demo`: the local server's command line. */
export interface CliOptions {
  port: number;
  dataDir: string;
  dev: boolean;
  demo: boolean;
  host: string;
}

export function parseArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = { port: 8080, dataDir: './data', dev: false, demo: true, host: '127.0.0.1' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === '--port') options.port = Number(value());
    else if (arg === '--data') options.dataDir = value();
    else if (arg === '--host') options.host = value();
    else if (arg === '--dev') options.dev = true;
    else if (arg === '--no-demo') options.demo = false;
    else throw new Error(`unknown option ${arg}`);
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) {
    throw new Error('--port must be a whole number from 0 to 65535');
  }
  return options;
}
