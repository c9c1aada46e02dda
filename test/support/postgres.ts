// Talking to the test PostgreSQL server itself: creating and dropping databases.
import pg from "pg";

/** The URL of `database` on the server of `serverUrl`. */
export function urlOf(serverUrl: string, database: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Runs `fn` on a connection of its own to the server, closed afterwards. */
export async function admin<T>(serverUrl: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}
