import { describe, expect, it } from 'vitest';
import { parseConfig } from '../core/config/config.ts';
import { clientSiteEntry, clientSiteFolder, inClientSite, publishedSite } from './clientSite.ts';

const config = parseConfig(`site:
  title: Acme incidents
  base: /incident-log/
  url: https://acme.github.io
  repository: https://github.com/acme/incident-log
  clients:
    - Harbour Lane Retail
    - { name: Kestrel Housing Association, base: /kestrel/, url: https://incidents.kestrel.example, title: Incidents for Kestrel }
`);

describe('client sites', () => {
  it('reads site.clients as names or entries', () => {
    expect(config.site.clients).toEqual([{ name: 'Harbour Lane Retail' }, { name: 'Kestrel Housing Association', base: '/kestrel/', url: 'https://incidents.kestrel.example', title: 'Incidents for Kestrel' }]);
    expect(clientSiteEntry(config, '  kestrel   housing association')?.base).toBe('/kestrel/');
    expect(clientSiteFolder('Harbour Lane Retail')).toBe('harbour-lane-retail');
  });

  it("publishes under the client's entry, at / unless it says otherwise, never linking the team's repository", () => {
    expect(publishedSite(config, undefined)).toBe(config.site);
    expect(publishedSite(config, 'Kestrel Housing Association')).toEqual({ title: 'Incidents for Kestrel', base: '/kestrel/', url: 'https://incidents.kestrel.example', repository: undefined, clients: [] });
    expect(publishedSite(config, 'Harbour Lane Retail')).toEqual({ title: 'Acme incidents', base: '/', url: undefined, repository: undefined, clients: [] });
  });

  it('keeps the incidents of the client, named as policies match it, and only those', () => {
    expect(inClientSite(undefined, 'Anyone')).toBe(true);
    expect(inClientSite('Harbour Lane Retail', 'harbour  lane retail ')).toBe(true);
    expect(inClientSite('Harbour Lane Retail', 'Harbour Lane')).toBe(false);
  });

  it('refuses a site.clients entry without a name', () => {
    expect(() => parseConfig('site:\n  clients: [{ base: /x/ }]\n')).toThrow(/site\.clients/);
  });
});
