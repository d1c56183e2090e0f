import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'coverage/**',
      '.stack/**',
      '.cache/**',
      '*.config.js',
      '*.config.mjs',
      'scripts/*.js',
      'packages/*/bin/*.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { project: ['./tsconfig.test.json'], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    // The pure core has no I/O: sockets, clocks, env and loggers belong to the runtime package.
    files: ['packages/core/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['kafkajs', 'ioredis', 'prom-client', 'pino', 'fs', 'net', 'http', 'node:fs', 'node:net', 'node:http'],
          patterns: ['@riskstream/runtime', '@riskstream/testing'],
        },
      ],
      'no-restricted-globals': ['error', 'process'],
    },
  },
  {
    // Only the runtime package talks to Kafka, Redis, Prometheus and the logger.
    files: ['services/*/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['kafkajs', 'ioredis', 'prom-client', 'pino'] }],
    },
  },
);
