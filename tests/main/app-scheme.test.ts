// What app://entente/ serves (main/app-scheme.ts): the renderer folder's files only, with
// their MIME types; nothing above it, however the path is written.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test, vi } from 'vitest';

vi.mock('electron', () => ({ protocol: {} }));
const { isAppUrl, RENDERER_CSP, rendererFile } = await import('../../main/app-scheme');

const root = mkdtempSync(join(tmpdir(), 'entente-schema-'));
const renderer = join(root, 'renderer');
mkdirSync(join(renderer, 'assets'), { recursive: true });
writeFileSync(join(renderer, 'index.html'), '<!doctype html>');
writeFileSync(join(renderer, 'assets', 'index-abc.js'), 'export {}');
writeFileSync(join(renderer, 'assets', 'index-abc.css'), 'body {}');
writeFileSync(join(renderer, 'assets', 'police.woff2'), '');
writeFileSync(join(renderer, 'assets', 'sans-type'), '');
writeFileSync(join(root, 'secret.sqlite'), 'données');

describe("le schéma app://entente/ de l'interface", () => {
  test('les fichiers du dossier renderer, avec leur type MIME', () => {
    expect(rendererFile(renderer, 'app://entente/index.html')).toEqual({ file: join(renderer, 'index.html'), mime: 'text/html; charset=utf-8' });
    expect(rendererFile(renderer, 'app://entente/')).toEqual({ file: join(renderer, 'index.html'), mime: 'text/html; charset=utf-8' });
    expect(rendererFile(renderer, 'app://entente/index.html#/actions/a4-1')).toMatchObject({ file: join(renderer, 'index.html') });
    expect(rendererFile(renderer, 'app://entente/assets/index-abc.js')).toEqual({
      file: join(renderer, 'assets', 'index-abc.js'),
      mime: 'text/javascript; charset=utf-8',
    });
    expect(rendererFile(renderer, 'app://entente/assets/index-abc.css')).toMatchObject({ mime: 'text/css; charset=utf-8' });
    expect(rendererFile(renderer, 'app://entente/assets/police.woff2')).toMatchObject({ mime: 'font/woff2' });
  });

  test('rien au-dessus du dossier, même écrit autrement', () => {
    for (const url of [
      'app://entente/../secret.sqlite',
      'app://entente/%2e%2e/secret.sqlite',
      'app://entente/assets/%2e%2e/%2e%2e/secret.sqlite',
      'app://entente/..%2fsecret.sqlite',
      'app://entente/..%5csecret.sqlite',
      'app://entente/assets%5c..%5c..%5csecret.sqlite',
      'app://entente/index.html%00.js',
      'app://entente/%E0%A4%A',
    ]) {
      expect(rendererFile(renderer, url), url).toHaveProperty('status');
      expect(rendererFile(renderer, url), url).not.toHaveProperty('file');
    }
  });

  test("ce qui n'existe pas, un dossier, un type inconnu ou un autre hôte : introuvable", () => {
    expect(rendererFile(renderer, 'app://entente/absent.js')).toEqual({ status: 404 });
    expect(rendererFile(renderer, 'app://entente/assets')).toEqual({ status: 404 });
    expect(rendererFile(renderer, 'app://entente/assets/sans-type')).toEqual({ status: 404 });
    expect(rendererFile(renderer, 'app://autre/index.html')).toEqual({ status: 404 });
  });

  test("seule la page de l'application est la sienne", () => {
    expect(isAppUrl('app://entente/index.html')).toBe(true);
    expect(isAppUrl('app://entente/index.html#/reunions')).toBe(true);
    expect(isAppUrl('app://autre/index.html')).toBe(false);
    expect(isAppUrl('file:///opt/Entente/resources/app.asar/dist/renderer/index.html')).toBe(false);
    expect(isAppUrl('https://entente/index.html')).toBe(false);
    expect(isAppUrl(undefined)).toBe(false);
  });
});

test("la politique envoyée avec chaque fichier est celle de la page, et interdit d'être encadrée", () => {
  const page = readFileSync(join(__dirname, '../../renderer/index.html'), 'utf8');
  const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(page)?.[1];
  expect(meta).toBeDefined();
  expect(RENDERER_CSP).toBe(`${meta}; frame-ancestors 'none'`);
});
