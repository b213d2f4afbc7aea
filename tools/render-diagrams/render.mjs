// Renders BPMN files to SVG and PNG with the bpmn-js viewer pinned in
// package-lock.json, driven through a locally installed Chromium.
//
// Usage: node render.mjs --out <dir> --chromium <path> <file.bpmn>...
// Normally invoked by render.sh, which collects the files and checks the
// prerequisites.
//
// For each <name>.bpmn this writes <out>/<name>.svg (bpmn-js saveSVG, with a
// margin added around the diagram) and <out>/<name>.png (that same SVG
// rasterised at DEVICE_SCALE_FACTOR). The PNG is made from the exported SVG,
// not from a screenshot of the interactive viewer, so both pictures show
// exactly the same thing.
//
// Exit status: 0 if every diagram rendered, 1 if any failed to import or
// render, 2 on usage errors.

import { readFile, writeFile, mkdtemp, rm, mkdir } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const MARGIN = 20; // diagram units around the diagram's bounding box
const DEVICE_SCALE_FACTOR = 1.5;

const here = dirname(fileURLToPath(import.meta.url));
const bpmnDist = join(here, 'node_modules', 'bpmn-js', 'dist');

function usage(message) {
  console.error(`render.mjs: ${message}`);
  console.error('usage: node render.mjs --out <dir> --chromium <path> <file.bpmn>...');
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { out: null, chromium: null, files: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--out') opts.out = argv[++i];
    else if (arg === '--chromium') opts.chromium = argv[++i];
    else if (arg.startsWith('--')) usage(`unknown option ${arg}`);
    else opts.files.push(arg);
  }
  if (!opts.out) usage('--out is required');
  if (!opts.chromium) usage('--chromium is required');
  if (opts.files.length === 0) usage('no BPMN files given');
  return opts;
}

// The viewer page: bpmn-js bundle and its CSS inlined from node_modules, so
// the page needs no network and no file:// access.
async function viewerHtml() {
  const [script, diagramCss, bpmnCss] = await Promise.all([
    readFile(join(bpmnDist, 'bpmn-navigated-viewer.production.min.js'), 'utf8'),
    readFile(join(bpmnDist, 'assets', 'diagram-js.css'), 'utf8'),
    readFile(join(bpmnDist, 'assets', 'bpmn-js.css'), 'utf8'),
  ]);
  // "</script" inside the bundle would end the inline script element early.
  const safeScript = script.replace(/<\/script/gi, '<\\/script');
  return `<!doctype html>
<html><head><meta charset="utf-8">
<style>${diagramCss}</style>
<style>${bpmnCss}</style>
<style>html, body { margin: 0; background: #fff; } #canvas { width: 1600px; height: 1000px; }</style>
</head><body><div id="canvas"></div>
<script>${safeScript}</script>
</body></html>`;
}

// Runs inside the page: import the XML, export the SVG and widen its
// viewBox by the margin. Returns errors instead of throwing so the caller
// can report them per file.
async function importAndExport({ xml, margin }) {
  if (window.viewer) window.viewer.destroy();
  const viewer = new window.BpmnJS({ container: '#canvas' });
  window.viewer = viewer;
  let warnings = [];
  try {
    const result = await viewer.importXML(xml);
    warnings = result.warnings || [];
  } catch (err) {
    let message = String((err && err.message) || err);
    if (/no diagram to display/i.test(message)) {
      message += ' (the file has no bpmndi:BPMNDiagram layout section; open and save it in Camunda Modeler to add one)';
    }
    return {
      error: message,
      warnings: ((err && err.warnings) || []).map((w) => String(w.message || w)),
    };
  }
  viewer.get('canvas').zoom('fit-viewport');
  const { svg } = await viewer.saveSVG();

  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const root = doc.documentElement;
  const [x, y, w, h] = root.getAttribute('viewBox').split(/[\s,]+/).map(Number);
  if (![x, y, w, h].every(Number.isFinite) || w <= 0 || h <= 0) {
    return { error: `empty diagram (viewBox ${root.getAttribute('viewBox')})`, warnings: [] };
  }
  const vx = Math.floor(x - margin);
  const vy = Math.floor(y - margin);
  const vw = Math.ceil(x + w + margin) - vx;
  const vh = Math.ceil(y + h + margin) - vy;
  root.setAttribute('viewBox', `${vx} ${vy} ${vw} ${vh}`);
  root.setAttribute('width', String(vw));
  root.setAttribute('height', String(vh));
  return {
    svg: new XMLSerializer().serializeToString(doc),
    width: vw,
    height: vh,
    warnings: warnings.map((w) => String(w.message || w)),
  };
}

// bpmn-js gives its arrow-head markers random ids; number them in document
// order instead so that re-rendering an unchanged diagram gives an
// identical SVG (and an empty git diff).
function stableIds(svg) {
  const ids = [...svg.matchAll(/\bid="(marker-[A-Za-z0-9_-]+)"/g)].map((m) => m[1]);
  let out = svg;
  ids.forEach((id, i) => {
    // the definition (id="…") and every reference (url('#…'))
    out = out.replace(new RegExp(`(["'#])${id}(?![A-Za-z0-9_-])`, 'g'), `$1marker-${i + 1}`);
  });
  return out;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const outDir = resolve(opts.out);
  await mkdir(outDir, { recursive: true });

  // Two diagrams with the same file name would overwrite each other's pictures.
  const byName = new Map();
  for (const file of opts.files) {
    const name = basename(file).replace(/\.bpmn$/i, '');
    if (byName.has(name)) {
      console.error(`render.mjs: ${file} and ${byName.get(name)} would both render to ${name}.svg`);
      process.exit(1);
    }
    byName.set(name, file);
  }

  const profile = await mkdtemp(join(tmpdir(), 'render-diagrams-chromium-'));
  // A fresh, throw-away profile (Playwright passes it as --user-data-dir).
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: opts.chromium,
      headless: true,
      deviceScaleFactor: DEVICE_SCALE_FACTOR,
      viewport: { width: 1600, height: 1000 },
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  } catch (err) {
    await rm(profile, { recursive: true, force: true });
    throw err;
  }

  let failures = 0;
  try {
    // Everything the pages need is inlined; refuse any request that escapes.
    await context.route('**/*', (route) => {
      console.error(`  blocked request: ${route.request().url()}`);
      return route.abort();
    });

    const viewerPage = await context.newPage();
    viewerPage.on('pageerror', (err) => console.error(`  page error: ${err.message}`));
    await viewerPage.setContent(await viewerHtml(), { waitUntil: 'load' });
    if (!(await viewerPage.evaluate(() => typeof window.BpmnJS === 'function'))) {
      throw new Error('bpmn-js bundle did not load (window.BpmnJS missing)');
    }
    const rasterPage = await context.newPage();

    for (const [name, file] of byName) {
      const xml = await readFile(file, 'utf8');
      const result = await viewerPage.evaluate(importAndExport, { xml, margin: MARGIN });
      for (const w of result.warnings) console.error(`  ${file}: import warning: ${w}`);
      if (result.error) {
        console.error(`  ${file}: FAILED: ${result.error}`);
        failures++;
        continue;
      }

      const svg = stableIds(result.svg);
      const svgPath = join(outDir, `${name}.svg`);
      const pngPath = join(outDir, `${name}.png`);
      await writeFile(svgPath, svg.endsWith('\n') ? svg : `${svg}\n`);

      await rasterPage.setViewportSize({ width: result.width, height: result.height });
      await rasterPage.setContent(
        `<!doctype html><html><head><meta charset="utf-8">` +
          `<style>html, body { margin: 0; background: #fff; } svg { display: block; }</style>` +
          `</head><body>${svg.slice(svg.indexOf('<svg'))}</body></html>`,
        { waitUntil: 'load' },
      );
      await rasterPage.screenshot({
        path: pngPath,
        clip: { x: 0, y: 0, width: result.width, height: result.height },
        omitBackground: false,
      });
      console.log(`  ${file} -> ${join(opts.out, name)}.{svg,png} (${result.width}x${result.height} @${DEVICE_SCALE_FACTOR}x)`);
    }
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }

  if (failures > 0) {
    console.error(`render.mjs: ${failures} diagram(s) failed to render`);
    process.exit(1);
  }
}

main().catch((err) => {
  console.error(`render.mjs: ${err && err.stack ? err.stack : err}`);
  process.exit(1);
});
