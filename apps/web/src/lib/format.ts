export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(unit ? 1 : 0)} ${units[unit]}`;
}

export const STATUS_LABEL: Record<string, string> = {
  uploaded: 'Queued',
  importing: 'Importing',
  ready: 'Ready',
  failed: 'Failed',
};

/** Milliseconds as seconds with one decimal: "12.3 s". */
export const formatSeconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
