import * as assert from 'node:assert/strict';
import { designDocFileName, designDocsSegments, designTitleFrom, slugify, takenIn, uniqueFileName } from '../../../src/core/design/naming';

describe('design document naming', () => {
  it('derives the title from the first line of the /design prompt', () => {
    assert.equal(designTitleFrom('a booking system for clinics\n\n- Expected users: 40'), 'Booking system for clinics');
    assert.equal(designTitleFrom('Design the schema and API for a multi-tenant invoicing service.'), 'Schema and API for a multi-tenant invoicing service');
    assert.equal(designTitleFrom('@backend /design please design a URL shortener!'), 'URL shortener');
    assert.equal(designTitleFrom('   \n  '), 'Design session');
    const long = designTitleFrom(`a system ${'with many moving parts '.repeat(10)}`);
    assert.ok(long.length <= 81 && long.endsWith('…'), long);
  });

  it('slugifies titles', () => {
    assert.equal(slugify('Multi-tenant Invoicing (v2)!'), 'multi-tenant-invoicing-v2');
    assert.equal(slugify('Café façade API'), 'cafe-facade-api');
    assert.equal(slugify('日本語'), 'design');
    const slug = slugify('word '.repeat(40));
    assert.ok(slug.length <= 60 && !slug.endsWith('-'), slug);
  });

  it('prefixes the file name with the local date', () => {
    assert.equal(designDocFileName('Booking system', new Date(2026, 4, 4, 23, 59)), '2026-05-04-booking-system.md');
  });

  it('never reuses a taken name: adds -2, -3, … (case-insensitively)', async () => {
    const name = '2026-05-04-booking-system.md';
    assert.equal(await uniqueFileName(name, takenIn([])), name);
    assert.equal(await uniqueFileName(name, takenIn([name])), '2026-05-04-booking-system-2.md');
    assert.equal(await uniqueFileName(name, takenIn(['2026-05-04-Booking-System.md', '2026-05-04-booking-system-2.md'])), '2026-05-04-booking-system-3.md');
    assert.equal(await uniqueFileName(name, async (c) => c !== '2026-05-04-booking-system-4.md'), '2026-05-04-booking-system-4.md');
    await assert.rejects(uniqueFileName(name, () => true, 5), /No free file name/);
  });

  it('resolves the docs folder setting inside the workspace only', () => {
    assert.deepEqual(designDocsSegments(undefined).segments, ['docs', 'architecture']);
    assert.deepEqual(designDocsSegments('  ').segments, ['docs', 'architecture']);
    assert.deepEqual(designDocsSegments('./adr\\designs/').segments, ['adr', 'designs']);
    assert.match(designDocsSegments('/etc').problem ?? '', /relative to the workspace folder/);
    assert.match(designDocsSegments('C:\\docs').problem ?? '', /relative/);
    assert.match(designDocsSegments('~/notes').problem ?? '', /relative/);
    assert.match(designDocsSegments('docs/../../outside').problem ?? '', /inside the workspace/);
  });
});
