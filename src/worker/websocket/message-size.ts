/**
 * Whether a WebSocket message is bigger than `limit` bytes. Text is measured
 * in UTF-8 (what went over the wire), without encoding it when its length
 * alone decides: every UTF-16 unit is 1 to 3 UTF-8 bytes.
 *
 * @example
 * ```ts
 * if (isTooBig(message, 65_536)) connection.close(1009, 'Message too big');
 * ```
 */
export function isTooBig(message: string | ArrayBuffer | ArrayBufferView, limit: number): boolean {
  if (typeof message !== 'string') return message.byteLength > limit;
  if (message.length > limit) return true;
  if (message.length * 3 <= limit) return false;
  return new TextEncoder().encode(message).byteLength > limit;
}
