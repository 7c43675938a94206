import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    stressURL: string;
    stressPid: number;
    stressResults: string;
  }
}

/** One phase's figures, written for the report (RESULTS.md is made from them when the run ends). */
export interface Section {
  order: number;
  title: string;
  /** Markdown: what ran and what came out. */
  body: string;
  passed: boolean;
}

/** Keeps a phase's section for the report. */
export function report(name: string, section: Section): void {
  const folder = inject('stressResults');
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, `${name}.json`), JSON.stringify(section));
}

/** The sections kept so far, in order. */
export function sections(folder: string): Section[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((file) => file.endsWith('.json'))
    .map((file) => JSON.parse(readFileSync(join(folder, file), 'utf8')) as Section)
    .sort((a, b) => a.order - b.order);
}
