// What the compliance figure counts, said once for every page that shows it. The rules come
// from the obligation schedule the figure is counted on, so the sentence follows it.
import { OBLIGATION_RULES } from '../core/obligations/schedule.ts';

export const COMPLIANCE_NOTE =
  'Compliance is the share of due obligations that were met, as commlog check judges them: ' +
  `every obligation of the rules ${OBLIGATION_RULES.join(', ')} — each acknowledgement, gap between updates, update window and week, ` +
  'promised next update, commitment, update that should name the next one or copy the project manager, and resolution notice. ' +
  'An obligation counts once it came due (met, or missed); rules the configuration turns off are left out.';
