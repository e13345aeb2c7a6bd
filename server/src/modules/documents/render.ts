import type { Executor } from '../../platform/db.js';
import { officialDocumentDocx } from './docx-render.js';
import { letterheadOf, type Loaded } from './documents.repository.js';
import { officialDocumentHtml } from './html-render.js';
import { letterheadHtml } from './letterhead.html.js';
import { withLetterhead } from './letterhead.js';
import type { OfficialDocument } from './official-document.js';

/** The .docx of a document, under its issuer's own letterhead when it uploaded one. */
export async function documentDocx(db: Executor, doc: OfficialDocument, issuer: Loaded<unknown>['issuer']) {
  const generated = await officialDocumentDocx(doc);
  const letterhead = await letterheadOf(db, issuer);
  return letterhead ? withLetterhead(generated, letterhead.content) : generated;
}

/** The printable page of a document, under the same letterhead as its .docx. */
export async function documentPage(db: Executor, doc: OfficialDocument, issuer: Loaded<unknown>['issuer']) {
  const letterhead = await letterheadOf(db, issuer);
  return officialDocumentHtml(doc, letterhead ? await letterheadHtml(letterhead.content) : undefined);
}

/** Content-Disposition for a download named in Chinese (RFC 6266: filename* in UTF-8). */
export const attachmentNamed = (name: string, ext: string): string =>
  `attachment; filename*=UTF-8''${encodeURIComponent(`${name}.${ext}`)}`;
