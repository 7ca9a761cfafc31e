// Shared lint rules: typescript-eslint's recommended set plus the habits we keep
// (no floating promises in servers would need type info; kept light so lint stays fast).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
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
);
