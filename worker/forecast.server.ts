import { ServerError } from 'litflare';
import { request } from 'litflare/worker';

/** A (made-up) forecast. */
export interface Forecast {
  city: string;
  summary: string;
  high: number;
  low: number;
  at: Date;
}

const CITIES: Record<string, [string, number, number]> = {
  Lisbon: ['Sunny with a light breeze', 24, 16],
  Oslo: ['Snow showers', -2, -8],
  Tokyo: ['Humid, afternoon storms', 31, 25],
  Nairobi: ['Warm and clear', 27, 14],
};

/** A slow data source: 300 ms, like a call to a far-away API. */
export async function forecast(city: string): Promise<Forecast> {
  await new Promise((resolve) => setTimeout(resolve, 300));
  const known = CITIES[city];
  if (known === undefined) throw new ServerError(404, `No forecast for ${city}.`, { city });
  const [summary, high, low] = known;
  return { city, summary, high, low, at: new Date() };
}

/** A fast data source: answers at once. */
export async function edgeInfo(): Promise<{ colo: string; country: string; rendered: Date }> {
  const cf = request().cf;
  return { colo: String(cf?.colo ?? 'local'), country: String(cf?.country ?? 'here'), rendered: new Date() };
}
