import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist', 'test-results', 'playwright-report'] },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended, jsxA11y.flatConfigs.recommended],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { ecmaVersion: 2023, globals: { ...globals.browser, ...globals.node } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Dialog fields take focus on open on purpose (the native <dialog> focuses the autofocus element).
      'jsx-a11y/no-autofocus': 'off',
      // Scrollable table regions must be reachable by keyboard (axe: scrollable-region-focusable).
      'jsx-a11y/no-noninteractive-tabindex': ['error', { roles: ['region'] }],
      // Features never import each other; the app layer composes them (bulletproof-react).
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@/app/*', '@/app'], message: 'Shared code and features must not import the app layer.' }] },
      ],
    },
  },
  ...['auth', 'deliveries', 'orders', 'partners', 'tracking', 'users'].map((feature) => ({
    files: [`src/features/${feature}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/features/*', `!@/features/${feature}`, `!@/features/${feature}/*`],
              message: 'Features do not import each other; compose them in src/app.',
            },
            { group: ['@/app/*', '@/app'], message: 'Features must not import the app layer.' },
          ],
        },
      ],
    },
  })),
  {
    files: ['src/components/**/*.{ts,tsx}', 'src/lib/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@/features/*', '@/app/*', '@/app'], message: 'Shared code imports neither features nor the app layer.' }] },
      ],
    },
  },
  {
    // The testing helpers render the app's providers, like the app does.
    files: ['src/testing/**/*.{ts,tsx}', 'src/**/__tests__/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
