/** The RPC contestant: gives its argument back. */
export async function echo(value: unknown): Promise<unknown> {
  return value;
}
