import { parsePreferences } from './preferences';
import { maskAddress } from './sender';

// The settings of PUT /me/notifications, case by case: what is kept (normalised) and where a mistake is located.
const CASES: Array<[string, unknown, { email: string | null; sms: string | null } | string[]]> = [
  ['both off', { email: null, sms: null }, { email: null, sms: null }],
  ['absent members are off', {}, { email: null, sms: null }],
  ['an address, trimmed', { email: ' aigul@example.kz ' }, { email: 'aigul@example.kz', sms: null }],
  ['a +7 number with spaces', { sms: '+7 701 234 56 78' }, { email: null, sms: '+77012345678' }],
  ['a +7 number with brackets and dashes', { sms: '+7 (701) 234-56-78' }, { email: null, sms: '+77012345678' }],
  ['a number starting 8', { sms: '87012345678' }, ['/sms']],
  ['a number too short', { sms: '+7701234567' }, ['/sms']],
  ['a number not a string', { sms: 77012345678 }, ['/sms']],
  ['an address without a domain', { email: 'aigul@' }, ['/email']],
  ['an address without a dot in the domain', { email: 'aigul@localhost' }, ['/email']],
  ['an address with a space', { email: 'ai gul@example.kz' }, ['/email']],
  ['both wrong', { email: 'x', sms: 'y' }, ['/email', '/sms']],
  ['an unknown member', { email: null, push: 'x' }, ['/push']],
  ['not an object', [], ['']],
];

test.each(CASES)('%s', (_name, body, expected) => {
  const { value, errors } = parsePreferences(body);
  if (Array.isArray(expected)) {
    expect(errors.map((e) => e.pointer)).toEqual(expected);
    for (const e of errors) expect(e.messages.kk && e.messages.ru && e.messages.en).toBeTruthy();
  } else {
    expect(errors).toEqual([]);
    expect(value).toEqual(expected);
  }
});

test.each([
  ['email', 'aigul.seitova@example.kz', 'ai***@example.kz'],
  ['email', 'a@example.kz', 'a***@example.kz'],
  ['sms', '+77012345678', '+7 *** *** 56 78'],
] as const)('%s %s is logged as %s', (channel, to, masked) => {
  expect(maskAddress(channel, to)).toBe(masked);
});
