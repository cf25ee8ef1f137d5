// The renderer is served from app://entente/, a privileged standard scheme, not from file://:
// the page's origin is the same on every system and install path (no drive letters or
// escapes to compare), CSP 'self' means the app's own files only, and file: needs no extra
// privileges (a fuse turns them off in the packages).
import { protocol } from 'electron';
import { readFileSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';

const APP_SCHEME = 'app';
const APP_HOST = 'entente';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** The app's own page, whatever its #fragment or ?query. */
export function isAppUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

/**
 * The file of the renderer folder an app:// URL names, and its MIME type; or why not: a
 * path out of the folder (.., encoded separators), another host, a missing file.
 */
export function rendererFile(rendererDir: string, url: string): { file: string; mime: string } | { status: 400 | 404 } {
  let parsed: URL;
  let path: string;
  try {
    parsed = new URL(url);
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return { status: 400 };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return { status: 404 };
  // A separator or a NUL that came encoded is no path of ours.
  if (/[\\\0]/.test(path) || path.split('/').some((segment) => segment === '..')) return { status: 400 };
  const root = resolve(rendererDir);
  const file = resolve(join(root, path === '/' ? 'index.html' : path));
  if (!file.startsWith(root + sep)) return { status: 400 };
  const mime = MIME_TYPES[extname(file).toLowerCase()];
  try {
    if (!mime || !statSync(file).isFile()) return { status: 404 };
  } catch {
    return { status: 404 };
  }
  return { file, mime };
}

/** Before ready: app:// is a standard, secure scheme (module scripts, fetch, storage of its own). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/**
 * The renderer's content security policy, sent with every file the scheme serves: the page
 * carries it too (renderer/index.html), but an image or a script opened on its own would not.
 */
export const RENDERER_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; " +
  "base-uri 'none'; form-action 'none'; object-src 'none'; frame-ancestors 'none'";

/** Serves the renderer folder on app://entente/, and nothing else. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => {
    const found = rendererFile(rendererDir, request.url);
    if ('status' in found) return new Response(null, { status: found.status });
    return new Response(readFileSync(found.file), { headers: { 'content-type': found.mime, 'content-security-policy': RENDERER_CSP } });
  });
}
