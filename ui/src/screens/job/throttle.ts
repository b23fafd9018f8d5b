// At most one call per interval, the last request never lost: a job of 500 devices sends a
// burst of "job-changed" events as answers arrive, and each would otherwise re-read the job.

export interface Throttled {
  /** Runs now if the interval has passed, else once at the end of it (requests merge). */
  call(): void;
  cancel(): void;
}

export function throttle(fn: () => void, intervalMs: number): Throttled {
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;
  return {
    call() {
      if (timer !== null) return;
      const wait = last + intervalMs - Date.now();
      if (wait <= 0) {
        last = Date.now();
        fn();
        return;
      }
      timer = setTimeout(() => {
        timer = null;
        last = Date.now();
        fn();
      }, wait);
    },
    cancel() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
