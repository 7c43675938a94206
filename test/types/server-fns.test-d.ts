// Types end to end: what a component sees when it imports a server function
// (the browser proxy has exactly the module's declared type).
import { ServerError } from 'litflare';
import { serverFn } from 'litflare/worker';
import * as v from 'valibot';
import { describe, expectTypeOf, test } from 'vitest';
import { z } from 'zod';
import * as fns from '../worker/fixtures/rpc.server.js';

describe('server functions as callers see them', () => {
  test('a plain function keeps its parameters and its awaited result', () => {
    expectTypeOf(fns.add).parameters.toEqualTypeOf<[a: number, b: number]>();
    expectTypeOf(fns.add).returns.resolves.toEqualTypeOf<number>();
    expectTypeOf(fns.getItem).parameters.toEqualTypeOf<[id: number]>();
    expectTypeOf(fns.getItem).returns.resolves.toEqualTypeOf<{ id: number; name: string; at: Date }>();
  });

  test('a schema-validated function takes the schema’s input type', () => {
    expectTypeOf(fns.createUserZod).parameters.toEqualTypeOf<[input: { name: string; age: number }]>();
    expectTypeOf(fns.createUserValibot).parameters.toEqualTypeOf<[input: { name: string; age: number }]>();
    expectTypeOf(fns.createUserValibot).returns.resolves.toEqualTypeOf<string>();
  });

  test('the handler gets the schema’s output type, the caller passes its input type', () => {
    const parse = serverFn({ input: z.object({ n: z.string().transform(Number) }) }, async ({ n }) => {
      expectTypeOf(n).toEqualTypeOf<number>();
      return n * 2;
    });
    expectTypeOf(parse).parameters.toEqualTypeOf<[input: { n: string }]>();
    const withDefault = serverFn({ input: v.object({ page: v.optional(v.number(), 1) }) }, async ({ page }) => {
      expectTypeOf(page).toEqualTypeOf<number>();
      return page;
    });
    expectTypeOf(withDefault).parameters.toEqualTypeOf<[input: { page?: number | undefined }]>();
  });

  test('a streamed function keeps its iterable type', () => {
    expectTypeOf(fns.count).returns.toEqualTypeOf<AsyncGenerator<number, void, unknown>>();
    expectTypeOf(fns.letters).returns.resolves.toEqualTypeOf<ReadableStream<string>>();
    expectTypeOf(fns.pairs).returns.resolves.toEqualTypeOf<AsyncIterable<[string, number]>>();
  });

  test('wrong arguments do not compile', () => {
    // @ts-expect-error a string is not a number
    expectTypeOf(fns.add).toBeCallableWith('1', 2);
    // @ts-expect-error too many arguments
    expectTypeOf(fns.add).toBeCallableWith(1, 2, 3);
    // @ts-expect-error `age` is missing
    expectTypeOf(fns.createUserZod).toBeCallableWith({ name: 'Ada' });
    // @ts-expect-error `age` must be a number
    expectTypeOf(fns.createUserValibot).toBeCallableWith({ name: 'Ada', age: '36' });
    expectTypeOf(fns.createUserValibot).toBeCallableWith({ name: 'Ada', age: 36 });
  });

  test('ServerError carries typed data', () => {
    const error = new ServerError(409, 'taken', { field: 'title' });
    expectTypeOf(error.data).toEqualTypeOf<{ field: string } | undefined>();
    expectTypeOf(error.status).toEqualTypeOf<number>();
  });
});
