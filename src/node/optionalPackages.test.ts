import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from './initFiles.ts';
import { missingPackages, missingPackagesText } from './optionalPackages.ts';

const empty = mkdtempSync(join(tmpdir(), 'commlog-packages-'));
afterAll(() => rmSync(empty, { recursive: true, force: true }));

describe('missing optional packages', () => {
  it('are every one a folder cannot resolve, in the order asked', () => {
    const wanted = ['mailparser', 'html-to-text', 'nodemailer'];
    expect(missingPackages(wanted, join(PACKAGE_ROOT, 'package.json'))).toEqual([]);
    expect(missingPackages(wanted, `${empty}/`)).toEqual(wanted);
  });

  it('counts a package present whose exports hide package.json', () => {
    // pagefind exports no ./package.json subpath: present all the same.
    expect(missingPackages(['pagefind', 'no-such-package-commlog'], join(PACKAGE_ROOT, 'package.json'))).toEqual(['no-such-package-commlog']);
  });

  it('are named all in one line with the one install command', () => {
    expect(missingPackagesText(['mailparser'], 'this installation does not have')).toBe('needs the package mailparser, which this installation does not have: run `npm install mailparser`');
    expect(missingPackagesText(['mailparser', 'html-to-text', 'nodemailer'], 'this installation does not have')).toBe(
      'needs the packages mailparser, html-to-text and nodemailer, which this installation does not have: run `npm install mailparser html-to-text nodemailer`',
    );
  });
});
