// GitHub shows at most 10 annotations of each kind per step and 50 per job, and silently drops
// the rest. `capAnnotations` decides which to emit and says how many were cut, so the renderer
// can tell the reader where the full list is (the job summary and the pull request comment).
import { plural } from '../core/present/plural.ts';

export type AnnotationLevel = 'error' | 'warning' | 'notice';

export const ANNOTATION_LEVELS: readonly AnnotationLevel[] = ['error', 'warning', 'notice'];

export interface AnnotationLimits {
  /** Annotations of one level a single step may show. */
  perLevelPerStep: number;
  /** Annotations a whole job may show. */
  perJob: number;
}

export const GITHUB_ANNOTATION_LIMITS: AnnotationLimits = { perLevelPerStep: 10, perJob: 50 };

export interface CappedAnnotations<T> {
  /** What to emit, in the order given. */
  shown: T[];
  /** How many of each level were left out. */
  cut: Record<AnnotationLevel, number>;
  cutTotal: number;
  /**
   * When anything was cut: the text of one `notice` annotation saying so (its slot is already
   * reserved within the limits). Absent when nothing was cut.
   */
  cutNotice?: string;
}

export interface CapOptions {
  limits?: AnnotationLimits;
  /** Annotations earlier steps of the same job already emitted. */
  alreadyInJob?: number;
  /** Where the reader finds every finding; ends the cut notice. */
  fullListAt?: string;
}

/**
 * Keeps annotations in the given order while each level stays within the per-step limit and
 * the whole within the job's remaining budget. When something must be cut, one notice slot
 * is kept free for the cut notice, so that the notice itself is never the one GitHub drops.
 */
export function capAnnotations<T extends { level: AnnotationLevel }>(items: readonly T[], options: CapOptions = {}): CappedAnnotations<T> {
  const limits = options.limits ?? GITHUB_ANNOTATION_LIMITS;
  const jobBudget = Math.max(0, limits.perJob - (options.alreadyInJob ?? 0));
  const firstTry = select(items, limits.perLevelPerStep, jobBudget, 0);
  if (firstTry.cutTotal === 0) return firstTry;
  if (jobBudget === 0) return firstTry;
  const capped = select(items, limits.perLevelPerStep, jobBudget - 1, 1);
  return { ...capped, cutNotice: cutNoticeText(capped.cut, limits, options.fullListAt) };
}

function select<T extends { level: AnnotationLevel }>(items: readonly T[], perLevel: number, jobBudget: number, reservedNotices: number): CappedAnnotations<T> {
  const used: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: reservedNotices };
  const cut: Record<AnnotationLevel, number> = { error: 0, warning: 0, notice: 0 };
  const shown: T[] = [];
  for (const item of items) {
    if (used[item.level] < perLevel && shown.length < jobBudget) {
      used[item.level] += 1;
      shown.push(item);
    } else {
      cut[item.level] += 1;
    }
  }
  return { shown, cut, cutTotal: cut.error + cut.warning + cut.notice };
}

function cutNoticeText(cut: Record<AnnotationLevel, number>, limits: AnnotationLimits, fullListAt = 'the job summary'): string {
  const parts = ANNOTATION_LEVELS.filter((level) => cut[level] > 0).map((level) => plural(cut[level], level));
  const total = cut.error + cut.warning + cut.notice;
  return (
    `${parts.join(', ')} not shown as annotations (${total} in all): GitHub shows at most ` +
    `${limits.perLevelPerStep} annotations of each kind per step and ${limits.perJob} per job. ` +
    `Every finding is listed in ${fullListAt}.`
  );
}
