/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// One config for the renderer build (vite build → dist/renderer) and for Vitest.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    // The code editor's chunk is large but loads only when first used; the initial bundle is measured by `npm run bench`.
    chunkSizeWarningLimit: 1200,
  },
  test: {
    root: '.',
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    // Core tests start real HTTP servers on 127.0.0.1; keep them well inside the 2 cores.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 30_000,
    environment: 'node',
  },
});
