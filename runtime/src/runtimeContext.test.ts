import { newTimeOrderedId } from './runtimeContext';

// Ids are UUIDs (the API's `format: uuid`) whose order is the order they were made in, so the store appends to its
// indexes instead of scattering each submission's writes.

test('ids are version-7 UUIDs, each made later sorting after the one before, none twice', async () => {
  const ids: string[] = [];
  for (let i = 0; i < 2000; i++) {
    ids.push(newTimeOrderedId());
    // Across milliseconds too, not only within one.
    if (i % 500 === 0) await new Promise((r) => setTimeout(r, 2));
  }
  for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect([...ids].sort()).toEqual(ids);
  expect(new Set(ids).size).toBe(ids.length);
});

test('the leading 48 bits are the creation time in milliseconds', () => {
  const before = Date.now();
  const id = newTimeOrderedId();
  const after = Date.now();
  const ms = parseInt(id.replace(/-/g, '').slice(0, 12), 16);
  expect(ms).toBeGreaterThanOrEqual(before);
  expect(ms).toBeLessThanOrEqual(after);
});
