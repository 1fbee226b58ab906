import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/config.ts';
import { incidentFacts } from './facts.ts';
import { tallyObligations } from './obligations.ts';
import { entry, incident, t } from './testIncident.ts';

const config = parseConfig(undefined);

describe('tallyObligations', () => {
  it('rules.md example 1 (urgent): ack, two gap segments (the running one is not due yet), two judged promises; end-of-day not yet due', () => {
    const updates = ['09:10', '10:05', '13:20'].map((hm) => {
      const [h, m] = hm.split(':').map(Number);
      return entry(`2026-11-02T${hm}`, { nextUpdateBy: t(`2026-11-02T${String(h + 1).padStart(2, '0')}:${String(m).padStart(2, '0')}`) });
    });
    const i = incident({ opened: '2026-11-02T09:00', priority: 'urgent', entries: updates });
    const tally = tallyObligations({ incident: i, config, now: t('2026-11-02T13:30') });
    expect(tally.ack).toEqual({ due: 1, missed: 0 });
    expect(tally['max-gap']).toEqual({ due: 2, missed: 1 });
    expect(tally['next-update-late']).toEqual({ due: 2, missed: 1 });
    expect(tally.window).toEqual({ due: 0, missed: 0 });
    // Every update named its next one (3 met); none copied the PM (3 missed).
    expect(tally['next-update-missing']).toEqual({ due: 3, missed: 0 });
    expect(tally['cc-pm']).toEqual({ due: 3, missed: 3 });
    const facts = incidentFacts(i, config, t('2026-11-02T13:30'));
    expect([facts.obligationsDue, facts.obligationsMet]).toEqual([11, 6]);
    expect([facts.promisesDue, facts.promisesBroken]).toEqual([2, 1]);
  });

  it('rules.md example 3 (high): the three daily windows of Tuesday are due, one missed', () => {
    const i = incident({
      opened: '2026-11-03T08:30',
      priority: 'high',
      entries: [entry('2026-11-03T09:05'), entry('2026-11-03T12:30'), entry('2026-11-03T16:45')],
    });
    const tally = tallyObligations({ incident: i, config, now: t('2026-11-03T18:00') });
    expect(tally.window).toEqual({ due: 3, missed: 1 });
    expect(tally['max-gap'].due).toBe(0);
  });

  it('a window that ends before the acknowledgement deadline, after resolution or after Now is not due', () => {
    const i = incident({ opened: '2026-11-06T17:20', priority: 'medium', status: 'resolved', resolvedAt: t('2026-11-10T15:00'), entries: [entry('2026-11-09T09:15')] });
    // A is Mon 09:20. Fri 6: ends before A. Mon 9: due. Tue 10: resolved 15:00 before 16:30.
    const tally = tallyObligations({ incident: i, config, now: t('2026-11-12T12:00') });
    expect(tally.window.due).toBe(1);
  });

  it('weekly: one obligation per week whose Friday 17:30 deadline has passed', () => {
    const i = incident({ opened: '2026-11-02T10:00', priority: 'low', entries: [entry('2026-11-02T10:10')] });
    const tally = tallyObligations({ incident: i, config, now: t('2026-11-20T18:00') });
    expect(tally.weekly.due).toBe(3);
    const beforeThird = tallyObligations({ incident: i, config, now: t('2026-11-20T17:00') });
    expect(beforeThird.weekly.due).toBe(2);
  });

  it('commitments: ours are due once fulfilled or past due; the client\'s are counted under their own rule', () => {
    const made = entry('2026-11-02T10:00', {
      commitments: [
        { id: 'fix', action: 'deploy fix', owner: 'us', due: t('2026-11-02T12:00'), file: 'f', madeAt: t('2026-11-02T10:00') },
        { id: 'logs', action: 'send logs', owner: 'client', due: t('2026-11-02T11:00'), file: 'f', madeAt: t('2026-11-02T10:00') },
        { id: 'later', action: 'write report', owner: 'us', due: t('2026-11-09T12:00'), file: 'f', madeAt: t('2026-11-02T10:00') },
        { id: 'early', action: 'call back', owner: 'Sam', due: t('2026-11-09T12:00'), file: 'f', madeAt: t('2026-11-02T10:00') },
      ],
    });
    const i = incident({ opened: '2026-11-02T09:00', entries: [made, entry('2026-11-02T15:00', { done: ['early'] })] });
    const tally = tallyObligations({ incident: i, config, now: t('2026-11-03T09:00') });
    expect(tally['commitment-overdue']).toEqual({ due: 2, missed: 1 });
    expect(tally['client-commitment-overdue']).toEqual({ due: 1, missed: 1 });
  });

  it('no update and End before A: the acknowledgement is not due yet', () => {
    const i = incident({ opened: '2026-11-02T09:00' });
    const tally = tallyObligations({ incident: i, config, now: t('2026-11-02T09:10') });
    expect(tally.ack.due).toBe(0);
  });

  it('counts a missing next-update time: an update that never names one scores lower than one that names it and keeps it (issue 17)', () => {
    const silent = incident({ opened: '2026-11-02T09:00', priority: 'urgent', pm: { name: 'Pat' }, entries: [entry('2026-11-02T09:10'), entry('2026-11-02T10:05')] });
    const tally = tallyObligations({ incident: silent, config, now: t('2026-11-02T10:30') });
    expect(tally['next-update-missing']).toEqual({ due: 2, missed: 2 });
    const facts = incidentFacts(silent, config, t('2026-11-02T10:30'));
    // ack met, one gap segment met, two updates with no next-update time.
    expect([facts.obligationsDue, facts.obligationsMet]).toEqual([4, 2]);
  });

  it('leaves a rule the config turns off out of the figure', () => {
    const silent = incident({ opened: '2026-11-02T09:00', priority: 'urgent', pm: { name: 'Pat' }, entries: [entry('2026-11-02T09:10'), entry('2026-11-02T10:05')] });
    const off = parseConfig('rules:\n  next-update-missing: off\n');
    expect(tallyObligations({ incident: silent, config: off, now: t('2026-11-02T10:30') })['next-update-missing']).toEqual({ due: 0, missed: 0 });
    expect(incidentFacts(silent, off, t('2026-11-02T10:30')).obligationsDue).toBe(2);
  });
});
