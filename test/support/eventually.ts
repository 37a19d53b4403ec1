/**
 * Asks until the answer is the expected one: a notification from another instance takes a few
 * milliseconds to arrive. `tries` × 20 ms bounds the wait (5 s by default).
 */
export async function eventually<T>(get: () => Promise<T>, expected: (value: T) => boolean, tries = 250): Promise<T> {
  let last = await get();
  for (let i = 0; i < tries && !expected(last); i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    last = await get();
  }
  return last;
}
