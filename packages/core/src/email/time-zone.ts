const ZONES = new Set(Intl.supportedValuesOf('timeZone'));

/**
 * IANA zones this runtime knows. Intl.supportedValuesOf lists canonical names only (ICU says
 * Asia/Calcutta), while browsers may report an alias (Asia/Kolkata, UTC): those are accepted when
 * Intl can format in them.
 */
export function isValidTimeZone(zone: string): boolean {
  if (ZONES.has(zone)) return true;
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export interface LocalTime {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  hour: number;
  /** The local calendar date, YYYY-MM-DD. */
  date: string;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** The wall-clock time at `at` in `timeZone`. */
export function localTime(at: Date, timeZone: string): LocalTime {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return { weekday: WEEKDAYS[parts.weekday!]!, hour: Number(parts.hour), date: `${parts.year}-${parts.month}-${parts.day}` };
}
