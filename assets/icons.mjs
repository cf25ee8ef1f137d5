// `npm run icons`: the app's icons for the installers, made from assets/icon.svg (the one
// source): dist/icons/icon.png (Linux), icon.ico (Windows), icon.icns (macOS).
import { Resvg } from '@resvg/resvg-js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import png2icons from 'png2icons';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(ROOT, 'dist/icons');
mkdirSync(out, { recursive: true });

const svg = readFileSync(join(ROOT, 'assets/icon.svg'));
const png = new Resvg(svg, { fitTo: { mode: 'width', value: 1024 } }).render().asPng();
writeFileSync(join(out, 'icon.png'), png);
const ico = png2icons.createICO(png, png2icons.BICUBIC2, 0, false, true);
const icns = png2icons.createICNS(png, png2icons.BICUBIC2, 0);
if (!ico || !icns) throw new Error("Les icônes n'ont pas pu être faites depuis assets/icon.svg.");
writeFileSync(join(out, 'icon.ico'), ico);
writeFileSync(join(out, 'icon.icns'), icns);
console.log(`Icônes écrites dans ${out} : icon.png, icon.ico, icon.icns`);
