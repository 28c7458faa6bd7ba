import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * Response headers of the local server (@fastify/helmet): `nosniff` on everything, and on the H5
 * pages a Content-Security-Policy that lets scripts come only from this server (plus the one inline
 * script of the page template, by its hash) and refuses to be framed by any other site. No CORS: the
 * API answers its own origin only. HSTS and upgrade-insecure-requests stay off, since the server
 * speaks plain HTTP on loopback or a LAN.
 */
export async function useSecurityHeaders(app: FastifyInstance, staticDir: string | undefined): Promise<void> {
  const inline = staticDir ? inlineScriptHashes(readFileSync(join(staticDir, 'index.html'), 'utf8')) : [];
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...inline],
        // Taro's components and React set style attributes and inject <style> elements.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    hsts: false,
    crossOriginEmbedderPolicy: false,
  });
}

/** 'sha256-…' sources for each inline <script> of the page (Taro's root font-size snippet). */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
    (m) => `'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`,
  );
}

/**
 * The data folder holds the session secret and the secret ballot: only the server's user may read
 * it (0700), and its files are 0600. Applied on every start, so that a folder created by hand or
 * restored from a backup is closed again.
 */
export function closeDataFolder(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isFile()) chmodSync(path, 0o600);
    else if (entry.isDirectory()) chmodSync(path, 0o700);
  }
}
