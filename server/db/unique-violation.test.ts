import { describe, expect, it, onTestFinished } from 'vitest';
import { createTestDatabase } from '../testing/test-database.ts';
import { isUniqueViolation } from './unique-violation.ts';

const stamp = '2024-01-01T00:00:00.000Z';

async function testDb() {
  const database = await createTestDatabase();
  onTestFinished(() => database.dispose());
  return database.db;
}

function user(id: string, email: string) {
  return { id, email, password_hash: null, display_name: 'U', email_verified_at: null, created_at: stamp, updated_at: stamp };
}

async function failureOf(work: Promise<unknown>): Promise<unknown> {
  try {
    await work;
  } catch (error) {
    return error;
  }
  throw new Error('the statement was expected to fail');
}

describe('isUniqueViolation', () => {
  it('recognises a duplicate unique column, narrowed by the column named', async () => {
    const db = await testDb();
    await db.insertInto('users').values(user('u1', 'same@example.cn')).execute();
    const error = await failureOf(db.insertInto('users').values(user('u2', 'same@example.cn')).execute());
    expect([isUniqueViolation(error), isUniqueViolation(error, 'email'), isUniqueViolation(error, 'EMAIL'), isUniqueViolation(error, 'token_hash')])
      .toEqual([true, true, true, false]);
  });

  it('recognises a duplicate primary key', async () => {
    const db = await testDb();
    await db.insertInto('users').values(user('u1', 'a@example.cn')).execute();
    const error = await failureOf(db.insertInto('users').values(user('u1', 'b@example.cn')).execute());
    expect([isUniqueViolation(error), isUniqueViolation(error, 'id'), isUniqueViolation(error, 'email')]).toEqual([true, true, false]);
  });

  it('recognises a partial unique index by its columns on both engines', async () => {
    const db = await testDb();
    const unit = (id: string) => ({
      id, name: 'Unit', name_key: 'unit', type: 'school', level: 'county' as const, division_code: '110101', superior_name: 'S',
      address: 'A', contact_name: 'C', contact_position: 'P', contact_phone: '1', contact_email: 'c@example.cn', created_at: stamp, updated_at: stamp,
    });
    await db.insertInto('organizations').values(unit('o1')).execute();
    const error = await failureOf(db.insertInto('organizations').values(unit('o2')).execute());
    expect([isUniqueViolation(error, 'name_key'), isUniqueViolation(error, 'email')]).toEqual([true, false]);
  });

  it('answers false for other failures and for values that are not errors', async () => {
    const db = await testDb();
    const notNull = await failureOf(db.insertInto('users').values({ ...user('u1', 'x@example.cn'), email: null as unknown as string }).execute());
    expect([isUniqueViolation(notNull), isUniqueViolation(new Error('UNIQUE constraint failed: users.email')), isUniqueViolation(null), isUniqueViolation('23505')])
      .toEqual([false, false, false, false]);
  });
});
