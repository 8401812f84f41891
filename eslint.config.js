import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'bench/.build/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off', // safe-text.ts and input checks match control characters on purpose
      eqeqeq: ['error', 'always'],
      'no-console': 'error', // the action logs through @actions/core only
    },
  },
  {
    // Scripts, demo and bench talk to the terminal.
    files: ['demo/**', 'bench/**', 'scripts/**', 'test-support/**'],
    rules: { 'no-console': 'off' },
  },
)
