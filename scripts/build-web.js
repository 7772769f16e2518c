// Builds the dashboard's page into dist/web: one minified ES module bundle and
// one stylesheet, named by content hash (cached for good), and index.html
// pointing at them (revalidated on every load). Part of `npm run build`.
const esbuild = require('esbuild');
const { mkdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { basename, join } = require('node:path');

const root = join(__dirname, '..');
const web = join(root, 'services/dashboard/web');
const out = join(root, 'dist/web');

async function main() {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const result = await esbuild.build({
    entryPoints: { app: join(web, 'src/main.tsx') },
    bundle: true,
    format: 'esm',
    // The page's other languages are chunks of their own (dynamic imports in web/src/i18n).
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    charset: 'utf8', // Turkish and Russian words as they are, not as \u escapes
    minify: true,
    sourcemap: true,
    target: ['chrome110', 'firefox115', 'safari16'],
    jsx: 'automatic',
    jsxImportSource: 'preact',
    entryNames: '[name]-[hash]',
    outdir: out,
    metafile: true,
    logLevel: 'warning',
  });
  const entries = Object.entries(result.metafile.outputs).filter(([, o]) => o.entryPoint);
  const outputs = Object.keys(result.metafile.outputs).map((p) => basename(p));
  const js = entries.map(([p]) => basename(p)).find((f) => f.endsWith('.js'));
  const css = outputs.find((f) => f.endsWith('.css'));
  if (!js || !css) throw new Error(`expected a .js and a .css bundle, got ${outputs.join(', ')}`);
  const html = readFileSync(join(web, 'index.html'), 'utf8')
    .replace('{{js}}', js)
    .replace('{{css}}', css);
  writeFileSync(join(out, 'index.html'), html);
}

main().catch((err) => {
  console.error(err.message ?? err);
  process.exit(1);
});
