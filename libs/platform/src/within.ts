/**
 * Wait for `work` at most `ms`; then stop waiting (the work itself goes on:
 * for a close that retries a host that is gone, which the process exit ends).
 * Resolves true when the work finished in time. A failure of the work is
 * reported to `onError`, never thrown: shutdown goes on regardless.
 */
export async function within(
  ms: number,
  work: Promise<unknown>,
  onError?: (err: unknown) => void,
): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((done) => {
    timer = setTimeout(() => done(false), ms);
  });
  try {
    return await Promise.race([
      work.then(
        () => true,
        (err: unknown) => (onError?.(err), true),
      ),
      late,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
