#!/usr/bin/env node
/**
 * Bundles the Electron main process and the preload with esbuild:
 *   electron/main/main.ts       → dist/electron/main.cjs     (package.json "main")
 *   electron/preload/preload.ts → dist/electron/preload.cjs
 *
 * Both are CommonJS. Main: a CJS entry runs synchronously, so the privileged scheme and the
 * `open-url` listener are registered before `ready` without the timing caveats of an ESM
 * main. Preload: a sandboxed preload must be a single CJS script that requires nothing but
 * `electron`. The ESM-only dependencies (openid-client, jose, oauth4webapi, conf,
 * electron-store, zod) are bundled in, so the packaged app needs no node_modules.
 *
 * Guards, so a wrong bundle fails here and not on a user's machine:
 *  - `import.meta` is an error (in a CJS bundle it would silently be empty). Top-level await
 *    is already an error for CJS. If the core ever needs either, emit ESM `main.mjs` for
 *    main instead (Electron ≥ 28 supports it) and update package.json "main".
 *  - The only imports left in the output must be `electron` (both) and Node built-ins
 *    (main only).
 */
import { builtinModules } from 'node:module';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join(root, 'dist', 'electron');
const nodeBuiltins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'cjs',
  external: ['electron'],
  sourcemap: true,
  metafile: true,
  logLevel: 'warning',
  logOverride: { 'empty-import-meta': 'error' },
  legalComments: 'eof',
};

const targets = [
  {
    name: 'main',
    options: {
      ...common,
      entryPoints: ['electron/main/main.ts'],
      outfile: path.join(outdir, 'main.cjs'),
      platform: 'node',
      target: 'node20',
    },
    allowed: (spec) => spec === 'electron' || nodeBuiltins.has(spec),
  },
  {
    name: 'preload',
    options: {
      ...common,
      entryPoints: ['electron/preload/preload.ts'],
      outfile: path.join(outdir, 'preload.cjs'),
      // A sandboxed preload is a browser-like context with a tiny `require` (electron only for us).
      platform: 'browser',
      target: 'chrome130',
      // createApi lives next to the zod schemas in shared/ipc/contract.ts, so zod comes along
      // (never called here); minify keeps the preload small until createApi gets a zod-free module.
      minify: true,
    },
    allowed: (spec) => spec === 'electron',
  },
];

function leftoverImports(metafile, allowed) {
  const bad = new Set();
  for (const output of Object.values(metafile.outputs)) {
    for (const imp of output.imports ?? []) {
      if (imp.external && !allowed(imp.path)) bad.add(imp.path);
    }
  }
  return [...bad];
}

async function main() {
  await rm(outdir, { recursive: true, force: true });
  for (const target of targets) {
    let result;
    try {
      result = await build(target.options);
    } catch (error) {
      console.error(`\nbuild-electron: the ${target.name} bundle failed.`);
      if (String(error?.message ?? error).match(/import\.meta|top-level await/i)) {
        console.error(
          'A bundled module uses import.meta or top-level await, which a CommonJS bundle cannot carry. ' +
            'Remove it from that module, or switch main to ESM (format "esm", outfile main.mjs, package.json "main": "dist/electron/main.mjs").',
        );
      }
      process.exitCode = 1;
      return;
    }
    const bad = leftoverImports(result.metafile, target.allowed);
    if (bad.length > 0) {
      console.error(`build-electron: the ${target.name} bundle still imports ${bad.join(', ')} at run time; only electron${target.name === 'main' ? ' and Node built-ins are' : ' is'} allowed.`);
      process.exitCode = 1;
      return;
    }
    const out = path.relative(root, target.options.outfile);
    const bytes = Object.entries(result.metafile.outputs).find(([file]) => file.endsWith('.cjs'))?.[1].bytes ?? 0;
    console.log(`build-electron: ${out} (${(bytes / 1024).toFixed(0)} KiB)`);
  }
}

await main();
