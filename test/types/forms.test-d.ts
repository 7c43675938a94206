// Form actions as a component sees them: the action's input and issue types.
import { FormController, formState, issuesFor, validationIssues, type FormAction, type ValidationIssue } from 'litflare';
import { serverFn } from 'litflare/worker';
import type { ReactiveControllerHost } from 'lit';
import * as v from 'valibot';
import { describe, expectTypeOf, test } from 'vitest';
import { saveNote } from '../worker/fixtures/forms.server.js';

declare const host: ReactiveControllerHost;

describe('form actions', () => {
  test('serverFn({ form: true }) is a FormAction: the schema’s input, the result, an action string', () => {
    expectTypeOf(saveNote.action).toEqualTypeOf<string>();
    expectTypeOf(saveNote).toMatchTypeOf<FormAction<{ title: string }, Promise<{ saved: string }>>>();
    expectTypeOf(saveNote).returns.resolves.toEqualTypeOf<{ saved: string }>();
    const bump = serverFn({ form: true, input: v.optional(v.object({})) }, async () => 1);
    bump(); // an optional input may be left out
    // @ts-expect-error a form action needs an input schema
    serverFn({ form: true }, async () => 1);
    // @ts-expect-error a form action is POST
    serverFn({ form: true, method: 'GET', input: v.object({}) }, async () => 1);
  });

  test('FormController and formState type the values, the field names and the result', () => {
    const form = new FormController(host, saveNote, {
      onSuccess: (result) => expectTypeOf(result).toEqualTypeOf<{ saved: string }>(),
    });
    expectTypeOf(form.values.title).toEqualTypeOf<string | undefined>();
    expectTypeOf(form.values.tags).toEqualTypeOf<string[] | undefined>();
    expectTypeOf(form.values.address).toEqualTypeOf<{ city?: string; zip?: string } | undefined>();
    expectTypeOf(form.issues).toEqualTypeOf<ValidationIssue[]>();
    form.issuesFor('title');
    form.issuesFor('address.city');
    // @ts-expect-error not a field of the action's input
    form.issuesFor('titel');
    expectTypeOf(formState(saveNote).values.priority).toEqualTypeOf<string | undefined>();
    expectTypeOf(formState(saveNote).error).toEqualTypeOf<{ status: number; message: string } | undefined>();
  });

  test('validationIssues and issuesFor', () => {
    expectTypeOf(validationIssues(new Error())).toEqualTypeOf<ValidationIssue[] | undefined>();
    expectTypeOf(issuesFor(undefined, 'title')).toEqualTypeOf<string[]>();
  });
});
