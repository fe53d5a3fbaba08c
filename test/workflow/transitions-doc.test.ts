import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ORDER_STATUSES } from '../../src/domain/vocabulary.js';
import { ACTIONS } from '../../src/workflow/transitions.js';

const doc = readFileSync(new URL('../../docs/WORKFLOW.md', import.meta.url), 'utf8');

describe('docs/WORKFLOW.md', () => {
  it('lists every action of the state machine with its target statuses', () => {
    for (const [action, spec] of Object.entries(ACTIONS)) {
      const row = doc.split('\n').find((l) => l.startsWith(`| \`${action}\` |`));
      expect(row, `no row for ${action}`).toBeDefined();
      for (const to of spec.to) expect(row, `${action} → ${to}`).toContain(`\`${to}\``);
    }
  });

  it('describes every status', () => {
    for (const status of ORDER_STATUSES) expect(doc).toContain(`| \`${status}\` |`);
  });
});
