// The work stack of a render (see TemplateRenderer): what is left to write,
// innermost last. Frames are plain objects tagged by a number, so the
// renderer's loop switches on `kind` without a closure per step.
import type { ElementHost } from './element-host.js';
import type * as op from './ops.js';

export const TEMPLATE = 0;
export const ITEMS = 1;
export const SHADOW_END = 2;
export const VALUE = 3;
export const LIT = 4;
export const HOLD = 5;

export interface TemplateFrame {
  readonly kind: typeof TEMPLATE;
  readonly ops: readonly op.Op[];
  readonly values: readonly unknown[];
  next: number;
  value: number;
}
export interface ItemsFrame {
  readonly kind: typeof ITEMS;
  readonly items: Iterator<unknown>;
}
export interface ShadowEndFrame {
  readonly kind: typeof SHADOW_END;
}
export interface ValueFrame {
  readonly kind: typeof VALUE;
  readonly value: unknown;
}
export interface LitFrame {
  readonly kind: typeof LIT;
  readonly results: Iterator<unknown>;
}
/** An element's shadow root that renders once `until` settles (its server data, in an in-order page). */
export interface HoldFrame {
  readonly kind: typeof HOLD;
  readonly until: Promise<void>;
  readonly host: ElementHost;
  waited: boolean;
}
export type Frame = TemplateFrame | ItemsFrame | ShadowEndFrame | ValueFrame | LitFrame | HoldFrame;

export const SHADOW_END_FRAME: ShadowEndFrame = { kind: SHADOW_END };
