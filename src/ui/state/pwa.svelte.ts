/** Service-worker registration (vite-plugin-pwa, registerType 'prompt'): the new version waits until the user accepts. */
class PwaState {
  needRefresh = $state(false);
  offlineReady = $state(false);
  private updateSW: ((reload?: boolean) => Promise<void>) | null = null;

  async start(): Promise<void> {
    if (import.meta.env.DEV || !('serviceWorker' in navigator)) return;
    try {
      const { registerSW } = await import('virtual:pwa-register');
      this.updateSW = registerSW({
        immediate: true,
        onNeedRefresh: () => {
          this.needRefresh = true;
        },
        onOfflineReady: () => {
          this.offlineReady = true;
        },
      });
    } catch {
      /* no service worker (e.g. file://): the app still runs online */
    }
  }

  update(): void {
    void this.updateSW?.(true);
  }
}
export const pwa = new PwaState();
