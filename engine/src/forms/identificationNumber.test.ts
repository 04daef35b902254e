import { identificationCheckDigit, isValidBin, isValidIin, isValidIinOrBin } from './identificationNumber';

// The check digit by the published algorithm, written out independently of the implementation.
function reference(first11: string): number | null {
  const d = [...first11].map(Number);
  const s1 = d.reduce((s, x, i) => s + x * (i + 1), 0) % 11;
  if (s1 !== 10) return s1;
  const w2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];
  const s2 = d.reduce((s, x, i) => s + x * w2[i], 0) % 11;
  return s2 === 10 ? null : s2;
}

describe('identificationCheckDigit', () => {
  test.each([
    ['90010130001', 7],
    ['79102830272', 8], // published example 791028302728
    ['06121160001', 2], // published example 061211600012
    ['04034000001', 7],
    ['90010130081', 1], // first sum gives 10: second weights
    ['90010130080', null], // both sums give 10: never issued
  ])('%s → %p', (first11, digit) => {
    expect(identificationCheckDigit(first11)).toBe(digit);
  });

  test('agrees with the reference algorithm on a sweep of serial numbers', () => {
    for (let serial = 0; serial < 2000; serial += 7) {
      const first11 = `8507154${String(serial).padStart(4, '0')}`;
      expect(identificationCheckDigit(first11)).toBe(reference(first11));
    }
  });

  test('a single changed digit in positions 1–10 is detected; position 11 is not (its weight 11 ≡ 0 mod 11)', () => {
    const valid = '900101300017';
    expect(identificationCheckDigit('90010130002')).toBe(7); // 11th digit changed, same check digit
    for (let i = 0; i < 10; i++) {
      const d = (Number(valid[i]) + 1) % 10;
      const changed = valid.slice(0, i) + d + valid.slice(i + 1);
      expect(identificationCheckDigit(changed.slice(0, 11))).not.toBe(7);
    }
  });

  test('rejects input that is not 11 digits', () => {
    expect(() => identificationCheckDigit('9001013000')).toThrow(RangeError);
  });
});

describe('IIN and BIN structure', () => {
  test('IIN date of birth follows the century digit', () => {
    expect(isValidIin('000229500018')).toBe(true); // 2000-02-29
    expect(isValidIin('000229300015')).toBe(false); // 1900-02-29
  });
  test('an IIN is never a BIN and the other way round', () => {
    expect(isValidBin('900101300017')).toBe(false);
    expect(isValidIin('040340000017')).toBe(false);
    expect(isValidIinOrBin('900101300017') && isValidIinOrBin('040340000017')).toBe(true);
  });
});
