/** Asks until the answer is the expected one: a notification from another instance takes a few milliseconds to arrive. */
export async function eventually<T>(get: () => Promise<T>, expected: (value: T) => boolean): Promise<T> {
  let last = await get();
  for (let i = 0; i < 250 && !expected(last); i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    last = await get();
  }
  return last;
}
