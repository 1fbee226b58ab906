// Links within the site honour the configured base path (GitHub Pages project sites).

const BASE = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;

/** `path` without a leading slash, e.g. `incidents/x/`, under the base. */
export function href(path = ''): string {
  return BASE + path.replace(/^\/+/, '');
}

export function incidentHref(id: string): string {
  return href(`incidents/${id}/`);
}

export function clientHref(slug: string): string {
  return href(`clients/${slug}/`);
}
