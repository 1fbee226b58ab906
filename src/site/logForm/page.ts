// The "Log a contact" page in the browser: reads the form, runs form.ts on every change, shows
// each problem next to its input and the file it will write, and offers it to GitHub, the
// clipboard or a download. The only request it makes is for the incident's context on this
// site; a draft stays in this browser's localStorage until the file is created or downloaded.
import './jitless.ts';
import { mailbox } from '../../core/compose/person.ts';
import { timestampText, toMinute } from '../../core/compose/timestampText.ts';
import type { FieldProblem } from '../../core/load/entryChecks.ts';
import { INCIDENT_ID } from '../../core/schema/values.ts';
import { MAX_NEW_FILE_URL_LENGTH, newFileLink } from '../../github/logEntryLink.ts';
import type { LogFormContext } from './context.ts';
import { logFormResult, proposedNextUpdate, type CommitmentRow, type LogFormValues } from './form.ts';

interface Draft {
  values: LogFormValues;
  /** next_update_by typed by the person: no longer replaced by the proposal. */
  nextUpdateEdited: boolean;
}

const TEXT_FIELDS = ['incident', 'at', 'direction', 'channel', 'kind', 'contact', 'author', 'summary', 'body', 'nextUpdateBy', 'cc', 'verbatim', 'rating', 'comment'] as const;
type TextField = (typeof TEXT_FIELDS)[number];
const CONTROL_ID: Record<TextField, string> = { incident: 'incident', at: 'at', direction: 'direction', channel: 'channel', kind: 'kind', contact: 'contact', author: 'author', summary: 'summary', body: 'body', nextUpdateBy: 'next-update-by', cc: 'cc', verbatim: 'verbatim', rating: 'rating', comment: 'comment' };
/** Frontmatter key -> the control that edits it. */
const CONTROL_OF_KEY: Record<string, string> = { next_update_by: 'next-update-by', feedback: 'rating', done: 'done-list' };

export function startLogForm(): void {
  const form = document.querySelector<HTMLFormElement>('#log-form');
  if (!form) return;
  const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
  const control = (field: TextField) => byId<HTMLInputElement>(CONTROL_ID[field]);
  const rows = byId<HTMLElement>('commitment-rows');
  const rowTemplate = byId<HTMLTemplateElement>('commitment-row');
  const doneList = byId<HTMLElement>('done-list');
  const preview = byId<HTMLElement>('preview');
  const filePath = byId<HTMLElement>('file-path');
  const create = byId<HTMLAnchorElement>('create');
  const tooLong = byId<HTMLElement>('too-long');
  const summary = byId<HTMLElement>('form-summary');
  const actionStatus = byId<HTMLElement>('action-status');
  const about = byId<HTMLElement>('incident-about');
  const ccHint = byId<HTMLElement>('cc-pm');
  const storageKey = `commlog-log-draft:${form.dataset.context}`;
  const listed = new Set([...document.querySelectorAll<HTMLOptionElement>('#incident-list option')].map((o) => o.value));

  let context: LogFormContext | undefined;
  let contextFor = '';
  let loading = false;
  let nextUpdateEdited = false;
  let showAll = false;
  const touched = new Set<string>();
  let shownSummary = '';
  let current: ReturnType<typeof logFormResult> | undefined;
  /** The draft's ticked commitments, until the context lists them. */
  let restoredDone: string[] = [];

  const readRows = (): CommitmentRow[] =>
    [...rows.querySelectorAll<HTMLElement>('.commitment')].map((row) => ({
      action: row.querySelector<HTMLInputElement>('[data-part=action]')!.value,
      owner: row.querySelector<HTMLInputElement>('[data-part=owner]')!.value,
      due: row.querySelector<HTMLInputElement>('[data-part=due]')!.value,
    }));

  const readValues = (): LogFormValues => {
    const text = Object.fromEntries(TEXT_FIELDS.map((f) => [f, control(f).value])) as Record<TextField, string>;
    const done = [...doneList.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value);
    return { ...text, incident: text.incident.trim(), commitments: readRows(), done, awaiting: byId<HTMLInputElement>('awaiting').checked };
  };

  const addRow = (row: CommitmentRow = { action: '', owner: '', due: '' }) => {
    const fragment = rowTemplate.content.cloneNode(true) as DocumentFragment;
    rows.append(fragment);
    const added = rows.lastElementChild as HTMLElement;
    for (const part of ['action', 'owner', 'due'] as const) added.querySelector<HTMLInputElement>(`[data-part=${part}]`)!.value = row[part];
    numberRows();
    return added;
  };

  /** Ids, labels and legends follow the row's position, so errors can name the right input. */
  const numberRows = () => {
    rows.querySelectorAll<HTMLElement>('.commitment').forEach((row, i) => {
      row.querySelector('legend')!.textContent = `Commitment ${i + 1}`;
      row.querySelector('[data-part=remove]')!.setAttribute('aria-label', `Remove commitment ${i + 1}`);
      for (const part of ['action', 'owner', 'due']) {
        const id = `commitment-${i}-${part}`;
        const input = row.querySelector<HTMLInputElement>(`[data-part=${part}]`)!;
        input.id = id;
        row.querySelector<HTMLLabelElement>(`label[data-for=${part}]`)!.htmlFor = id;
        row.querySelector<HTMLElement>(`[data-error=${part}]`)!.id = `${id}-error`;
        input.setAttribute('aria-describedby', `${id}-error`);
      }
    });
  };

  const renderDone = (values: LogFormValues) => {
    const open = context?.openCommitments ?? [];
    doneList.replaceChildren(
      ...open.map((c) => {
        const label = document.createElement('label');
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.value = c.id;
        box.checked = values.done.includes(c.id) || restoredDone.includes(c.id);
        label.append(box, ` ${c.action} (${c.id}${c.owner === 'us' ? '' : `, owner ${c.owner}`}${c.due === undefined ? '' : `, due ${timestampText(c.due, context!.zone).replace('T', ' ')}`})`);
        return label;
      }),
    );
    byId<HTMLElement>('done-none').hidden = open.length > 0;
  };

  const loadContext = async (id: string) => {
    if (id === contextFor) return;
    contextFor = id;
    context = undefined;
    if (!INCIDENT_ID.test(id)) return update();
    loading = true;
    const response = await fetch(`${form.dataset.context}${id}.json`).catch(() => undefined);
    if (contextFor !== id) return;
    loading = false;
    context = response?.ok ? ((await response.json()) as LogFormContext) : undefined;
    if (context) {
      const at = control('at');
      if (at.value === '') at.value = timestampText(toMinute(Date.now()), context.zone);
      const author = control('author');
      if (author.value === '' && context.owner) author.value = context.owner;
      renderDone(readValues());
      restoredDone = [];
    }
    update();
  };

  const incidentProblem = (id: string): string | undefined => {
    if (id === '') return 'Choose the incident this contact belongs to: type its id or part of its title';
    if (!INCIDENT_ID.test(id)) return `"${id}" is not an incident id: lower-case letters, digits and -, such as 2026-11-02-acme-checkout-500`;
    if (!context && !loading && contextFor === id) return `No published incident has the id "${id}": choose one from the list`;
    return undefined;
  };

  const controlOf = (p: FieldProblem): string => {
    const [key, index, part] = p.path;
    if (key === 'commitments' && typeof index === 'number') return `commitment-${index}-${part === 'id' || part === undefined ? 'action' : String(part)}`;
    if (key === 'feedback' && index === 'comment') return 'comment';
    return CONTROL_OF_KEY[String(key)] ?? String(key);
  };

  const showProblems = (problems: { control: string; message: string; severity: string }[]) => {
    for (const el of form.querySelectorAll<HTMLElement>('.field-error')) {
      el.hidden = true;
      el.textContent = '';
    }
    for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
    const visible = problems.filter((p) => showAll || touched.has(p.control));
    for (const p of visible) {
      const error = document.getElementById(`${p.control}-error`);
      if (!error || !error.hidden) continue;
      error.hidden = false;
      error.textContent = p.message;
      error.classList.toggle('warning', p.severity === 'warning');
      if (p.severity === 'error') document.getElementById(p.control)?.setAttribute('aria-invalid', 'true');
    }
    const errors = visible.filter((p) => p.severity === 'error');
    const text = errors.length === 0 ? '' : `${errors.length === 1 ? '1 problem' : `${errors.length} problems`} to fix before the file can be written.`;
    if (text !== shownSummary) {
      shownSummary = text;
      summary.replaceChildren();
      if (text) {
        const p = document.createElement('p');
        p.textContent = text;
        const ul = document.createElement('ul');
        for (const e of errors) {
          const a = document.createElement('a');
          a.href = `#${e.control}`;
          a.textContent = e.message;
          const li = document.createElement('li');
          li.append(a);
          ul.append(li);
        }
        summary.append(p, ul);
      }
    }
  };

  const update = () => {
    const values = readValues();
    // A listed id is fetched as soon as it is complete; another once it is entered (change).
    if (values.incident !== contextFor && listed.has(values.incident)) void loadContext(values.incident);
    const problems: { control: string; message: string; severity: string }[] = [];
    const incidentText = incidentProblem(values.incident);
    if (incidentText) problems.push({ control: 'incident', message: incidentText, severity: 'error' });
    current = undefined;
    if (context) {
      about.textContent = `${context.title} (${context.client}, ${context.status}). Times are in ${context.zone}.`;
      byId<HTMLElement>('zone').textContent = context.zone;
      const proposal = proposedNextUpdate(values, context);
      const next = control('nextUpdateBy');
      if (!nextUpdateEdited) next.value = proposal ?? '';
      byId<HTMLElement>('next-update-by-hint').textContent =
        proposal === undefined ? 'No next update is owed for this contact.' : `Proposed from the policy: ${proposal.replace('T', ' ')}, the earliest deadline after this update. Tell the client, or change it.`;
      const written = values.direction === 'outbound' && context.policy.policy.pmCcChannels.includes(values.channel as never);
      const pm = mailbox(context.pm);
      ccHint.textContent = !written ? '' : pm ? `The project manager (${pm}) is copied on this channel.` : `The project manager, ${context.pm.name}, is copied on this channel: add their address (it is not published on this site).`;
      if (written && pm && !control('cc').value.toLowerCase().includes(context.pm.email!.toLowerCase())) control('cc').value = [pm, control('cc').value].filter(Boolean).join(', ');
      current = logFormResult(readValues(), context, Date.now());
      for (const p of current.problems) problems.push({ control: controlOf(p), message: p.message, severity: p.severity });
    } else {
      about.textContent = '';
    }
    showProblems(problems);
    const file = problems.some((p) => p.severity === 'error') ? undefined : current?.file;
    filePath.textContent = file ? file.path : '';
    preview.textContent = file ? file.text : 'The file appears here once every field above is valid.';
    const link = file && newFileLink({ repositoryUrl: form.dataset.repository!, branch: form.dataset.branch!, path: file.path, content: file.text });
    if (link && 'url' in link) create.href = link.url;
    else create.removeAttribute('href');
    create.setAttribute('aria-disabled', String(!(link && 'url' in link)));
    tooLong.hidden = !(link && 'tooLong' in link);
    if (link && 'tooLong' in link) {
      tooLong.textContent = `This entry would make a link of ${link.tooLong} characters, longer than the ${MAX_NEW_FILE_URL_LENGTH} GitHub reliably accepts. Copy it instead, then create ${file!.path} in the repository and paste it there.`;
    }
    saveDraft(values);
  };

  const saveDraft = (values: LogFormValues) => {
    try {
      localStorage.setItem(storageKey, JSON.stringify({ values, nextUpdateEdited } satisfies Draft));
    } catch {
      // Storage full or refused (private mode): the form works without a draft.
    }
  };

  const clearDraft = () => {
    try {
      localStorage.removeItem(storageKey);
    } catch {
      // as above
    }
  };

  const restore = () => {
    let draft: Draft | undefined;
    try {
      draft = JSON.parse(localStorage.getItem(storageKey) ?? 'null') ?? undefined;
    } catch {
      draft = undefined;
    }
    const wanted = new URLSearchParams(location.search).get('incident') ?? '';
    if (draft && (wanted === '' || wanted === draft.values.incident)) {
      for (const f of TEXT_FIELDS) control(f).value = draft.values[f] ?? '';
      byId<HTMLInputElement>('awaiting').checked = draft.values.awaiting;
      for (const row of draft.values.commitments) addRow(row);
      nextUpdateEdited = draft.nextUpdateEdited;
      restoredDone = draft.values.done;
    } else if (wanted) {
      control('incident').value = wanted;
    }
  };

  const ready = (): boolean => current?.file !== undefined && !current.problems.some((p) => p.severity === 'error') && contextFor === readValues().incident;

  /** Not ready: the problems of untouched fields are shown too, and the first is given focus. */
  const refuse = (): boolean => {
    if (ready()) return false;
    showAll = true;
    shownSummary = '';
    update();
    summary.querySelector('a')?.focus();
    return true;
  };

  form.addEventListener('input', (event) => {
    const target = event.target as HTMLElement;
    if (target.id) touched.add(target.id);
    if (target.id === 'next-update-by') nextUpdateEdited = true;
    update();
  });
  form.addEventListener('change', (event) => {
    const target = event.target as HTMLElement;
    if (target.id) touched.add(target.id);
    if (target.id === 'incident') void loadContext(control('incident').value.trim());
    update();
  });
  form.addEventListener('focusout', (event) => {
    const target = event.target as HTMLElement;
    if (target.id && (target as HTMLInputElement).value !== undefined && !touched.has(target.id)) {
      touched.add(target.id);
      update();
    }
  });
  form.addEventListener('submit', (event) => event.preventDefault());
  byId('add-commitment').addEventListener('click', () => {
    addRow().querySelector<HTMLInputElement>('[data-part=action]')!.focus();
    update();
  });
  rows.addEventListener('click', (event) => {
    const remove = (event.target as HTMLElement).closest('[data-part=remove]');
    if (!remove) return;
    remove.closest('.commitment')!.remove();
    numberRows();
    byId('add-commitment').focus();
    update();
  });
  create.addEventListener('click', (event) => {
    if (refuse() || !create.hasAttribute('href')) {
      event.preventDefault();
      return;
    }
    clearDraft();
    actionStatus.textContent = 'Opened GitHub in a new tab: commit the file on a new branch and open the pull request. The draft here is cleared.';
  });
  byId('copy').addEventListener('click', async () => {
    if (refuse() || !current?.file) return;
    try {
      await navigator.clipboard.writeText(current.file.text);
      actionStatus.textContent = `Copied. Paste it into a new file ${current.file.path} in the repository.`;
    } catch {
      getSelection()?.selectAllChildren(preview);
      actionStatus.textContent = 'The browser refused to copy: the file is selected, press Ctrl+C (⌘C on a Mac).';
    }
  });
  byId('download').addEventListener('click', () => {
    if (refuse() || !current?.file) return;
    const url = URL.createObjectURL(new Blob([current.file.text], { type: 'text/markdown' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = current.file.path.slice(current.file.path.lastIndexOf('/') + 1);
    a.click();
    URL.revokeObjectURL(url);
    clearDraft();
    actionStatus.textContent = `Downloaded ${a.download}: add it to ${current.file.path.slice(0, current.file.path.lastIndexOf('/') + 1)} in the repository. The draft here is cleared.`;
  });

  restore();
  void loadContext(control('incident').value.trim());
  update();
}
