// What a component writes for a ServerData controller's arguments: the array
// its callback returns is typed as the server function's parameter tuple, with
// no `as [string]` (README, "Streaming server data").
import { ServerData } from 'litflare';
import type { ReactiveControllerHost } from 'lit';
import { describe, expectTypeOf, test } from 'vitest';

declare const host: ReactiveControllerHost & object;
declare function listEntries(): Promise<{ name: string }[]>;
declare function forecast(city: string): Promise<{ high: number }>;
declare function search(query: string, page?: number): Promise<string[]>;
declare function total(...amounts: number[]): Promise<number>;
const city = 'Lisbon' as string;

describe('ServerData arguments', () => {
  test('`() => []` for a function without parameters', () => {
    const entries = new ServerData(host, listEntries, () => []);
    expectTypeOf(entries.value).toEqualTypeOf<{ name: string }[] | undefined>();
  });

  test('`() => [value]` for parameters, optional ones and a rest parameter', () => {
    expectTypeOf(new ServerData(host, forecast, () => [city]).value).toEqualTypeOf<{ high: number } | undefined>();
    new ServerData(host, search, () => [city]);
    new ServerData(host, search, () => [city, 2]);
    new ServerData(host, total, () => [1, 2, 3]);
    new ServerData(host, total, () => []);
  });

  test('wrong arguments do not compile', () => {
    // @ts-expect-error a number is not a string
    new ServerData(host, forecast, () => [1]);
    // @ts-expect-error one argument too many
    new ServerData(host, forecast, () => [city, city]);
    // @ts-expect-error the city is missing
    new ServerData(host, forecast, () => []);
    // @ts-expect-error listEntries takes no argument
    new ServerData(host, listEntries, () => [city]);
  });
});
