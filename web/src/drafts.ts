/**
 * Half-filled forms survive an expired session, a dropped connection or a closed tab: every change is
 * kept in localStorage under the form's key (one per person, cycle and form) until the server accepts it.
 */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const PREFIX = 'asn-kinerja:draft:';

export interface Draft<T> {
  value: T;
  savedAt: string;
}

export function draftKey(...parts: string[]): string {
  return PREFIX + parts.join(':');
}

export function saveDraft<T>(store: KeyValueStore, key: string, value: T, now = new Date()): Draft<T> {
  const d = { value, savedAt: now.toISOString() };
  try {
    store.setItem(key, JSON.stringify(d));
  } catch {
    // Storage full or refused (private mode): the form still works, only without the safety net.
  }
  return d;
}

export function loadDraft<T>(store: KeyValueStore, key: string): Draft<T> | undefined {
  try {
    const raw = store.getItem(key);
    if (!raw) return undefined;
    const d = JSON.parse(raw) as Draft<T>;
    return d && typeof d === 'object' && 'value' in d ? d : undefined;
  } catch {
    return undefined;
  }
}

export function clearDraft(store: KeyValueStore, key: string): void {
  try {
    store.removeItem(key);
  } catch {
    // nothing to do
  }
}
