import { api } from './trpc';

/** The signed-in organization's credit balance, for the header; refreshed after anything that spends. */
export const credits = $state<{ balance: number | null }>({ balance: null });

export async function refreshCredits() {
  try {
    credits.balance = (await api.credits.balance.query()).balance;
  } catch {
    credits.balance = null; // signed out, or the server is unreachable: the header just hides it
  }
}

/** The length of a local video file as the browser reads it; null when it cannot tell. */
export function videoDuration(file: File): Promise<number | null> {
  return new Promise((resolve) => {
    const video = document.createElement('video');
    const url = URL.createObjectURL(file);
    const done = (value: number | null) => {
      URL.revokeObjectURL(url);
      resolve(value);
    };
    video.preload = 'metadata';
    video.onloadedmetadata = () => done(Number.isFinite(video.duration) ? video.duration : null);
    video.onerror = () => done(null);
    setTimeout(() => done(null), 5000);
    video.src = url;
  });
}
