#!/usr/bin/env node
// Entry point of the `commitments` command. Runs the compiled CLI; builds it
// first (swc, under a second) when dist/ is missing, e.g. right after install.
const { existsSync } = require('node:fs');
const { execSync } = require('node:child_process');
const { resolve } = require('node:path');

const root = resolve(__dirname, '..');
const main = resolve(root, 'dist/tools/cli/src/main.js');
if (!existsSync(main)) {
  execSync('npm run build --silent', { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}
require(main)
  .main(process.argv)
  .then((code) => (process.exitCode = code));
