// Audits the public pages of a running host with Lighthouse (accessibility, best practices, SEO) and the Nu HTML
// checker, prints the scores, and exits non-zero when a page misses its target. Called by scripts/audit.sh.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import vnu from 'vnu-jar';

const targets = { accessibility: 100, 'best-practices': 100, seo: 95 };
const urls = process.argv.slice(2);
if (urls.length === 0) {
  console.error('usage: node audit.mjs URL...');
  process.exit(2);
}

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});

let failed = false;
try {
  for (const url of urls) {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: Object.keys(targets) });
    const { categories, audits } = result.lhr;
    const scores = Object.keys(targets).map((id) => [id, Math.round((categories[id]?.score ?? 0) * 100)]);
    const line = scores.map(([id, score]) => `${id} ${score}`).join(', ');
    const missed = scores.filter(([id, score]) => score < targets[id]);
    console.log(`${missed.length ? 'FAIL' : 'ok  '} ${url}: ${line}`);
    for (const [id] of missed) {
      for (const ref of categories[id].auditRefs.filter((r) => r.weight > 0)) {
        const audit = audits[ref.id];
        if (audit.score !== null && audit.score < 1) {
          const items = (audit.details?.items ?? []).slice(0, 3).map((i) => i.node?.snippet ?? i.source?.url ?? i.url ?? i.description ?? JSON.stringify(i).slice(0, 160));
          console.log(`       ${id}: ${audit.id} – ${audit.title}${items.length ? ': ' + items.join(' | ') : ''}`);
        }
      }
    }
    failed ||= missed.length > 0;
  }
} finally {
  await chrome.kill();
}

// The Nu HTML checker refuses to fetch loopback addresses itself: it checks the pages as fetched here, and every
// error counts, as does a page it could not read.
const folder = mkdtempSync(join(tmpdir(), 'sportello-audit-'));
const files = [];
for (const [i, url] of urls.entries()) {
  const file = join(folder, `page-${i}.html`);
  writeFileSync(file, await (await fetch(url)).text());
  files.push(file);
}

const checker = spawnSync('java', ['-jar', vnu, '--format', 'json', '--exit-zero-always', ...files], { encoding: 'utf8' });
rmSync(folder, { recursive: true, force: true });
if (checker.error) {
  console.error(`Nu HTML checker could not run: ${checker.error.message}`);
  process.exit(1);
}

const urlOf = (file) => urls[files.findIndex((f) => file.endsWith(f))] ?? file;
const messages = JSON.parse(checker.stderr || checker.stdout || '{"messages":[]}').messages.filter((m) => m.type !== 'info');
console.log(`Nu HTML checker: ${messages.length} errors in ${urls.length} pages`);
for (const m of messages.slice(0, 30)) {
  console.log(`       ${urlOf(m.url ?? '')} line ${m.lastLine}: ${m.message}`);
}

process.exit(failed || messages.length > 0 ? 1 : 0);
