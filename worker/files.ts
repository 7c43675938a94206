import type { Context } from 'hono';
import { r2, type AppEnv } from 'litflare/worker';

/** `GET /files/:key`: streams a file from R2 as a download. */
export async function downloadFile(c: Context<AppEnv>): Promise<Response> {
  const key = c.req.param('key') ?? '';
  if (!/^[\w-]{1,64}$/.test(key)) return c.text('Not a file key.', 400);
  const object = await r2('UPLOADS').get(key);
  if (object === null) return c.text('No such file.', 404);
  const name = object.customMetadata?.name ?? key;
  return new Response(object.body, {
    headers: {
      'content-type': object.httpMetadata?.contentType ?? 'application/octet-stream',
      'content-length': String(object.size),
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
      etag: object.httpEtag,
    },
  });
}
