// The documentation site builds with no warnings: typedoc (warnings are errors, every export
// documented) and Storybook, published beside the API under docs/api/storybook; every story
// renders in Chromium without an error. Every guide has a title in its front matter (typedoc
// names a document by it; without one the sidebar shows the file's path).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkStories } from './stories.mjs';

export default async function ({ run }) {
  const results = [];
  const untitled = readdirSync('docs/guides').filter((f) => f.endsWith('.md'))
    .filter((f) => !/^---\n(?:.*\n)*?title: *\S.*\n(?:.*\n)*?---\n/.test(readFileSync(join('docs/guides', f), 'utf8')));
  for (const f of untitled) console.log(`docs/guides/${f} has no \`title:\` in its front matter`);
  results.push(['every guide has a title in its front matter', untitled.length === 0]);
  const t = run('node_modules/.bin/typedoc', []);
  results.push(['typedoc builds the API site with no warnings', t.status === 0 && existsSync('docs/api/index.html')]);
  const s = run('node_modules/.bin/storybook', ['build', '-o', 'docs/api/storybook', '--quiet', '--disable-telemetry'], {
    env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1', CI: 'true' },
  });
  const built = s.status === 0 && existsSync('docs/api/storybook/index.html');
  results.push(['Storybook builds', built]);
  if (built) {
    const { total, bad } = await checkStories(resolve('docs/api/storybook'));
    for (const b of bad) console.log(`story failed: ${b}`);
    results.push([`all ${total} stories render without errors`, total > 0 && bad.length === 0]);
  }
  return results;
}
