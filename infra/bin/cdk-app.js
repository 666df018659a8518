#!/usr/bin/env node
// The app command of cdk.json: starts the Java CDK app (dev.reelsmith.infra.ReelsmithApp) with the classpath
// Maven wrote to infra/target/cdk-app.argfile, so `npx cdk synth` costs one JVM start instead of a Maven run.
// Plain Node because the CDK CLI already needs it; no dependencies.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const BUILD = 'mvn -q -B -o -pl infra -am package -DskipTests';
const infra = path.resolve(__dirname, '..');
const argfile = path.join(infra, 'target', 'cdk-app.argfile');

if (!fs.existsSync(argfile)) {
  console.error(`The infra app is not built (${path.relative(process.cwd(), argfile)} is missing).\n`
    + `Build it, with the functions jar and the FFmpeg layer it deploys, from the repository root:\n  ${BUILD}`);
  process.exit(1);
}

function newest(dir) {
  let latest = 0;
  if (!fs.existsSync(dir)) return latest;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(file) : fs.statSync(file).mtimeMs);
  }
  return latest;
}
if (newest(path.join(infra, 'src', 'main')) > newest(path.join(infra, 'target', 'classes'))) {
  console.error(`warning: infra/src/main changed since infra was last built; this synth uses the old classes. `
    + `Rebuild with: ${BUILD}`);
}

const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
const run = spawnSync(java, [`@${argfile}`], { stdio: 'inherit' });
if (run.error) {
  console.error(`Could not start ${java}: ${run.error.message}. Install JDK 17+ or set JAVA_HOME.`);
  process.exit(1);
}
process.exit(run.status === null ? 1 : run.status);
