// The client's own words in a reply: the text of an e-mail without the history it quotes and
// without its signature. Mail clients mark history in many ways ("> " lines, "On … wrote:"
// split over lines, Outlook's "From: … Sent: …" block in the sender's language, separators,
// Gmail's "2026-11-19 9:12 GMT+01:00 Name <addr>:"); hard wrapping breaks some of those marks.
// What a generic parser does not have, the log does: a reply quotes messages that are already
// entries of the incident, so text found in an earlier entry is history too.
//
// Two shapes of history: top-posted history (a header, a separator or an attribution followed
// by unmarked text) runs to the end of the mail; `>`-quoted history is only the quoted lines, and
// what the client wrote after them (inline or bottom-posted answers) is kept.

/** A line the HTML adapter puts where a mail client's quote container begins (Outlook's divRplyFwdMsg…): everything from it on is history. */
export const HISTORY_MARK = '\u2063--- quoted history ---\u2063';

/** "wrote:" in the languages mail clients write attributions in. */
const WROTE = [
  'wrote', 'writes', 'a écrit', 'schrieb', 'escribió', 'ha scritto', 'schreef', 'het volgende geschreven', 'geschreven', 'skrev', 'skrifaði',
  'kirjoitti', 'napisał', 'napisała', 'napisał\\(a\\)', 'pisze', 'escreveu', 'написал', 'написала', 'napsal', 'napsala', 'írta', 'yazdı', 'έγραψε',
].map((w) => w.replace(/ /g, '\\s+'));
const ATTRIBUTION = new RegExp(`(?:(?:^|[\\s>,)\\]])(?:${WROTE.join('|')})|写道|寫道|さんは書きました|님이\\s*작성)\\s*[:：]\\s*$`, 'iu');

/**
 * Header names of a quoted message, by language. A block of them is history when it names the
 * sender and a date or subject: "From: 10:00 / To: 12:00" in a client's text is not.
 */
const FROM_KEYS = ['from', 'von', 'de', 'fra', 'från', 'van', 'da', 'od', 'от', 'lähettäjä', 'feladó', 'gönderen', '发件人', '寄件者', '差出人', 'afzender', 'remitente'];
const DATE_OR_SUBJECT_KEYS = [
  'sent', 'date', 'subject', 'gesendet', 'datum', 'betreff', 'envoyé', 'date d\'envoi', 'objet', 'message du', 'sendt', 'emne', 'skickat', 'ämne', 'verzonden',
  'onderwerp', 'inviato', 'data', 'oggetto', 'enviado', 'fecha', 'asunto', 'assunto', 'wysłano', 'temat', 'отправлено', 'дата', 'тема', 'lähetetty', 'aihe',
  '发送时间', '日期', '主题', '傳送時間', '主旨', '送信日時', '件名',
];
const RECIPIENT_KEYS = ['to', 'cc', 'reply-to', 'an', 'à', 'til', 'till', 'aan', 'a', 'para', 'do', 'кому', 'копия', 'vastaanottaja', '收件人', '抄送', '收件者', '宛先', 'kopie', 'kopia'];
const headerLine = (keys: readonly string[]) => new RegExp(`^\\s*[*_]{0,2}\\s*(?:${keys.map((k) => k.replace(/ /g, '\\s+')).join('|')})\\s*[*_]{0,2}\\s*[:：]\\s*[*_]{0,2}(?:\\s|$)`, 'iu');
const FROM_HEADER = headerLine(FROM_KEYS);
const DATE_OR_SUBJECT_HEADER = headerLine(DATE_OR_SUBJECT_KEYS);
const ANY_HEADER = headerLine([...FROM_KEYS, ...DATE_OR_SUBJECT_KEYS, ...RECIPIENT_KEYS]);

const SEPARATOR = new RegExp(
  '^\\s*[-_=*]{2,}\\s*(?:original message|reply message|forwarded message|ursprüngliche nachricht|weitergeleitete nachricht|message d\'origine|message transféré|' +
    'oprindelig meddelelse|opprinnelig melding|ursprungligt meddelande|vidarebefordrat meddelande|mensaje original|messaggio originale|oorspronkelijk bericht|' +
    'doorgestuurd bericht|alkuperäinen viesti|исходное сообщение|пересылаемое сообщение|původní zpráva|wiadomość oryginalna|原始邮件|原始郵件|mensagem original|eredeti üzenet)' +
    '\\s*[-_=*]{2,}\\s*$',
  'iu',
);
/** Outlook's rule above the header block, on its own line. */
const RULE = /^\s*(?:_{8,}|-{8,})\s*$/;
/** Gmail's "2026-11-19 9:12 GMT+01:00 Amira Haddad <amira@…>:" and other date-then-sender lines. */
const DATED_SENDER = /\d{1,2}[:.]\d{2}.*(?:<\s*[^<>\s]+@[^<>\s]+\s*>|[^<>\s]+@[^<>\s]+)\s*[:：]\s*$/u;

/** Mobile and webmail signatures added under the text: only these exact forms, so "Sent from the warehouse at 09:00, …" is the client's. */
const DEVICE_SIGNATURE =
  /^\s*(?:Sent from my [\w .-]{2,40}|Sent from (?:Outlook|Mail|Yahoo Mail|Gmail|AOL Mail|Proton Mail)(?: for [\w ]{2,20})?|Get Outlook for [\w ]{2,20}|Sent with Proton Mail[\w ]{0,40}|Envoyé de mon [\w .-]{2,40}|Envoyé depuis [\w .-]{2,40}|Von meinem [\w .-]{2,40} gesendet|Gesendet von [\w .-]{2,40}|Enviado desde mi [\w .-]{2,40}|Inviato da [\w .-]{2,40}|Verzonden vanaf mijn [\w .-]{2,40}|Verstuurd vanaf mijn [\w .-]{2,40}|Skickat från min [\w .-]{2,40}|Sendt fra min [\w .-]{2,40}|Отправлено с [\w .-]{2,40}|发自我的[\w .-]{2,40})\s*$/iu;

/** The signature delimiter of RFC 3676 ("-- "), also without its space. */
const SIGNATURE_DELIMITER = /^--\s?$/;

const isQuoted = (line: string) => /^\s*>/.test(line);
const isBlank = (line: string) => line.trim() === '';

/** Text compared with the log: quote marks, Markdown quote marks and layout removed. */
export function comparable(text: string): string {
  return text
    .replace(/^[ \t]*(?:>[ \t]?)+/gm, '')
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

export interface ReplyContext {
  /** The texts already in the log (earlier entries' bodies and verbatim), to recognise as history. */
  earlierTexts?: readonly string[];
  /**
   * The texts of the entries this mail answers (their message_id is in its In-Reply-To or
   * References): certainly quoted, so shorter fragments of them count too.
   */
  answeredTexts?: readonly string[];
}

/** Fragments shorter than this (compared) are too common to be taken for history by themselves. */
const MIN_LOGGED = 20;
const MIN_ANSWERED = 12;

/** The client's own words in `text`, an e-mail's plain text with "\n" line ends. */
export function replyText(text: string, context: ReplyContext = {}): string {
  const known = (context.earlierTexts ?? []).map(comparable).filter((t) => t.length > 0);
  const answered = (context.answeredTexts ?? []).map(comparable).filter((t) => t.length > 0);
  const inLog = (fragment: string) => {
    const c = comparable(fragment);
    return (c.length >= MIN_LOGGED && known.some((k) => k.includes(c))) || (c.length >= MIN_ANSWERED && answered.some((k) => k.includes(c)));
  };
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const keep = lines.map(() => true);

  const end = historyStart(lines, inLog);
  for (let i = end; i < lines.length; i++) keep[i] = false;

  // `>` blocks, with the attribution above them and the hard-wrapped tails of their lines.
  for (let i = 0; i < end; i++) {
    if (!isQuoted(lines[i])) continue;
    const start = i;
    while (i < end && (isQuoted(lines[i]) || isWrappedTail(lines, i, start, inLog))) keep[i++] = false;
    dropAttributionAbove(lines, keep, start);
    i--;
  }
  dropSignatures(lines, keep, end);

  return lines
    .filter((_, i) => keep[i])
    .join('\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Where top-posted history begins (lines.length when there is none). */
function historyStart(lines: readonly string[], inLog: (text: string) => boolean): number {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (isQuoted(line)) continue;
    if (line.trim() === HISTORY_MARK.trim() || SEPARATOR.test(line)) return i;
    const header = headerBlockAt(lines, i);
    if (header !== undefined) return RULE.test(lines[header - 1] ?? '') ? header - 1 : header;
    const attribution = attributionEndingAt(lines, i);
    if (attribution !== undefined && !quoteFollows(lines, i)) return attribution;
  }
  return logMatchStart(lines, inLog);
}

/** The first line of a block of quoted-message headers that includes line i (a sender header), if there is one. */
function headerBlockAt(lines: readonly string[], i: number): number | undefined {
  if (!FROM_HEADER.test(lines[i])) return undefined;
  let first = i;
  while (first > 0 && ANY_HEADER.test(lines[first - 1])) first--;
  let last = i;
  while (last + 1 < lines.length && ANY_HEADER.test(lines[last + 1])) last++;
  // A lone "From:" in a sentence is not a header block; one after a rule or separator is.
  if (last > first && lines.slice(first, last + 1).some((l) => DATE_OR_SUBJECT_HEADER.test(l))) return first;
  const above = lines[first - 1] ?? '';
  return RULE.test(above) || SEPARATOR.test(above) ? first : undefined;
}

/** The first line of an attribution ("On … wrote:", possibly wrapped over up to three lines) ending at line i. */
function attributionEndingAt(lines: readonly string[], i: number): number | undefined {
  const line = lines[i];
  if (isBlank(line) || !/[:：]\s*$/.test(line)) return undefined;
  for (let first = i; first >= Math.max(0, i - 2); first--) {
    if (first < i && (isBlank(lines[first]) || isQuoted(lines[first]))) break;
    const joined = lines.slice(first, i + 1).join(' ');
    if (joined.length > 400) break;
    if ((ATTRIBUTION.test(joined) && (/\d/.test(joined) || /@/.test(joined))) || DATED_SENDER.test(joined)) return startOfAttribution(lines, first, i);
  }
  return undefined;
}

const OPENS_ATTRIBUTION = /^\s*(?:on|le|am|el|il|op|den|på|em|w dniu|dne|в|στις|在)\s/iu;

/** An attribution's first line: "On Thu, 19 Nov 2026 at 09:12, Amira" may sit a line or two above "Haddad <…> wrote:". */
function startOfAttribution(lines: readonly string[], first: number, last: number): number {
  if (OPENS_ATTRIBUTION.test(lines[first])) return first;
  for (let above = first - 1; above >= Math.max(0, last - 2); above--) {
    if (isBlank(lines[above]) || isQuoted(lines[above])) break;
    if (OPENS_ATTRIBUTION.test(lines[above])) return above;
  }
  return first;
}

function quoteFollows(lines: readonly string[], i: number): boolean {
  let j = i + 1;
  while (j < lines.length && isBlank(lines[j])) j++;
  return j < lines.length && isQuoted(lines[j]);
}

/** Removes the attribution line(s) just above a `>` block. */
function dropAttributionAbove(lines: readonly string[], keep: boolean[], quoteStart: number): void {
  let j = quoteStart - 1;
  while (j >= 0 && isBlank(lines[j])) j--;
  if (j < 0) return;
  const first = attributionEndingAt(lines, j);
  if (first === undefined) return;
  for (let k = first; k <= j; k++) keep[k] = false;
}

/**
 * A line right under a `>` line, without `>`, that continues it: the client's mailer wrapped a
 * long quoted line. Known from the log, or from the sentence: the quoted line does not end one
 * and this line goes on in lower case.
 */
function isWrappedTail(lines: readonly string[], i: number, quoteStart: number, inLog: (text: string) => boolean): boolean {
  const line = lines[i];
  if (isBlank(line) || i === 0 || isBlank(lines[i - 1])) return false;
  let start = i - 1;
  while (start > quoteStart && !isQuoted(lines[start])) start--;
  if (!isQuoted(lines[start])) return false;
  const quotedSentence = lines.slice(start, i + 1).join(' ');
  if (inLog(quotedSentence)) return true;
  const previous = lines[i - 1].replace(/^\s*(?:>\s?)*/, '');
  return /[\p{L},\d]\s*$/u.test(previous) && !/[.?!:;]\s*$/.test(previous) && /^\s*\p{Ll}/u.test(line);
}

/** Top-posted history without a mark we know: the first paragraph after the reply that the log already holds, with the header lines just above it. */
function logMatchStart(lines: readonly string[], inLog: (text: string) => boolean): number {
  let i = 0;
  let seenReply = false;
  while (i < lines.length) {
    while (i < lines.length && isBlank(lines[i])) i++;
    const start = i;
    while (i < lines.length && !isBlank(lines[i])) i++;
    if (start === i) break;
    const paragraph = lines.slice(start, i);
    if (seenReply && !paragraph.every(isQuoted) && inLog(paragraph.join('\n'))) return historyAbove(lines, start, i, inLog);
    seenReply = true;
  }
  return lines.length;
}

/**
 * Where history found in the log at lines[start, end) really begins: the paragraphs above it
 * that the log holds with it ("Hi Amira," is too short to match alone), then the header lines
 * of the quoted message ("Kutoka: …", "Tarehe: …").
 */
function historyAbove(lines: readonly string[], start: number, end: number, inLog: (text: string) => boolean): number {
  let first = start;
  for (;;) {
    const above = paragraphAbove(lines, first);
    if (above === undefined || above === 0 || !inLog(lines.slice(above, end).join('\n'))) break;
    first = above;
  }
  const header = paragraphAbove(lines, first);
  if (header !== undefined && header > 0 && lines.slice(header, first).every((l) => isBlank(l) || looksLikeHeader(l))) return header;
  return first;
}

/** The first line of the paragraph above the one starting at `start`. */
function paragraphAbove(lines: readonly string[], start: number): number | undefined {
  let j = start - 1;
  while (j >= 0 && isBlank(lines[j])) j--;
  if (j < 0) return undefined;
  while (j > 0 && !isBlank(lines[j - 1])) j--;
  return j;
}

/** A line of a header block in a language we do not list: "Key: value" with a short key, an address or a rule. */
function looksLikeHeader(line: string): boolean {
  return !isBlank(line) && (RULE.test(line) || /^\s*[*_]{0,2}[\p{L}][\p{L} .'-]{0,24}[*_]{0,2}\s*[:：]/u.test(line) || /[^\s<>]+@[^\s<>]+\.[^\s<>]+/.test(line));
}

/** Drops an RFC 3676 signature ("-- " to the next quote or the end) and a device signature ending the text. */
function dropSignatures(lines: readonly string[], keep: boolean[], end: number): void {
  for (let i = 0; i < end; i++) {
    if (!keep[i] || !SIGNATURE_DELIMITER.test(lines[i])) continue;
    let j = i;
    while (j < end && keep[j] && !isQuoted(lines[j])) keep[j++] = false;
  }
  for (let i = end - 1; i >= 0; i--) {
    if (!keep[i] || isBlank(lines[i])) continue;
    if (DEVICE_SIGNATURE.test(lines[i])) keep[i] = false;
    break;
  }
}
