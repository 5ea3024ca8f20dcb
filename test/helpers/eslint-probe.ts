import { ESLint } from 'eslint';

/**
 * An ESLint for probe files that exist only as text (lintText at a path not on disk): the type-aware rules need
 * a file a tsconfig holds, so they are switched off here; every other rule of eslint.config.js applies as it is.
 */
export function probeEslint(cwd: string): ESLint {
  return new ESLint({
    cwd,
    overrideConfig: [
      {
        files: ['**/*.ts', '**/*.tsx'],
        languageOptions: { parserOptions: { projectService: false, project: null } },
        rules: { '@typescript-eslint/no-floating-promises': 'off', '@typescript-eslint/no-misused-promises': 'off' },
      },
    ],
  });
}
