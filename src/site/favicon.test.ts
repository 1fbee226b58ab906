import { describe, expect, it } from 'vitest';
import { FAVICON_SVG, faviconIco } from './favicon.ts';

describe('favicon', () => {
  it('is a well-formed one-image 32 × 32 ICO: header, directory entry and bitmap sizes agree', () => {
    const ico = faviconIco();
    const view = new DataView(ico.buffer);
    expect([view.getUint16(0, true), view.getUint16(2, true), view.getUint16(4, true)]).toEqual([0, 1, 1]);
    expect([ico[6], ico[7], view.getUint16(12, true)]).toEqual([32, 32, 32]);
    expect(view.getUint32(14, true) + view.getUint32(18, true)).toBe(ico.length);
    expect([view.getUint32(22, true), view.getInt32(26, true), view.getInt32(30, true)]).toEqual([40, 32, 64]);
  });

  it('draws the lines in white on the accent colour, with clear corners', () => {
    const ico = faviconIco();
    // BGRA, bottom-up rows, after the 22-byte header and the 40-byte bitmap header.
    const at = (x: number, y: number) => [...ico.subarray(62 + ((31 - y) * 32 + x) * 4, 62 + ((31 - y) * 32 + x) * 4 + 4)];
    expect(at(0, 0)[3]).toBe(0);
    expect(at(16, 10)).toEqual([255, 255, 255, 255]);
    expect(at(16, 13)).toEqual([0xa8, 0x5f, 0x1f, 255]);
  });

  it('is the same picture as SVG', () => {
    expect(FAVICON_SVG).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 32 32">.*M8 10H24M8 16H24M8 22H18/);
  });
});
