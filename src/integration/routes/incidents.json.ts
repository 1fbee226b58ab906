// Machine-readable export: published incidents with their published fields only (no people,
// no contact details, no internal incident or entry).
import { archive } from '../../site/archive.ts';
import { formatInstantIso } from '../../core/time/zone.ts';

export async function GET(): Promise<Response> {
  const a = await archive();
  const base = a.config.site.url ? new URL(import.meta.env.BASE_URL, a.config.site.url).href : undefined;
  const incidents = a.incidents.map((i) => ({
    id: i.id,
    title: i.title,
    client: i.client,
    category: i.category ?? null,
    opened_at: formatInstantIso(i.zone, i.openedAt),
    resolved_at: i.resolvedAt === undefined ? null : formatInstantIso(i.zone, i.resolvedAt),
    timezone: i.zone,
    // As in `commlog check --format json`: the priority in force (at Now, or at resolution).
    priority: i.priority,
    priority_at_opening: i.priorityAtOpening,
    severity: i.severity ?? null,
    status: i.status,
    tags: i.tags,
    related: i.related,
    time_to_acknowledge_minutes: i.timeToAcknowledge === undefined ? null : Math.round(i.timeToAcknowledge / 60_000),
    time_to_resolve_minutes: i.timeToResolve === undefined ? null : Math.round(i.timeToResolve / 60_000),
    obligations: { due: i.obligationsDue, met: i.obligationsMet },
    next_update_promises: { judged: i.promisesDue, broken: i.promisesBroken },
    feedback_ratings: i.ratings.map((r) => r.rating),
    prevention_actions: i.report ? { open: i.report.actions.filter((x) => !x.done).length, done: i.report.actions.filter((x) => x.done).length } : null,
    url: base ? `${base}incidents/${i.id}/` : `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}incidents/${i.id}/`,
  }));
  return new Response(JSON.stringify({ version: 1, generated_at: new Date(a.now).toISOString(), incidents }, null, 1), {
    headers: { 'content-type': 'application/json' },
  });
}
