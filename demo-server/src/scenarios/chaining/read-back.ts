const ATTEMPTS = 10;
const WAIT_MS = 100;

/**
 * Reads a value a worker has just reported done: its store may be written a moment after its event
 * (Dramatiq's Results middleware runs after the reporting one), so a few short tries.
 */
export async function readBack<T>(read: () => Promise<T | undefined>): Promise<T | undefined> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const value = await read();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, WAIT_MS));
  }
  return undefined;
}
