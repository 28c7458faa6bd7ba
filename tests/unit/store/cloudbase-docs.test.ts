import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { consoleIndexes } from '../../../server/store/cloudbase/keys';
import { COLLECTION_SPECS } from '../../../server/features';

// `npm run setup:cloud` creates the collections and indexes; docs/cloudbase.md is the by-hand fallback
// (and the reference when the script's permission step is refused), so it must list everything the
// schema declares: a collection or index missing there is an outage waiting to happen.
const doc = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'cloudbase.md'), 'utf8');

describe('docs/cloudbase.md', () => {
  it.each(Object.keys(COLLECTION_SPECS))('names the collection %s', (name) => {
    expect(doc).toContain(`\`${name}\``);
  });

  it.each(consoleIndexes(COLLECTION_SPECS).map((r) => [r.collection, r.name] as const))(
    'lists the index %s.%s',
    (collection, name) => {
      expect(doc).toMatch(new RegExp(`\\| ${collection} \\| ${name} \\|`));
    },
  );
});
