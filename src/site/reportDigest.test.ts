import { describe, expect, it } from 'vitest';
import { parseConfig } from '../core/config/config.ts';
import { parseReport } from '../core/report/reportDocument.ts';
import { reportDigest } from './reportDigest.ts';

const required = parseConfig(undefined).requiredHeadings;

function digest(body: string, frontmatter = {}) {
  return reportDigest(parseReport({ file: 'incidents/x/report.md', body, bodyLine: 1, frontmatter }), required, (s) => s.replace(/\S+@\S+/g, '[e-mail withheld]'));
}

describe('reportDigest', () => {
  it('takes prevention actions from the task list under the Mitigation heading only', () => {
    const d = digest(['# Report', '## Timeline', '- [ ] not an action', '## Exposure / impacts', '- 212 payments *rejected*.', '## Root cause', 'The **cache** expired.', '', '## Action items', '- [x] Add an alert', '- [ ] Write to ops@us.example', '## Notes', '- [ ] not one either'].join('\n'));
    expect(d.actions).toEqual([
      { text: 'Add an alert', done: true },
      { text: 'Write to [e-mail withheld]', done: false },
    ]);
    expect(d.rootCause).toBe('The cache expired.');
    expect(d.impact).toBe('212 payments rejected.');
  });

  it('reads the root-cause category from the frontmatter; nothing when sections are missing', () => {
    const d = digest('# Report\n\nNothing yet.', { root_cause_category: 'config' });
    expect(d).toEqual({ rootCauseCategory: 'config', rootCause: undefined, actions: [] });
  });
});
