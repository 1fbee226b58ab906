// What the compliance figure counts, said once for every page that shows it. The internal
// archive names the rules (from the obligation schedule the figure is counted on, so the
// sentence follows it); a public site says the same in the reader's words, with no rule id or
// tool name (docs/decisions.md, "Audience of a site").
import { OBLIGATION_RULES } from '../core/obligations/schedule.ts';
import type { Audience } from './incidentView.ts';

const WHAT_COUNTS =
  'each acknowledgement, gap between updates, update window and week, promised next update, commitment, ' +
  'update that should name the next one or copy the project manager, and resolution notice';

export function complianceNote(audience: Audience): string {
  if (audience === 'public') {
    return `Compliance is the share of the communication we owe that was delivered on time: ${WHAT_COUNTS}. ` +
      'Each counts once it came due, delivered on time or not.';
  }
  return 'Compliance is the share of due obligations that were met, as commlog check judges them: ' +
    `every obligation of the rules ${OBLIGATION_RULES.join(', ')} — ${WHAT_COUNTS}. ` +
    'An obligation counts once it came due (met, or missed); rules the configuration turns off are left out.';
}
