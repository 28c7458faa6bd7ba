/** A closed-loop load generator: `concurrency` callers send `requests` requests between them. */
export interface LoadRow {
  name: string;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** The baseline's req/s measured just before this row, when the bench pairs them. */
  baseline?: number;
}

export async function measure(
  name: string,
  requests: number,
  concurrency: number,
  send: (i: number) => Promise<Response>,
): Promise<LoadRow> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < requests; i = next++) {
        const t0 = performance.now();
        const res = await send(i);
        const body = await res.text();
        if (res.status >= 500) throw new Error(`${name}: HTTP ${res.status} ${body.slice(0, 200)}`);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { name, requests, rps: latencies.length / seconds, p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

/**
 * Prints rows as a markdown table, each throughput as a share of its own baseline (measured just
 * before it) or else of the first row's.
 */
export function printLoad(rows: LoadRow[]): void {
  console.log('| action | requests | req/s | vs baseline | p50 ms | p95 ms | p99 ms |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    const base = r.baseline ?? rows[0].rps;
    const cells = [
      r.requests.toLocaleString('en-US'),
      r.rps.toFixed(0),
      `${((r.rps / base) * 100).toFixed(0)} %${r.baseline ? ` of ${base.toFixed(0)}` : ''}`,
      r.p50.toFixed(1),
      r.p95.toFixed(1),
      r.p99.toFixed(1),
    ];
    console.log(`| ${r.name} | ${cells.join(' | ')} |`);
  }
}

/** The local server's API as the benches call it: `post` answers the response, `ok` the data or throws. */
export function apiClient(url: string) {
  const post = (action: string, body: unknown, token?: string) =>
    fetch(`${url}/api/${action}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
  const ok = async <T>(action: string, body: unknown, token?: string): Promise<T> => {
    const answer = (await (await post(action, body, token)).json()) as { ok: boolean; data: T; error?: unknown };
    if (!answer.ok) throw new Error(`${action}: ${JSON.stringify(answer.error)}`);
    return answer.data;
  };
  return { post, ok };
}
