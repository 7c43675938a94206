/**
 * What a test's server function call rejects with when the function called
 * `redirect()`: the browser's proxy would navigate to {@link location}
 * instead (a streamed result throws it where the redirect was).
 *
 * @example
 * ```ts
 * const error = await call(signOut).catch((e: unknown) => e);
 * expect(error).toBeInstanceOf(Redirected);
 * expect((error as Redirected).location).toBe('/');
 * ```
 */
export class Redirected extends Error {
  override readonly name = 'Redirected';
  /** Where the server function sent the browser. */
  readonly location: string;

  constructor(location: string) {
    super(`The server function redirected to ${location}`);
    this.location = location;
  }
}
