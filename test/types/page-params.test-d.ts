// A page route's params are typed from its path, as Hono's routes are: what the
// README's WebSocket guide writes (`c.req.param('room')` passed on as a string).
import { createApp, type PageHandler } from 'litflare/worker';
import { describe, expectTypeOf, test } from 'vitest';

const app = createApp();

describe('app.page() params', () => {
  test("a path's params are strings", () => {
    app.page('/chat/:room', (c) => {
      expectTypeOf(c.req.param('room')).toEqualTypeOf<string>();
      expectTypeOf(c.req.param()).toEqualTypeOf<{ room: string }>();
      return null;
    });
  });

  test('a handler written for any path still fits every route', () => {
    const anywhere: PageHandler = (c) => c.req.path;
    app.page('/print/:id', anywhere);
    const users: PageHandler<'/users/:id'> = (c) => c.req.param('id');
    app.page('/users/:id', users);
  });
});
