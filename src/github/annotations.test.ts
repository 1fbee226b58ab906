import { describe, expect, it } from 'vitest';
import { capAnnotations, type AnnotationLevel } from './annotations.ts';

function many(level: AnnotationLevel, count: number, prefix: string = level) {
  return Array.from({ length: count }, (_, i) => ({ level, id: `${prefix}-${i + 1}` }));
}

describe('capAnnotations', () => {
  it('keeps everything, with no notice, when each level is within 10', () => {
    const items = [...many('error', 10), ...many('warning', 10)];
    const capped = capAnnotations(items);
    expect(capped.shown).toEqual(items);
    expect(capped.cutTotal).toBe(0);
    expect(capped.cutNotice).toBeUndefined();
  });

  it('keeps the first 10 of a level in order and counts the rest as cut', () => {
    const items = [...many('warning', 3), ...many('error', 14), ...many('warning', 9, 'late')];
    const capped = capAnnotations(items);
    expect(capped.shown.filter((a) => a.level === 'error').map((a) => a.id)).toEqual(many('error', 10).map((a) => a.id));
    expect(capped.shown.filter((a) => a.level === 'warning')).toHaveLength(10);
    expect(capped.cut).toEqual({ error: 4, warning: 2, notice: 0 });
    expect(capped.cutTotal).toBe(6);
    expect(capped.cutNotice).toContain('4 errors, 2 warnings not shown as annotations (6 in all)');
    expect(capped.cutNotice).toContain('the job summary');
  });

  it('reserves a notice slot for the cut notice, so GitHub never drops it', () => {
    const capped = capAnnotations([...many('notice', 12), ...many('error', 11)], { fullListAt: 'the pull request comment' });
    expect(capped.shown.filter((a) => a.level === 'notice')).toHaveLength(9);
    expect(capped.cut).toEqual({ error: 1, warning: 0, notice: 3 });
    expect(capped.cutNotice).toMatch(/1 error, 3 notices not shown .* listed in the pull request comment\.$/);
  });

  it('stays within what is left of the 50 per job after earlier steps', () => {
    const capped = capAnnotations([...many('error', 10), ...many('warning', 10)], { alreadyInJob: 40 });
    // 10 slots are left; one goes to the cut notice.
    expect(capped.shown).toHaveLength(9);
    expect(capped.shown.every((a) => a.level === 'error')).toBe(true);
    expect(capped.cut).toEqual({ error: 1, warning: 10, notice: 0 });
  });

  it('applies other limits when given', () => {
    const capped = capAnnotations(many('warning', 5), { limits: { perLevelPerStep: 2, perJob: 50 } });
    expect(capped.shown.map((a) => a.id)).toEqual(['warning-1', 'warning-2']);
    expect(capped.cutNotice).toContain('at most 2 annotations of each kind per step');
  });
});
