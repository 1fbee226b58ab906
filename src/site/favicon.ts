// The site's icon, as SVG for browsers that take it and as /favicon.ico for those (and crawlers
// and audits) that ask for that file whatever the page says: a log of three lines on the accent
// colour. The ICO is drawn from the same shapes, 32 × 32 pixels, so no binary file is kept.

const ACCENT = [0x1f, 0x5f, 0xa8] as const;
const SIZE = 32;
const RADIUS = 7;
/** The three lines of the log: y centre, x from, x to (stroke 3, round caps). */
const LINES = [
  [10, 8, 24],
  [16, 8, 24],
  [22, 8, 18],
] as const;

export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${SIZE} ${SIZE}"><rect width="${SIZE}" height="${SIZE}" rx="${RADIUS}" fill="#1f5fa8"/><path d="${LINES.map(([y, x1, x2]) => `M${x1} ${y}H${x2}`).join('')}" stroke="#fff" stroke-width="3" stroke-linecap="round"/></svg>\n`;

/** Whether the pixel centre (x + ½, y + ½) lies in the rounded square, and in a line. */
function pixel(x: number, y: number): 'clear' | 'accent' | 'line' {
  const cx = x + 0.5;
  const cy = y + 0.5;
  const dx = Math.max(RADIUS - cx, cx - (SIZE - RADIUS), 0);
  const dy = Math.max(RADIUS - cy, cy - (SIZE - RADIUS), 0);
  if (dx * dx + dy * dy > RADIUS * RADIUS) return 'clear';
  for (const [ly, x1, x2] of LINES) {
    const nx = Math.min(Math.max(cx, x1), x2);
    if ((cx - nx) ** 2 + (cy - ly) ** 2 <= 1.5 ** 2) return 'line';
  }
  return 'accent';
}

/** A one-image ICO file: 32 × 32, 32-bit BGRA bitmap with its (unused) AND mask. */
export function faviconIco(): Uint8Array<ArrayBuffer> {
  const pixels = SIZE * SIZE * 4;
  const mask = SIZE * 4; // one bit a pixel, rows padded to 32 bits: 4 bytes × 32 rows
  const image = 40 + pixels + mask;
  const out = new Uint8Array(6 + 16 + image);
  const view = new DataView(out.buffer);
  view.setUint16(2, 1, true); // type: icon
  view.setUint16(4, 1, true); // one image
  out[6] = SIZE;
  out[7] = SIZE;
  view.setUint16(10, 1, true); // planes
  view.setUint16(12, 32, true); // bits per pixel
  view.setUint32(14, image, true);
  view.setUint32(18, 22, true); // offset of the image
  const h = 22;
  view.setUint32(h, 40, true); // BITMAPINFOHEADER
  view.setInt32(h + 4, SIZE, true);
  view.setInt32(h + 8, SIZE * 2, true); // XOR bitmap and AND mask
  view.setUint16(h + 12, 1, true);
  view.setUint16(h + 14, 32, true);
  view.setUint32(h + 20, pixels + mask, true);
  let p = h + 40;
  // Bottom-up rows.
  for (let y = SIZE - 1; y >= 0; y--) {
    for (let x = 0; x < SIZE; x++) {
      const kind = pixel(x, y);
      const [r, g, b] = kind === 'line' ? [255, 255, 255] : ACCENT;
      out.set([b, g, r, kind === 'clear' ? 0 : 255], p);
      p += 4;
    }
  }
  return out;
}
