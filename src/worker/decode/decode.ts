import { unflatten } from 'devalue';
import { measureFlattened, type DecodeLimits, type Refusal } from './measure.js';

/**
 * Decodes devalue text a client sent (server function arguments, WebSocket
 * messages), refusing before anything is revived what would cost more than
 * its size: devalue's `parse` is `unflatten(JSON.parse(text))`, and the
 * flattened form in between is measured ({@link measureFlattened}). Returns
 * the value, or why it was refused; throws on text that is not devalue.
 *
 * @example
 * ```ts
 * const decoded = decodeWithin(text, { maxDepth: 64, maxSize: 65_536, sizeSetting: 'maxMessageSize' });
 * if ('refused' in decoded) return reply(describeRefusal(decoded.refused, 'The message', false));
 * ```
 */
export function decodeWithin(text: string, limits: DecodeLimits): { value: unknown } | { refused: Refusal } {
  const flattened: unknown = JSON.parse(text);
  const refused = measureFlattened(flattened, limits);
  if (refused !== undefined) return { refused };
  return { value: unflatten(flattened as number | unknown[]) };
}
