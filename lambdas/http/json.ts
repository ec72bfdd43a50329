/** JSON text (or its UTF-8 bytes) as an unknown value for a zod schema to check, or undefined when it is not JSON. */
export function safeJson(text: string | Uint8Array): unknown {
  try {
    return JSON.parse(typeof text === 'string' ? text : Buffer.from(text).toString('utf8'));
  } catch {
    return undefined;
  }
}
