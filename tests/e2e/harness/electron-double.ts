// A test double of the `electron` module, so the app's real main process, preload and
// renderer run in Debian's Chromium when no Electron binary can be had. Each piece maps
// onto Playwright: BrowserWindow → a page, ipcMain.handle ↔ ipcRenderer.invoke → an
// exposed binding, the sandboxed preload → an init script, printToPDF → page.pdf,
// dialogs → answers queued by the test, protocol.handle → a route. Where it is more lenient
// than Electron (one JavaScript world for page and preload, the app's scheme served on an
// https origin), docs/electron-double.md says so and which real-Electron run covers it.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { homedir, tmpdir, userInfo } from 'node:os';
import { isAbsolute, join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';

export type DialogName = 'showOpenDialog' | 'showSaveDialog' | 'showMessageBox';

/**
 * A privileged scheme of the app (app://entente/…) cannot be loaded by Chromium: its pages are
 * served on https://entente.app.invalid/… by the app's own protocol handler, and every URL
 * main sees (the sender's frame, will-navigate, the window-open handler) is given back in the
 * app's scheme, as Electron would give it.
 */
const SCHEME_HOST = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]+)(.*)$/i;
const MAPPED = /^https:\/\/([^/?#.]+)\.([a-z][a-z0-9+-]*)\.invalid(.*)$/i;
const toPage = (url: string) => url.replace(SCHEME_HOST, (_all, scheme: string, host: string, rest: string) => `https://${host}.${scheme}.invalid${rest}`);
const toApp = (url: string) => url.replace(MAPPED, (_all, host: string, scheme: string, rest: string) => `${scheme}://${host}${rest}`);

/** Whether JSON gives back exactly this value: plain objects and arrays of strings, finite numbers, booleans and null. */
function survivesJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(survivesJson);
  if (typeof value !== 'object') return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return (prototype === Object.prototype || prototype === null) && Object.values(value).every(survivesJson);
}

/** Runs in the page before its scripts: the renderer side of `electron` for the preload. */
function preloadScript(preloadFile: string): string {
  const shim = `
    const listeners = new Map();
    window.__electronDoubleEmit = (channel, args) => {
      for (const listener of listeners.get(channel) ?? []) listener({}, ...args);
    };
    const electron = {
      contextBridge: {
        exposeInMainWorld: (key, api) => Object.defineProperty(window, key, { value: Object.freeze(api) }),
      },
      ipcRenderer: {
        invoke: async (channel, ...args) => {
          const reply = await window.__electronDoubleInvoke(channel, args);
          return 'json' in reply ? JSON.parse(reply.json) : reply.value;
        },
        on(channel, listener) {
          listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
          return this;
        },
        removeListener(channel, listener) {
          listeners.set(channel, (listeners.get(channel) ?? []).filter((l) => l !== listener));
          return this;
        },
      },
    };
    const require = (name) => {
      if (name === 'electron') return electron;
      throw new Error('Un preload sandboxé ne peut charger que electron, pas ' + name);
    };
    const module = { exports: {} };`;
  // Only in the app's own pages (a denied popup's blank page gets none).
  return `if (location.hostname.endsWith('.invalid')) {
    ${shim}
    (function (require, module, exports) {\n${readFileSync(preloadFile, 'utf8')}\n})(require, module, module.exports);
  }`;
}

class WebContents extends EventEmitter {
  private static nextId = 1;
  readonly id = WebContents.nextId++;
  windowOpenHandler?: (details: { url: string }) => { action: 'allow' | 'deny' };
  readonly session: unknown;

  constructor(
    readonly page: Page,
    electronSession: unknown,
  ) {
    super();
    this.session = electronSession;
  }

  send(channel: string, ...args: unknown[]): void {
    void this.page.evaluate(([c, a]) => (window as any).__electronDoubleEmit?.(c, a), [channel, args] as const);
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'allow' | 'deny' }): void {
    this.windowOpenHandler = handler;
  }

  async printToPDF(options: {
    pageSize?: string;
    landscape?: boolean;
    printBackground?: boolean;
    displayHeaderFooter?: boolean;
    headerTemplate?: string;
    footerTemplate?: string;
    margins?: { top?: number; bottom?: number; left?: number; right?: number };
    generateTaggedPDF?: boolean;
    generateDocumentOutline?: boolean;
  }): Promise<Buffer> {
    const inch = (value?: number) => (value === undefined ? undefined : `${value}in`);
    return this.page.pdf({
      format: options.pageSize ?? 'Letter',
      landscape: options.landscape,
      printBackground: options.printBackground,
      displayHeaderFooter: options.displayHeaderFooter,
      headerTemplate: options.headerTemplate,
      footerTemplate: options.footerTemplate,
      tagged: options.generateTaggedPDF ?? false,
      outline: options.generateDocumentOutline ?? false,
      margin: options.margins && {
        top: inch(options.margins.top),
        bottom: inch(options.margins.bottom),
        left: inch(options.margins.left),
        right: inch(options.margins.right),
      },
    });
  }

  /** Headless Chromium has no print dialog and no printer: as Electron on a laptop without printer. */
  print(_options: unknown, callback?: (success: boolean, failureReason: string) => void): void {
    callback?.(false, 'No printers available');
  }

  isDestroyed(): boolean {
    return this.page.isClosed();
  }
}

/**
 * The single-instance locks held in this process, by userData folder, as Electron keys them:
 * a second app asking for a folder's lock is refused, and the holder hears 'second-instance'.
 */
const instanceLocks = new Map<string, EventEmitter>();

/** Electron's userData on Linux for an app launched on its folder: ~/.config/<productName>. */
function defaultUserData(): string {
  const { productName } = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')) as { productName: string };
  return join(process.env.XDG_CONFIG_HOME || join(homedir(), '.config'), productName);
}

/** A fresh `electron` module for one launch of the app, on one browser context. */
/**
 * The system keychain of safeStorage: a key of this user's (the same across the app's
 * restarts, as the system's). `backend` 'basic_text' stands for Linux without a keyring.
 */
function safeStorageDouble(isReady: () => boolean, backend: string) {
  const key = createHash('sha256').update(`trousseau du double : ${userInfo().username}`).digest();
  const available = () => isReady();
  return {
    isEncryptionAvailable: available,
    getSelectedStorageBackend: () => {
      if (process.platform !== 'linux') throw new Error("getSelectedStorageBackend n'existe que sous Linux, comme dans Electron.");
      return isReady() ? backend : 'unknown';
    },
    encryptString(plain: string): Buffer {
      if (!available()) throw new Error('Error while encrypting the text provided to safeStorage.encryptString. Encryption is not available.');
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      return Buffer.concat([Buffer.from('v11'), iv, cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    },
    decryptString(sealed: Buffer): string {
      if (!available()) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString. Decryption is not available.');
      const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(3, 15));
      decipher.setAuthTag(sealed.subarray(sealed.length - 16));
      return Buffer.concat([decipher.update(sealed.subarray(15, sealed.length - 16)), decipher.final()]).toString('utf8');
    },
  };
}

export function createElectronDouble(context: BrowserContext, options: { version: string; argv?: string[]; keychain?: string }) {
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  const dialogAnswers = new Map<DialogName, unknown[]>();
  const calls: { name: string; args: unknown[] }[] = [];
  const windows: BrowserWindowDouble[] = [];
  const pageOpened: ((window: BrowserWindowDouble) => void)[] = [];
  const contentsOf = new Map<Page, WebContents>();
  let permissionRequestHandler: ((...args: any[]) => void) | undefined;

  const electronSession = {
    setPermissionRequestHandler: (handler: (...args: any[]) => void) => (permissionRequestHandler = handler),
    setPermissionCheckHandler: () => undefined,
    setDevicePermissionHandler: () => undefined,
  };

  const paths = new Map<string, string>([['userData', defaultUserData()]]);
  let lockedFolder: string | undefined;
  let ready = false;
  let exited = false;
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    getVersion: () => options.version,
    getPath: (name: string) => paths.get(name) ?? tmpdir(),
    setPath(name: string, path: string) {
      // As Electron: an absolute path only.
      if (!isAbsolute(path)) throw new Error(`Path must be absolute: ${path}`);
      paths.set(name, path);
    },
    whenReady: () =>
      new Promise<void>((resolve) =>
        setImmediate(() => {
          ready = true;
          resolve();
        }),
      ),
    requestSingleInstanceLock(): boolean {
      const folder = paths.get('userData')!;
      const holder = instanceLocks.get(folder);
      if (holder && holder !== app) {
        holder.emit('second-instance', {}, options.argv ?? [], process.cwd());
        return false;
      }
      instanceLocks.set(folder, app);
      lockedFolder = folder;
      return true;
    },
    // Recorded, never run: the spec launches the app itself on the folder asked for (projets.spec).
    relaunch(relaunchOptions: { execPath?: string; args?: string[] } = {}) {
      const unmapped = Object.keys(relaunchOptions).filter((key) => key !== 'execPath' && key !== 'args');
      if (unmapped.length > 0) throw new Error(`Le double de app.relaunch ne reproduit que execPath et args, pas ${unmapped.join(', ')}.`);
      if (relaunchOptions.args && !relaunchOptions.args.every((arg) => typeof arg === 'string'))
        throw new Error('app.relaunch : args est une liste de textes.');
      calls.push({ name: 'relaunch', args: [relaunchOptions] });
    },
    // As Electron: no before-quit nor will-quit; the windows close and the folder's lock is freed.
    exit(exitCode = 0) {
      calls.push({ name: 'exit', args: [exitCode] });
      exited = true;
      for (const window of windows) void window.ready.then((page) => page.close());
      if (lockedFolder && instanceLocks.get(lockedFolder) === app) instanceLocks.delete(lockedFolder);
      app.emit('quit');
    },
    quit() {
      if (exited) return void app.emit('quit');
      app.emit('before-quit');
      for (const window of windows) window.close();
      // As in Electron, a will-quit listener may postpone the quit (and call quit again later).
      let prevented = false;
      app.emit('will-quit', { preventDefault: () => (prevented = true) });
      if (prevented) return;
      if (lockedFolder && instanceLocks.get(lockedFolder) === app) instanceLocks.delete(lockedFolder);
      app.emit('quit');
    },
  });

  class BrowserWindowDouble extends EventEmitter {
    readonly ready: Promise<Page>;
    webContents!: WebContents;
    private closed = false;

    constructor(readonly options: { webPreferences?: { preload?: string } } & Record<string, unknown>) {
      super();
      windows.push(this);
      this.ready = context.newPage().then(async (page) => {
        this.webContents = new WebContents(page, electronSession);
        contentsOf.set(page, this.webContents);
        app.emit('web-contents-created', {}, this.webContents);
        if (options.webPreferences?.preload) await page.addInitScript({ content: preloadScript(options.webPreferences.preload) });
        // will-navigate: a listener may cancel a navigation of the page to another URL.
        await page.route('**/*', async (route) => {
          const request = route.request();
          if (request.isNavigationRequest() && request.frame() === page.mainFrame()) {
            let prevented = false;
            this.webContents.emit('will-navigate', { preventDefault: () => (prevented = true) }, toApp(request.url()));
            // ERR_ABORTED, as a cancelled navigation in Electron: the page stays, no error page commits.
            if (prevented) return route.abort('aborted');
          }
          return route.fallback();
        });
        page.on('close', () => this.close());
        pageOpened.forEach((notify) => notify(this));
        return page;
      });
    }

    async loadURL(url: string): Promise<void> {
      const scheme = url.split(':')[0];
      if (!privilegedSchemes.has(scheme) && !['https', 'http', 'file'].includes(scheme)) {
        throw new Error(`ERR_UNKNOWN_URL_SCHEME : ${url} (schéma non déclaré par protocol.registerSchemesAsPrivileged)`);
      }
      const page = await this.ready;
      await page.goto(privilegedSchemes.has(scheme) ? toPage(url) : url);
      this.emit('ready-to-show');
    }

    show(): void {}
    focus(): void {}
    restore(): void {}
    isMinimized(): boolean {
      return false;
    }
    isDestroyed(): boolean {
      return this.closed;
    }
    close(): void {
      if (this.closed) return;
      this.closed = true;
      this.emit('closed');
      if (windows.every((window) => window.closed)) app.emit('window-all-closed');
    }
  }

  // window.open and target=_blank: the window open handler of the app's window decides, as in
  // Electron, with the URL asked for. A popup's first request comes before Playwright knows its
  // page (request.frame() throws), so it is decided in the route; a denied one gets an empty
  // page instead (an aborted load would leave it open and unreported), and its 'page' event
  // closes it. A popup without a URL (about:blank) is decided in the 'page' event.
  const popupDecisions: ('allow' | 'deny')[] = [];
  const openHandler = (url: string) => {
    const opener = [...contentsOf.values()].find((contents) => !contents.isDestroyed());
    return (opener?.windowOpenHandler?.({ url: toApp(url) }) ?? { action: 'allow' as const }).action;
  };
  const isFirstRequestOfPopup = (request: import('playwright-core').Request) => {
    if (!request.isNavigationRequest()) return false;
    try {
      request.frame();
      return false;
    } catch {
      return true;
    }
  };
  const routed = context.route('**/*', async (route) => {
    if (isFirstRequestOfPopup(route.request())) {
      const action = openHandler(route.request().url());
      popupDecisions.push(action);
      if (action === 'deny') return route.fulfill({ status: 200, contentType: 'text/html', body: '' }).catch(() => undefined);
    }
    return route.continue().catch(() => undefined);
  });
  context.on('page', async (popup) => {
    if (contentsOf.has(popup) || !(await popup.opener())) return;
    const action = popupDecisions.shift() ?? openHandler(popup.url());
    if (action === 'deny') await popup.close();
  });

  // Electron copies a result by structured clone; Playwright's serializer walks it object by
  // object, which costs a 1,000-point matrix some 100 ms that the app does not pay. A result
  // that JSON carries unchanged goes as one JSON text; anything else (a Date, a Uint8Array…)
  // goes through Playwright.
  const exposed = context.exposeBinding('__electronDoubleInvoke', async (source, channel: string, args: unknown[]) => {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`Aucun gestionnaire IPC pour ${channel}`);
    const sender = contentsOf.get(source.page);
    const value = await handler({ sender, senderFrame: { url: toApp(source.frame.url()) } }, ...args);
    return survivesJson(value) ? { json: JSON.stringify(value) } : { value };
  });

  const answer =
    (name: DialogName) =>
    async (...args: unknown[]) => {
      calls.push({ name, args });
      const queued = dialogAnswers.get(name)?.shift();
      if (queued === undefined) throw new Error(`Boîte de dialogue ${name} inattendue : le test n'a pas préparé de réponse.`);
      return queued;
    };

  // protocol: schemes made privileged before ready, served by handlers registered after it.
  const privilegedSchemes = new Set<string>();
  const schemeHandlers = new Map<string, (request: Request) => Response | Promise<Response>>();
  const protocol = {
    registerSchemesAsPrivileged(schemes: { scheme: string; privileges?: { standard?: boolean } }[]) {
      if (ready) throw new Error('protocol.registerSchemesAsPrivileged ne peut être appelé qu’avant ready, comme dans Electron.');
      for (const { scheme, privileges } of schemes) if (privileges?.standard) privilegedSchemes.add(scheme);
    },
    handle(scheme: string, handler: (request: Request) => Response | Promise<Response>) {
      if (!ready) throw new Error('protocol.handle ne peut être appelé qu’après ready, comme dans Electron.');
      if (!privilegedSchemes.has(scheme)) throw new Error(`Le double ne sert que des schémas standard déclarés privilégiés : ${scheme}.`);
      schemeHandlers.set(scheme, handler);
    },
  };
  const schemesServed = context.route(MAPPED, async (route) => {
    const url = toApp(route.request().url());
    const handler = schemeHandlers.get(url.split(':')[0]);
    if (!handler) return route.abort('failed');
    const response = await handler(new Request(url));
    await route.fulfill({ status: response.status, headers: Object.fromEntries(response.headers), body: Buffer.from(await response.arrayBuffer()) });
  });

  const electron = {
    app,
    protocol,
    BrowserWindow: Object.assign(BrowserWindowDouble, {
      fromWebContents: (contents: WebContents) => windows.find((window) => window.webContents === contents) ?? null,
    }),
    ipcMain: {
      handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) => handlers.set(channel, handler),
      removeHandler: (channel: string) => handlers.delete(channel),
    },
    dialog: {
      showOpenDialog: answer('showOpenDialog'),
      showSaveDialog: answer('showSaveDialog'),
      showMessageBox: answer('showMessageBox'),
      showErrorBox: (title: string, content: string) => calls.push({ name: 'showErrorBox', args: [title, content] }),
    },
    shell: {
      openPath: async (path: string) => (calls.push({ name: 'openPath', args: [path] }), ''),
      openExternal: async (url: string) => void calls.push({ name: 'openExternal', args: [url] }),
    },
    // A system notification: recorded (`calls`), never shown. Only what main uses is mapped:
    // any other option, method or event is refused, so that main cannot lean on it unseen.
    Notification: class NotificationDouble {
      static isSupported(): boolean {
        return true;
      }
      private readonly options: { title: string; body: string };
      constructor(options: { title: string; body: string }) {
        const unmapped = Object.keys(options).filter((key) => key !== 'title' && key !== 'body');
        if (unmapped.length > 0) throw new Error(`Le double de Notification ne reproduit que title et body, pas ${unmapped.join(', ')}.`);
        if (typeof options.title !== 'string' || typeof options.body !== 'string') throw new Error('Notification : title et body sont des textes.');
        this.options = { title: options.title, body: options.body };
      }
      show(): void {
        calls.push({ name: 'Notification.show', args: [this.options] });
      }
    },
    session: { defaultSession: electronSession },
    safeStorage: safeStorageDouble(() => ready, options.keychain ?? 'gnome_libsecret'),
  };

  return {
    electron,
    ready: Promise.all([exposed, routed, schemesServed]),
    calls,
    windows,
    /** The first window's page, once main has created it. */
    firstWindow: () =>
      windows[0]
        ? windows[0].ready.then((page) => ({ page, window: windows[0] }))
        : new Promise<{ page: Page; window: BrowserWindowDouble }>((resolve) =>
            pageOpened.push((window) => window.ready.then((page) => resolve({ page, window }))),
          ),
    queueDialogAnswer: (name: DialogName, value: unknown) => dialogAnswers.set(name, [...(dialogAnswers.get(name) ?? []), value]),
    permissionRequestHandler: () => permissionRequestHandler,
  };
}
