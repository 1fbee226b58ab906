// What a team can change about the published site from its astro.config.mjs: `commlog({ … })`.
// Checked here once, when Astro starts, so that a typo fails the build with the key's name
// instead of rendering a broken page. Values end up in HTML and CSS, so colours are restricted
// to what a CSS colour can look like and links to http(s) or site paths.
import { z } from 'zod';

/** The custom properties of src/styles/site.css a team may set. */
export const COLOUR_NAMES = ['bg', 'surface', 'text', 'muted', 'border', 'accent', 'accent-soft', 'ok', 'ok-soft', 'warn', 'warn-soft', 'bad', 'bad-soft', 'inbound', 'outbound', 'internal'] as const;

const colour = z.string().regex(/^(#[0-9a-fA-F]{3,8}|[a-z]+|(rgb|rgba|hsl|hsla|oklch|oklab|lab|lch)\([0-9a-z.,%/\s-]+\))$/, 'a CSS colour: #1f5fa8, rebeccapurple, rgb(…), hsl(…) or oklch(…)');
const colours = z.partialRecord(z.enum(COLOUR_NAMES), colour);
/** An absolute http(s) URL, or a path within the site (resolved under its base). */
const link = z.string().regex(/^(https?:\/\/\S+|\/?[\w.~/-]*)$/, 'an http(s) URL or a path within the site such as logo.svg');

export const optionsSchema = z.strictObject({
  /** The site's name in the header, the page titles and the feed; default: `site.title` of commlog.config.yaml. */
  title: z.string().min(1).optional(),
  /** An image before the title: a file of the site's `public/` folder (`logo.svg`) or a URL. */
  logo: z.strictObject({ src: link, alt: z.string() }).optional(),
  /** Colours of the light theme (and of the dark one unless `darkColours` sets them). */
  colours: colours.optional(),
  darkColours: colours.optional(),
  /**
   * Publish one client's public incidents only (incident.md `client`, compared ignoring case):
   * no other client's incident, name or figure anywhere in the output. The environment's
   * COMMLOG_CLIENT (set by `commlog site build --client`) takes its place when set.
   */
  client: z.string().trim().min(1).optional(),
  /**
   * Who reads the site: `internal` (default) shows the checker's findings and rule ids, marked
   * internal; `public` words every obligation for the client and nothing else. A per-client
   * site is always public.
   */
  audience: z.enum(['internal', 'public']).optional(),
  /** A line of text and links added to the footer. */
  footer: z.strictObject({ text: z.string().optional(), links: z.array(z.strictObject({ label: z.string().min(1), href: link })).optional() }).optional(),
  /**
   * The "Log a contact" page (/log/), on when commlog.config.yaml sets `site.repository`:
   * `false` leaves it out; `branch` is where GitHub's new-file page starts (default main).
   */
  logForm: z.union([z.literal(false), z.strictObject({ branch: z.string().regex(/^[^\s~^:?*[\\]+$/, 'a git branch name such as main').optional() })]).optional(),
});

export type CommlogOptions = z.input<typeof optionsSchema>;
export type SiteOptions = z.output<typeof optionsSchema>;

/** The options, or an Error naming each bad key. */
export function parseOptions(options: unknown): SiteOptions {
  const result = optionsSchema.safeParse(options ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => {
    const at = i.path.join('.');
    if (i.code === 'unrecognized_keys') return i.keys.map((k) => `${at ? `${at}.` : ''}${k}: unknown option`).join('; ');
    return `${at || '(options)'}: ${i.message}`;
  });
  throw new Error(`commlog(): invalid options: ${problems.join('; ')} (options: ${Object.keys(optionsSchema.shape).join(', ')})`);
}

/**
 * The CSS that sets the chosen colours, or '' when none are chosen. `:root:root` outranks the
 * stylesheet's `:root` wherever Astro places the stylesheet's link.
 */
export function colourCss(options: SiteOptions): string {
  const declarations = (set: SiteOptions['colours']) =>
    Object.entries(set ?? {}).map(([name, value]) => `--${name}:${value}`).join(';');
  const light = declarations(options.colours);
  const dark = declarations({ ...options.colours, ...options.darkColours });
  return [light && `:root:root{${light}}`, dark && `@media (prefers-color-scheme: dark){:root:root{${dark}}}`].filter(Boolean).join('\n');
}
