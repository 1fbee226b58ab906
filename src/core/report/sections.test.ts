import { describe, expect, it } from 'vitest';
import { DEFAULT_REQUIRED_HEADINGS, type RequiredHeading } from '../config/config.ts';
import { parseReport } from './reportDocument.ts';
import { preventionActions, reportSections, sectionWithRole } from './sections.ts';

const report = (body: string, bodyLine = 1) => parseReport({ file: 'incidents/x/report.md', body, bodyLine, frontmatter: {} });
const required = (...names: string[]): RequiredHeading[] => names.map((name) => ({ name, aliases: [] }));

describe('reportSections', () => {
  it('runs a section to the next heading of the same or a higher level; sub-headings belong to it', () => {
    const doc = report(['# Report', '## Impact', 'Shop down.', '### Customers', 'All of them.', '## Cause', 'A bug.', '# Appendix', 'Logs.'].join('\n'));
    const [impact, cause] = reportSections(doc, required('Impact', 'Cause'));
    expect(impact).toMatchObject({ heading: { text: 'Impact', line: 2 }, endLine: 5, content: 'Shop down.\nAll of them.', empty: false });
    expect(impact!.subheadings.map((h) => h.text)).toEqual(['Customers']);
    expect(cause).toMatchObject({ heading: { line: 6 }, endLine: 7, content: 'A bug.' });
  });

  it('takes the first matching heading when several match, and gives lines in the file', () => {
    const doc = report('## Root cause\n\nFirst.\n\n## Cause\n\nSecond.\n', 5);
    const [section] = reportSections(doc, [{ name: 'Suspected root cause', aliases: ['Root cause', 'Cause'] }]);
    expect(section).toMatchObject({ heading: { text: 'Root cause', line: 5 }, endLine: 8, content: '\nFirst.\n' });
  });

  it('leaves out the lines of a setext sub-heading, and the section runs to the end of the body', () => {
    const doc = report('Impact\n======\n\nSub\nheading\n---\n\ntext\n');
    const [section] = reportSections(doc, required('Impact'));
    expect(section).toMatchObject({ heading: { line: 1, endLine: 2 }, content: '\n\ntext\n' });
  });

  it('is undefined for a required heading that the report lacks', () => {
    expect(reportSections(report('# Report\n'), required('Impact'))).toEqual([undefined]);
  });

  it('finds the section of a role under the default headings and their aliases', () => {
    const sections = reportSections(report('## Timeline:\n\n09:05 call\n'), DEFAULT_REQUIRED_HEADINGS);
    expect(sectionWithRole(sections, 'timeline')?.heading.text).toBe('Timeline:');
    expect(sectionWithRole(sections, 'severity')).toBeUndefined();
  });
});

describe('preventionActions', () => {
  it('are the task items of the Mitigation section only', () => {
    const doc = report(['## Timeline', '- [x] 09:05 not an action', '## Action items', '- [ ] Add an alert', '### Later', '- [x] Fix the pool', '## Other', '- [ ] Not this one'].join('\n'), 4);
    expect(preventionActions(doc, reportSections(doc, DEFAULT_REQUIRED_HEADINGS))).toEqual([
      { line: 7, done: false, text: 'Add an alert' },
      { line: 9, done: true, text: 'Fix the pool' },
    ]);
  });

  it('are none without a Mitigation section', () => {
    const doc = report('- [ ] Add an alert\n');
    expect(preventionActions(doc, reportSections(doc, DEFAULT_REQUIRED_HEADINGS))).toEqual([]);
  });
});
