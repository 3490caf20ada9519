// Lint holds the layer boundaries of DESIGN.md, so they don't depend on memory.
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const noElectron = {
  paths: [
    { name: 'electron', message: 'Only electron/main and electron/preload may import electron.' },
    { name: 'electron-store', message: 'Only electron/main may import electron-store (use the StoreFactory port).' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'coverage/**', 'test-results/**', 'playwright-report/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...noElectron,
          patterns: [
            { group: ['node:*'], message: 'shared/ runs in the renderer too: no Node built-ins.' },
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ depends on nothing else in the app.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/web/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { ...noElectron, patterns: [{ group: ['**/electron/main/**', '**/renderer/**'], message: 'The core does not reach up into main or the renderer.' }] },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          ...noElectron,
          patterns: [
            { group: ['node:*'], message: 'The renderer is sandboxed: no Node built-ins.' },
            { group: ['**/electron/**'], allowTypeImports: true, message: 'The renderer may import types only from electron/**; talk to the core through window.api.' },
          ],
        },
      ],
    },
  },
);
