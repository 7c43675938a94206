import { ServerError } from 'litflare';
import { request, serverFn } from 'litflare/worker';
import * as v from 'valibot';

/** A (made-up) forecast. */
export interface Forecast {
  city: string;
  summary: string;
  high: number;
  low: number;
  at: Date;
}

// A Map, not an object literal: a name like "constructor" or "__proto__" must find nothing.
const CITIES = new Map<string, [summary: string, high: number, low: number]>([
  ['Lisbon', ['Sunny with a light breeze', 24, 16]],
  ['Oslo', ['Snow showers', -2, -8]],
  ['Tokyo', ['Humid, afternoon storms', 31, 25]],
  ['Nairobi', ['Warm and clear', 27, 14]],
]);

/** A slow data source: 300 ms, like a call to a far-away API. An unknown city is a 404. */
export const forecast = serverFn(
  { input: v.pipe(v.string('A city is a name.'), v.trim(), v.minLength(1, 'Name a city.'), v.maxLength(60, 'City names are at most 60 characters.')) },
  async (city): Promise<Forecast> => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    const known = CITIES.get(city);
    if (known === undefined) throw new ServerError(404, `No forecast for ${city}.`, { city });
    const [summary, high, low] = known;
    return { city, summary, high, low, at: new Date() };
  },
);

/** A fast data source: answers at once. */
export async function edgeInfo(): Promise<{ colo: string; country: string; rendered: Date }> {
  const cf = request().cf;
  return { colo: String(cf?.colo ?? 'local'), country: String(cf?.country ?? 'here'), rendered: new Date() };
}
