import { describe, expect, it } from 'vitest';
import { timeToAcknowledge, timeToResolve } from './durations.ts';
import { entry, incident, t } from './testIncident.ts';

describe('timeToAcknowledge', () => {
  it('runs from opened_at to the first outbound entry, ignoring inbound and internal ones', () => {
    const i = incident({
      opened: '2026-11-02T09:00',
      entries: [
        entry('2026-11-02T09:00', { direction: 'inbound' }),
        entry('2026-11-02T09:05', { direction: 'internal' }),
        entry('2026-11-02T09:20'),
        entry('2026-11-02T10:00'),
      ],
    });
    expect(timeToAcknowledge(i)).toBe(20 * 60_000);
  });
  it('ignores outbound entries before opened_at and is undefined without an update', () => {
    expect(timeToAcknowledge(incident({ opened: '2026-11-02T09:00', entries: [entry('2026-11-02T08:00')] }))).toBeUndefined();
  });
});

describe('timeToResolve', () => {
  it('is resolved_at - opened_at, undefined while open', () => {
    expect(timeToResolve(incident({ opened: '2026-11-02T09:00', status: 'resolved', resolvedAt: t('2026-11-03T09:30') }))).toBe(24.5 * 3_600_000);
    expect(timeToResolve(incident({ opened: '2026-11-02T09:00' }))).toBeUndefined();
  });
});
