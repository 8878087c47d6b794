import { describe, expect, it, onTestFinished } from 'vitest';
import { createTestDatabase, testEngine } from '../../testing/test-database.ts';
import { indexDocument, removeDocument } from './search-index.ts';
import { searchDocuments } from './search.service.ts';
import { searchDocument } from './search.testing.ts';

async function database() {
  const handle = await createTestDatabase();
  onTestFinished(() => handle.dispose());
  return handle.db;
}

const ids = async (db: Awaited<ReturnType<typeof database>>, query: string) =>
  (await searchDocuments(db, { query, page: 1, pageSize: 50 })).items.map((i) => i.id);

describe(`the search index (${testEngine()})`, () => {
  it('replaces a document indexed again under its id: the old text is no longer found', async () => {
    const db = await database();
    const doc = searchDocument({ id: 'case-1', title: '村级党建' });
    await indexDocument(db, doc);
    await indexDocument(db, { ...doc, title: '社区治理' });
    expect(await ids(db, '党建')).toEqual([]);
    expect(await ids(db, '治理')).toEqual(['case-1']);
    expect(await db.selectFrom('search_documents').select(['id', 'title']).execute()).toEqual([{ id: 'case-1', title: '社区治理' }]);
    expect(await db.selectFrom('search_texts').select('doc_no').execute()).toHaveLength(1);
  });

  it('removes a document, its text and its tokens; removing it again does nothing', async () => {
    const db = await database();
    await indexDocument(db, searchDocument({ id: 'case-1', title: '村级党建' }));
    await indexDocument(db, searchDocument({ id: 'case-2', title: '党建引领' }));
    await removeDocument(db, 'case-1');
    await removeDocument(db, 'case-1');
    expect(await ids(db, '党建')).toEqual(['case-2']);
    expect(await ids(db, '村')).toEqual([]);
    expect(await db.selectFrom('search_texts').select('doc_no').execute()).toHaveLength(1);
  });

  it('writes in the caller’s transaction: a rollback leaves nothing indexed', async () => {
    const db = await database();
    await indexDocument(db, searchDocument({ id: 'case-1', title: '村级党建' }));
    await expect(db.transaction().execute(async (trx) => {
      await indexDocument(trx, searchDocument({ id: 'case-2', title: '党建引领' }));
      await removeDocument(trx, 'case-1');
      expect((await searchDocuments(trx, { query: '党建', page: 1, pageSize: 10 })).items.map((i) => i.id)).toEqual(['case-2']);
      throw new Error('publishing failed');
    })).rejects.toThrow('publishing failed');
    expect(await ids(db, '党建')).toEqual(['case-1']);
  });
});
