import { APPLICATION_STATUSES, FINAL_STATUSES, OPEN_STATUSES, isStatus } from './applicationStatuses';
import scenarioSchema from './scenario.schema.json';
import serviceSchema from './service.schema.json';

// The meta-schemas write the list again for editors that read only JSON: this keeps the copies equal to the constant.
describe('the application statuses', () => {
  test('a state of the step machine may take exactly the statuses of the constant', () => {
    expect(serviceSchema.$defs.state.properties.status.enum).toEqual([...APPLICATION_STATUSES]);
  });

  test('a scenario may expect exactly the statuses of the constant', () => {
    expect(scenarioSchema.properties.expect.properties.status.enum).toEqual([...APPLICATION_STATUSES]);
  });

  test('open and final statuses split the list, with no status in both or in neither', () => {
    expect([...OPEN_STATUSES, ...FINAL_STATUSES].sort()).toEqual([...APPLICATION_STATUSES].sort());
  });

  test.each([
    ['approved', true],
    ['in-progress', true],
    ['closed', false],
    ['Approved', false],
    [undefined, false],
  ])('isStatus(%p) is %p', (value, expected) => {
    expect(isStatus(value)).toBe(expected);
  });
});
