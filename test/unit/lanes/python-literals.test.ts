import { describe, expect, it } from 'vitest';
import { pythonJson, pythonNumber, pythonTupleRepr } from '../../../demo-server/src/lanes/python-literals.ts';

// Expected strings printed by CPython 3.11: repr(v), json.dumps(v), repr((v,)).
describe('Python literals', () => {
  it('writes numbers as repr() does, exponents included', () => {
    const cases: Array<[number, string]> = [
      [0, '0'],
      [1, '1'],
      [0.3, '0.3'],
      [0.1 + 0.2, '0.30000000000000004'],
      [1e-4, '0.0001'],
      [0.00012, '0.00012'],
      [1e-5, '1e-05'],
      [2.5e-7, '2.5e-07'],
      [123456.789, '123456.789'],
      [1.5e16, '1.5e+16'],
    ];
    for (const [value, python] of cases) expect(pythonNumber(value)).toBe(python);
  });

  it('writes JSON as json.dumps does: spaced separators, ASCII only', () => {
    expect(pythonJson(['é', '😀', '\x7f', 'a"b\n', { k: [1, null, true] }])).toBe(
      '["\\u00e9", "\\ud83d\\ude00", "\\u007f", "a\\"b\\n", {"k": [1, null, true]}]',
    );
  });

  it('writes compact JSON as json.dumps(separators=(",", ":")) does', () => {
    expect(pythonJson({ a: [1, 0.5, null], b: 'é' }, [',', ':'])).toBe('{"a":[1,0.5,null],"b":"\\u00e9"}');
  });

  it('writes tuples as repr() does', () => {
    expect([pythonTupleRepr([]), pythonTupleRepr([200]), pythonTupleRepr([1, 0.5])]).toEqual(['()', '(200,)', '(1, 0.5)']);
  });
});
