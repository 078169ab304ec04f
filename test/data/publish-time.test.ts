import { describe, expect, it } from 'vitest';
import { stockholmInstants, stockholmTimestamp } from '../../src/data/publish-time.js';

describe('stockholmInstants', () => {
  it.each([
    // Winter and summer time.
    ['2020-12-16', '08:00', ['2020-12-16T08:00:00+01:00']],
    ['2020-07-30', '08:00', ['2020-07-30T08:00:00+02:00']],
    ['2021-01-01', '00:00', ['2021-01-01T00:00:00+01:00']],
    ['2020-06-30', '23:59', ['2020-06-30T23:59:00+02:00']],
    // Summer time starts on 28 March 2021: 02:00 becomes 03:00, the hour between never happens.
    ['2021-03-28', '01:59', ['2021-03-28T01:59:00+01:00']],
    ['2021-03-28', '02:00', []],
    ['2021-03-28', '02:30', []],
    ['2021-03-28', '02:59', []],
    ['2021-03-28', '03:00', ['2021-03-28T03:00:00+02:00']],
    ['2021-03-28', '08:00', ['2021-03-28T08:00:00+02:00']],
    ['2020-03-29', '02:15', []],
    // Summer time ends on 31 October 2021: 03:00 becomes 02:00, the hour between happens twice.
    ['2021-10-31', '01:59', ['2021-10-31T01:59:00+02:00']],
    ['2021-10-31', '02:00', ['2021-10-31T02:00:00+02:00', '2021-10-31T02:00:00+01:00']],
    ['2021-10-31', '02:30', ['2021-10-31T02:30:00+02:00', '2021-10-31T02:30:00+01:00']],
    ['2021-10-31', '02:59', ['2021-10-31T02:59:00+02:00', '2021-10-31T02:59:00+01:00']],
    ['2021-10-31', '03:00', ['2021-10-31T03:00:00+01:00']],
    ['2021-10-31', '08:00', ['2021-10-31T08:00:00+01:00']],
    ['2020-10-25', '02:45', ['2020-10-25T02:45:00+02:00', '2020-10-25T02:45:00+01:00']],
    // The day before each change is an ordinary day.
    ['2021-03-27', '02:30', ['2021-03-27T02:30:00+01:00']],
    ['2021-10-30', '02:30', ['2021-10-30T02:30:00+02:00']],
  ])('%s %s → %j', (date, time, instants) => {
    expect(stockholmInstants(date, time)).toEqual(instants);
  });

  it('gives instants that are really that wall-clock time in Stockholm', () => {
    const clock = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Europe/Stockholm',
      hour: '2-digit',
      minute: '2-digit',
    });
    for (const instant of stockholmInstants('2021-10-31', '02:30')) {
      expect(clock.format(new Date(instant))).toBe('02:30');
    }
  });
});

describe('stockholmTimestamp', () => {
  it.each([
    ['2020-12-16', '08:00', '2020-12-16T08:00:00+01:00'],
    ['2020-07-30', '08:00', '2020-07-30T08:00:00+02:00'],
    // The doubled hour: always the first, summer time.
    ['2021-10-31', '02:30', '2021-10-31T02:30:00+02:00'],
  ])('%s %s → %s', (date, time, timestamp) => {
    expect(stockholmTimestamp(date, time)).toBe(timestamp);
  });

  it('refuses a time that does not exist, rather than moving it an hour', () => {
    expect(() => stockholmTimestamp('2021-03-28', '02:30')).toThrow(
      '2021-03-28 02:30 does not exist in Europe/Stockholm',
    );
  });
});
