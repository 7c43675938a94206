import type { Context } from 'hono';
import { FORM_ACTION_PARAM } from '../../shared/forms/form-state.js';
import { submittedValues } from '../../shared/forms/submitted-values.js';
import { ServerError } from '../../shared/server-error.js';
import { validationIssues } from '../../shared/validation/issues.js';
import { scopeOf } from '../context/scope.js';
import type { AppEnv } from '../env.js';
import { redirectOf } from '../errors/redirect.js';
import type { BodyLimit } from '../rpc/read-args.js';
import { findServerFn, loadServerFn } from '../rpc/registry.js';
import { keepFormRecord } from './form-record.js';
import { readFormInput } from './read-form.js';

/** What a form post asks of the page it was posted to. */
export type FormOutcome = { kind: 'answer'; response: Response } | { kind: 'render'; status: number };

/**
 * Runs a form posted without JavaScript to a page (`POST <page>?lf-action=<id>`):
 * the form action named by the query is decoded from the form, validated and
 * run in this request (its session, cookies, bindings). Success: a 303 back to
 * the page (or to where it `redirect()`ed), so a reload never posts again.
 * Invalid input (400) or a `ServerError`: the page is to be rendered again
 * with that status, the values and issues kept for `formState()`. Any other
 * error is thrown (the error page). `undefined` when the post names no action.
 *
 * @example
 * ```ts
 * app.post(path, async (c, next) => {
 *   const outcome = await runFormPost(c, limit);
 *   if (outcome === undefined) return next();
 *   return outcome.kind === 'answer' ? outcome.response : renderAgain(c, outcome.status);
 * });
 * ```
 */
export async function runFormPost(c: Context<AppEnv>, limit: BodyLimit): Promise<FormOutcome | undefined> {
  const id = c.req.query(FORM_ACTION_PARAM);
  if (id === undefined) return undefined;
  const entry = await findServerFn(id);
  if (entry?.form !== true) throw new ServerError(404, 'No form action has this id.');
  const input = await readFormInput(c, limit);
  const fn = await loadServerFn(entry);
  if (typeof fn !== 'function') throw new Error(`${entry.name} is not a function in its module`);
  try {
    await fn(input);
  } catch (error) {
    const target = redirectOf(error);
    if (target !== undefined) return seeOther(target.location);
    const issues = validationIssues(error);
    const failed = error instanceof ServerError || (error instanceof Error && error.name === 'ServerError');
    if (issues === undefined && !failed) throw error;
    const values = submittedValues(await c.req.formData());
    if (issues !== undefined) {
      keepFormRecord(c, { id, values, issues });
      return { kind: 'render', status: 400 };
    }
    const { status, message } = error as ServerError;
    // As for a server function: a server error drops the request's session changes.
    if (status >= 500) scopeOf(c)?.fail();
    keepFormRecord(c, { id, values, issues: [], error: { status, message } });
    return { kind: 'render', status };
  }
  return seeOther(pageLocation(c.req.url));
}

function seeOther(location: string): FormOutcome {
  return { kind: 'answer', response: new Response(null, { status: 303, headers: { location, 'cache-control': 'no-store' } }) };
}

/** The page a form was posted to, without the action: a path (one leading slash: never `//host`) and its other query. */
function pageLocation(url: string): string {
  const target = new URL(url);
  target.searchParams.delete(FORM_ACTION_PARAM);
  return `/${target.pathname.replace(/^\/+/, '')}${target.search}`;
}
