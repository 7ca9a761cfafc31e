// Shared lint rules: typescript-eslint's recommended set plus the habits we keep
// (no floating promises in servers would need type info; kept light so lint stays fast).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { boundaries } from './boundaries.js';

const shared = [
  { ignores: ['**/dist/**', '**/.next/**', '**/node_modules/**', '**/drizzle/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read env only in env.ts files, through a zod schema.' },
      ],
    },
  },
  {
    files: ['**/env.ts', '**/*.config.*', '**/scripts/**', '**/*.test.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
];

export default tseslint.config(...shared);

/**
 * The shared rules plus the import boundaries of one layer:
 * 'app' | 'package' | 'core' | 'e2e' (see boundaries.js).
 */
export function layer(name) {
  const rules = boundaries[name];
  if (!rules) throw new Error(`Unknown layer "${name}"; expected one of ${Object.keys(boundaries).join(', ')}.`);
  return tseslint.config(...shared, rules);
}
