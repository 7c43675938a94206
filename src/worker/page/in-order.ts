import type { Context } from 'hono';

/**
 * User agents of clients that run no script but read pages: search engines'
 * crawlers, link-preview bots (chat apps, social networks), archivers and AI
 * crawlers. They get every page complete, in order: each `ServerData`
 * element rendered in place with its data, and no swap script. Extend or
 * replace it with `createApp({ bots })`.
 *
 * @example
 * ```ts
 * createApp({ bots: new RegExp(`${defaultBots.source}|MyPreviewBot`, 'i') });
 * ```
 */
export const defaultBots: RegExp =
  /Googlebot|Google-InspectionTool|Storebot-Google|AdsBot-Google|Mediapartners-Google|FeedFetcher-Google|Chrome-Lighthouse|bingbot|BingPreview|Slurp|DuckDuckBot|Baiduspider|YandexBot|Sogou|Applebot|facebookexternalhit|facebookcatalog|meta-externalagent|Twitterbot|LinkedInBot|Slackbot|Discordbot|WhatsApp|TelegramBot|SkypeUriPreview|redditbot|Pinterestbot|vkShare|quora link preview|Embedly|bitlybot|Tumblr|ia_archiver|GPTBot|ChatGPT-User|OAI-SearchBot|ClaudeBot|Claude-User|PerplexityBot|Amazonbot|CCBot|Bytespider|Mastodon|Bluesky|Yeti/i;

/**
 * How a page sends its `ServerData` elements: `'out-of-order'` (the shell at
 * once with their pending state, each element's markup as its data arrives,
 * moved into place by a small inline script), or `'in-order'` (each element
 * rendered in place with its data, the page waiting there: complete HTML
 * for clients that run no script). By default a page streams out of order,
 * except to the user agents of `createApp({ bots })` and for a form posted
 * without JavaScript that is rendered again.
 *
 * @example
 * ```ts
 * app.page('/board', boardPage, { streaming: 'in-order' });
 * ```
 */
export type Streaming = 'in-order' | 'out-of-order';

/**
 * Whether this request gets the page in order: the page's own choice, else
 * whether the user agent is one of `bots`.
 *
 * @example
 * ```ts
 * const inOrder = rendersInOrder(c, options.streaming, appOptions.bots ?? defaultBots);
 * ```
 */
export function rendersInOrder(c: Context, streaming: Streaming | undefined, bots: RegExp): boolean {
  if (streaming !== undefined) return streaming === 'in-order';
  const agent = c.req.header('user-agent');
  bots.lastIndex = 0;
  return agent !== undefined && bots.test(agent);
}
