// The archive page's filter and sort index (see src/site/archiveIndex.ts).
import { archive } from '../../site/archive.ts';
import { buildArchiveIndex } from '../../site/archiveIndex.ts';
import { localDate } from '../../site/format.ts';

export async function GET(): Promise<Response> {
  const index = buildArchiveIndex((await archive()).incidents, (i) => localDate(i.openedAt, i.zone));
  return new Response(JSON.stringify(index), { headers: { 'content-type': 'application/json' } });
}
