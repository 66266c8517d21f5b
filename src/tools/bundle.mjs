#!/usr/bin/env node
// Runs after `tsc` in `npm run build`: bundles the compiled server (dist/src/index.js) with the
// packages it imports into one file, dist/bot.mjs, which `npm start` runs.
//
// Why: botbuilder, botbuilder-dialogs, restify and the Azure packages are ~1,250 CommonJS files;
// Node 20 resolves, stats, reads and wraps each one, which took ~0.9 s of a ~1.9 s start-up (one
// file of the same code loads in ~0.4 s). Node 22's compile cache is not available on Node 20.
// The code is the same (not minified, names kept, each package's source marked by a comment), and
// dist/src/index.js still runs as before; the tests run the TypeScript sources.
//
// Plain JavaScript like fetchWebChat.mjs: a build step, no type checking needed.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

await build({
  entryPoints: [path.join(ROOT, 'dist', 'src', 'index.js')],
  outfile: path.join(ROOT, 'dist', 'bot.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // restify's logger loads the optional native dtrace-provider in a try/catch; left to Node
  external: ['dtrace-provider'],
  // the bundled CommonJS packages call require() for Node's own modules, which ES modules lack
  banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
  logLevel: 'warning',
});
