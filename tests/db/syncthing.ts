// A real Syncthing pair on loopback, as a Département's IT would run one for the shared
// folder: two instances, each holding its own copy of the folder, listening on 127.0.0.1
// only, with discovery, relays, NAT traversal, usage and crash reports and upgrades off.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const hasSyncthing = () => spawnSync('syncthing', ['--version']).status === 0;

/** A free TCP port on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

interface Instance {
  home: string;
  folder: string;
  id: string;
  port: number;
  process?: ChildProcess;
}

/** Edits the config Syncthing generated: loopback only, nothing that reaches outside, the shared folder. */
function configure(instance: Instance, peer: Instance, guiPort: number): void {
  const file = join(instance.home, 'config.xml');
  let config = readFileSync(file, 'utf8');
  const set = (tag: string, value: string | number) => {
    const pattern = new RegExp(`<${tag}>[^<]*</${tag}>`);
    if (!pattern.test(config)) throw new Error(`Option Syncthing absente : ${tag}`);
    config = config.replace(pattern, `<${tag}>${value}</${tag}>`);
  };
  set('listenAddress', `tcp://127.0.0.1:${instance.port}`);
  for (const tag of [
    'globalAnnounceEnabled',
    'localAnnounceEnabled',
    'relaysEnabled',
    'natEnabled',
    'startBrowser',
    'crashReportingEnabled',
    'announceLANAddresses',
  ]) {
    set(tag, 'false');
  }
  set('urAccepted', -1);
  set('autoUpgradeIntervalH', 0);
  set('stunKeepaliveStartS', 0);
  set('reconnectionIntervalS', 1);
  config = config.replace(/<address>127\.0\.0\.1:8384<\/address>/, `<address>127.0.0.1:${guiPort}</address>`);
  const device = (of: Instance, name: string) =>
    `<device id="${of.id}" name="${name}" compression="metadata" introducer="false" skipIntroductionRemovals="false" introducedBy=""><address>tcp://127.0.0.1:${of.port}</address><paused>false</paused><autoAcceptFolders>false</autoAcceptFolders></device>`;
  const folder = `<folder id="entente" label="Entente" path="${instance.folder}" type="sendreceive" rescanIntervalS="2" fsWatcherEnabled="true" fsWatcherDelayS="1" ignorePerms="false" autoNormalize="true"><filesystemType>basic</filesystemType><device id="${instance.id}" introducedBy=""></device><device id="${peer.id}" introducedBy=""></device><minDiskFree unit="%">0</minDiskFree><markerName>.stfolder</markerName><maxConflicts>10</maxConflicts></folder>`;
  config = config.replace(/<gui /, `${folder}\n${device(peer, 'pair')}\n<gui `);
  writeFileSync(file, config);
}

/** Two Syncthing instances sharing one folder, each with its own copy; `stop` ends both. */
export async function syncthingPair(root: string): Promise<{ folders: [string, string]; stop: () => Promise<void> }> {
  const instances: Instance[] = [];
  for (const name of ['a', 'b']) {
    const home = join(root, `syncthing-${name}`);
    const folder = join(root, `dossier-partage-${name}`);
    mkdirSync(folder, { recursive: true });
    const generated = spawnSync('syncthing', ['generate', `--home=${home}`, '--no-default-folder'], { encoding: 'utf8' });
    const id = /Device ID: (\S+)/.exec(`${generated.stdout}${generated.stderr}`)?.[1];
    if (!id) throw new Error(`Syncthing n'a pas créé son identité : ${generated.stderr}`);
    instances.push({ home, folder, id, port: await freePort() });
  }
  const [a, b] = instances;
  configure(a, b, await freePort());
  configure(b, a, await freePort());
  for (const instance of instances) {
    instance.process = spawn(
      'syncthing',
      ['serve', `--home=${instance.home}`, '--no-browser', '--no-restart', '--no-upgrade', `--logfile=${join(instance.home, 'syncthing.log')}`],
      {
        env: { ...process.env, STNODEFAULTFOLDER: '1', STNOUPGRADE: '1' },
        stdio: 'ignore',
      },
    );
  }
  const stop = async () => {
    await Promise.all(
      instances.map(
        (instance) =>
          new Promise<void>((done) => {
            if (!instance.process || instance.process.exitCode !== null) return done();
            instance.process.once('exit', () => done());
            instance.process.kill('SIGTERM');
          }),
      ),
    );
  };
  return { folders: [a.folder, b.folder], stop };
}
