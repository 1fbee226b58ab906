// The context of one published incident for the "Log a contact" page (site/logForm/context.ts):
// its policy, zone, project manager and open commitments, read by the page when the incident
// is chosen. Built only when the page is on.
import type { GetStaticPaths } from 'astro';
import { archive, logFormContextText } from '../../../site/archive.ts';

export const getStaticPaths = (async () => (await archive()).incidents.map((i) => ({ params: { id: i.id } }))) satisfies GetStaticPaths;

export async function GET({ params }: { params: { id: string } }): Promise<Response> {
  return new Response(await logFormContextText(params.id), { headers: { 'content-type': 'application/json' } });
}
