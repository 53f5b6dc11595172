/** Persistent storage: asks the browser not to evict the database (navigator.storage.persist) and reports the state. */
class StorageState {
  supported = $state(false);
  persisted = $state<boolean | null>(null);
  usage = $state<number | null>(null);
  quota = $state<number | null>(null);

  async refresh(): Promise<void> {
    const s = typeof navigator !== 'undefined' ? navigator.storage : undefined;
    this.supported = !!s?.persist;
    if (!s) return;
    try {
      this.persisted = s.persisted ? await s.persisted() : null;
      const est = s.estimate ? await s.estimate() : undefined;
      this.usage = est?.usage ?? null;
      this.quota = est?.quota ?? null;
    } catch {
      /* ignore */
    }
  }

  async request(): Promise<boolean> {
    const s = typeof navigator !== 'undefined' ? navigator.storage : undefined;
    if (!s?.persist) return false;
    try {
      this.persisted = await s.persist();
    } catch {
      this.persisted = false;
    }
    await this.refresh();
    return !!this.persisted;
  }
}
export const storage = new StorageState();

let asked = false;
/** Called on the first save: request persistence once per session. */
export function ensurePersistence(): void {
  if (asked) return;
  asked = true;
  void storage.request();
}
