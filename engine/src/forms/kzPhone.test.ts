import { isKzPhone, normalizeKzPhone } from './kzPhone';

describe('normalizeKzPhone', () => {
  test.each([
    ['8 (701) 123-45-67', '+77011234567'],
    ['+7 701 123 45 67', '+77011234567'],
    ['87172123456', '+77172123456'],
    ['7011234567', '+77011234567'],
    ['+7 (916) 123-45-67', null], // Russian mobile
    ['123', null],
  ])('%s → %p', (input, expected) => {
    expect(normalizeKzPhone(input)).toBe(expected);
    if (expected) expect(isKzPhone(expected)).toBe(true);
  });
});
