import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateDocumentValidity } from '../../src/validation/index.js';
import { expectWellFormed, NOW, rules } from './fixtures.js';

const F = 'subject.principal.validTo';

describe('validateDocumentValidity', () => {
  it.each([
    ['a ten-year ID with years left', { validFrom: '2020-01-01', validTo: '2030-01-01', longTerm: false }],
    ['a long-term ID', { validFrom: '2001-05-20', longTerm: true }],
    ['a long-term ID without a start date', { longTerm: true }],
    ['a long-term ID with a stray end date (ignored)', { validFrom: '2001-05-20', validTo: '2020-01-01', longTerm: true }],
    ['an ID that started today', { validFrom: '2025-06-01', validTo: '2035-06-01', longTerm: false }],
    ['an end one day past the 3-month line', { validFrom: '2020-01-01', validTo: '2025-09-02', longTerm: false }],
    ['Date objects at UTC midnight', { validFrom: new Date('2020-01-01T00:00:00Z'), validTo: new Date('2030-01-01T00:00:00Z'), longTerm: false }],
    ['null dates on a long-term ID', { validFrom: null, validTo: null, longTerm: true }],
  ])('accepts %s', (_, input) => {
    expect(validateDocumentValidity({ ...input, now: NOW }, F)).toEqual([]);
  });

  it.each([
    ['an ID starting tomorrow', { validFrom: '2025-06-02', validTo: '2035-06-02', longTerm: false }, ['national/document-not-yet-valid']],
    ['no end date and not long-term', { validFrom: '2020-01-01', longTerm: false }, ['national/document-valid-to-required']],
    ['an end exactly 3 months away', { validFrom: '2020-01-01', validTo: '2025-09-01', longTerm: false }, ['national/document-expiring']],
    ['an end next month', { validFrom: '2020-01-01', validTo: '2025-07-01', longTerm: false }, ['national/document-expiring']],
    ['an expired ID', { validFrom: '2010-01-01', validTo: '2020-01-01', longTerm: false }, ['national/document-expiring']],
    [
      'an end before the start',
      { validFrom: '2025-05-01', validTo: '2024-12-31', longTerm: false },
      ['national/document-expiring', 'national/document-validity-order'],
    ],
    ['an unreadable start', { validFrom: '2020-02-30', validTo: '2030-01-01', longTerm: false }, ['national/document-date-invalid']],
    ['an invalid Date', { validFrom: new Date('nope'), validTo: '2030-01-01', longTerm: false }, ['national/document-date-invalid']],
  ])('refuses %s', (_, input, expected) => {
    const v = validateDocumentValidity({ ...input, now: NOW }, F);
    expect(rules(v)).toEqual(expected);
    expectWellFormed(v, F);
  });

  it('refuses a start equal to the end (with the expiry rule)', () => {
    const v = validateDocumentValidity({ validFrom: '2025-06-01', validTo: '2025-06-01', longTerm: false, now: NOW }, F);
    expect(rules(v)).toContain('national/document-validity-order');
  });

  it.each([
    ['2024-11-30', '2025-02-28', '2025-03-01'],
    ['2023-11-30', '2024-02-29', '2024-03-01'],
    ['2025-01-31', '2025-04-30', '2025-05-01'],
    ['2025-12-15', '2026-03-15', '2026-03-16'],
  ])('counts calendar months from %s: %s is too early, %s is enough', (today, tooEarly, enough) => {
    const now = new Date(`${today}T04:00:00Z`);
    expect(rules(validateDocumentValidity({ validTo: tooEarly, longTerm: false, now }, F))).toEqual(['national/document-expiring']);
    expect(validateDocumentValidity({ validTo: enough, longTerm: false, now }, F)).toEqual([]);
  });

  it('reads instants in Asia/Shanghai', () => {
    // 2025-06-01T17:00Z is already 2025-06-02 in Shanghai: a document starting on the 2nd has started.
    const lateEvening = new Date('2025-06-01T17:00:00Z');
    expect(validateDocumentValidity({ validFrom: '2025-06-02', validTo: '2035-06-02', longTerm: false, now: lateEvening }, F)).toEqual([]);
    expect(rules(validateDocumentValidity({ validFrom: '2025-06-02', validTo: '2035-06-02', longTerm: false, now: NOW }, F))).toEqual([
      'national/document-not-yet-valid',
    ]);
  });

  const arbDay = fc
    .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2060-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

  it('property: long-term documents that have started always pass', () => {
    fc.assert(
      fc.property(arbDay, (from) => {
        fc.pre(from <= '2025-06-01');
        return validateDocumentValidity({ validFrom: from, longTerm: true, now: NOW }, F).length === 0;
      }),
    );
  });

  it('property: an end date passes exactly when it lies after the 3-month line', () => {
    fc.assert(
      fc.property(arbDay, (to) => {
        const v = validateDocumentValidity({ validFrom: '2015-01-01', validTo: to, longTerm: false, now: NOW }, F);
        return (v.length === 0) === to > '2025-09-01';
      }),
    );
  });

  it('property: arbitrary strings as dates never throw', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.boolean(), (from, to, longTerm) => {
        expectWellFormed(validateDocumentValidity({ validFrom: from, validTo: to, longTerm, now: NOW }, F), F);
      }),
    );
  });
});
