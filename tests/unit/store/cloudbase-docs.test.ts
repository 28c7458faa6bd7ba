import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { consoleIndexes } from '../../../server/store/cloudbase/keys';
import { COLLECTION_SPECS } from '../../../server/features';

// The console setup is done by hand from docs/cloudbase.md: a collection or index missing there is a
// production outage waiting to happen, so the page must list everything the schema declares.
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
