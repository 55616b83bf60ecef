import { describe, expect, it } from 'vitest';
import { isValidTimeZone, localTime } from './time-zone.js';

describe('time zones for the weekly summary', () => {
  it('accepts canonical zones, their aliases and UTC, and nothing else', () => {
    for (const zone of ['Europe/Paris', 'Asia/Kolkata', 'Asia/Calcutta', 'America/Argentina/Buenos_Aires', 'UTC']) expect(isValidTimeZone(zone), zone).toBe(true);
    for (const zone of ['Mars/Olympus_Mons', '', 'Europe/Paris; drop table', '../../etc/passwd']) expect(isValidTimeZone(zone), zone).toBe(false);
  });

  it('reads the wall clock in a zone, across the date line and daylight saving', () => {
    const at = new Date('2026-11-23T04:30:00Z'); // a Monday in UTC
    expect(localTime(at, 'UTC')).toEqual({ weekday: 1, hour: 4, date: '2026-11-23' });
    expect(localTime(at, 'Pacific/Kiritimati')).toEqual({ weekday: 1, hour: 18, date: '2026-11-23' }); // UTC+14
    expect(localTime(at, 'America/Los_Angeles')).toEqual({ weekday: 7, hour: 20, date: '2026-11-22' }); // PST, still Sunday
    expect(localTime(new Date('2026-07-06T17:00:00Z'), 'America/Los_Angeles')).toEqual({ weekday: 1, hour: 10, date: '2026-07-06' }); // PDT
  });
});
