// Before the first spec: without Electron's binary the specs need a Chromium; where there is
// none, one French sentence says what to install, instead of every spec failing on its own.
import { findChromium, NO_CHROMIUM } from './browser';
import { electronBinary } from './launch';

export default function globalSetup(): void {
  if (electronBinary() || findChromium()) return;
  console.error(`\n${NO_CHROMIUM}\n`);
  process.exit(1);
}
