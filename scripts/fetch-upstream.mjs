#!/usr/bin/env node
// Finds the upstream data (Karpenter CRDs, chart values, ...) that the tests and the conformance check
// read, and prints the folder that holds `upstream/` on stdout. Lookup order:
//   1. GPUSLICING_SHARED_DIR (must contain upstream/),
//   2. ../shared beside the repository, when ../shared/upstream exists,
//   3. <repo>/.upstream-cache (git-ignored), filled on first use from
//      ${GPUSLICING_UPSTREAM_BASE:-https://raw.githubusercontent.com}/{repository}/{commit}/{path}
//      for every row of upstream/SOURCES.tsv, each file's sha256 checked.
// Exit 0 with the folder on stdout; exit 1 with one message on stderr. Safe to run concurrently:
// each file is written to a private temporary name and renamed into place only once its hash matches.
// Node 20+, no packages.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const defaultBase = 'https://raw.githubusercontent.com';
const timeoutMs = 60_000;
const offlineHint =
  'To work offline, set GPUSLICING_SHARED_DIR to a folder that holds upstream/ (laid out as in upstream/SOURCES.tsv), ' +
  'or GPUSLICING_UPSTREAM_BASE to a mirror that serves {repository}/{commit}/{path}; then run the command again.';

class Failure extends Error {}

function readSources() {
  const file = path.join(root, 'upstream', 'SOURCES.tsv');
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => {
      const [local, repository, commit, source, sha256] = line.split('\t');
      if (!sha256) throw new Failure(`fetch-upstream: malformed row in ${file}: ${line}`);
      return { local, repository, commit, source, sha256 };
    });
}

const sha256 = (bytes) => crypto.createHash('sha256').update(bytes).digest('hex');

function cachedIsValid(target, want) {
  return fs.existsSync(target) && sha256(fs.readFileSync(target)) === want;
}

async function download(row, base, target) {
  const url = `${base.replace(/\/+$/, '')}/${row.repository}/${row.commit}/${row.source}`;
  let bytes;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
    bytes = Buffer.from(await response.arrayBuffer());
  } catch (e) {
    const cause = e.cause?.code ?? e.cause?.message ?? (e.name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000} s` : e.message);
    throw new Failure(`fetch-upstream: cannot download upstream/${row.local} from ${url}: ${cause}. ${offlineHint}`);
  }
  const got = sha256(bytes);
  if (got !== row.sha256) {
    throw new Failure(
      `fetch-upstream: upstream/${row.local} from ${url} has sha256 ${got}, expected ${row.sha256} (upstream/SOURCES.tsv); nothing was written. ${offlineHint}`,
    );
  }
  // Private name, then rename: a concurrent reader never sees a half-written file.
  const temporary = `${target}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.part`;
  fs.writeFileSync(temporary, bytes);
  fs.renameSync(temporary, target);
}

async function fillCache(cache) {
  const base = process.env.GPUSLICING_UPSTREAM_BASE || defaultBase;
  const rows = readSources();
  const missing = rows.filter((row) => !cachedIsValid(path.join(cache, 'upstream', row.local), row.sha256));
  if (missing.length === 0) return;
  const results = await Promise.allSettled(
    missing.map(async (row) => {
      const target = path.join(cache, 'upstream', row.local);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      await download(row, base, target);
    }),
  );
  const failed = results.filter((r) => r.status === 'rejected');
  if (failed.length > 0) {
    const more = failed.length > 1 ? ` (${failed.length - 1} more file(s) failed the same way)` : '';
    const reason = failed[0].reason;
    if (reason instanceof Failure) throw new Failure(reason.message + more);
    throw reason;
  }
  process.stderr.write(`fetch-upstream: downloaded ${missing.length} upstream file(s) from ${base} into ${cache}\n`);
}

async function locate() {
  const explicit = process.env.GPUSLICING_SHARED_DIR;
  if (explicit) {
    const dir = path.resolve(explicit);
    if (!fs.existsSync(path.join(dir, 'upstream'))) {
      throw new Failure(`fetch-upstream: GPUSLICING_SHARED_DIR is ${dir}, but ${path.join(dir, 'upstream')} does not exist; point it at the folder that holds upstream/, or unset it to download the files.`);
    }
    return dir;
  }
  const beside = path.resolve(root, '..', 'shared');
  if (fs.existsSync(path.join(beside, 'upstream'))) return beside;
  const cache = path.join(root, '.upstream-cache');
  await fillCache(cache);
  return cache;
}

try {
  process.stdout.write(`${await locate()}\n`);
} catch (e) {
  process.stderr.write(`${e instanceof Failure ? e.message : `fetch-upstream: ${e.stack ?? e}`}\n`);
  process.exitCode = 1;
}
