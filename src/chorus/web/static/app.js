// The chorus page: collect articles, ask the local API, show the story.
//
// This file is the input side: the article cards (pasted text or files, each
// with an optional outlet and date), the options, the request and its
// progress, errors and downloads. The answer, the story report of
// /api/report, is drawn by the story viewer (story.js, ChorusStory.show),
// which `chorus report --format html` uses too.
'use strict';

// Several articles pasted into one box are split where `chorus summarize -`
// splits stdin: a form feed or a line of five or more dashes
// (chorus.ingest.read.STDIN_SEPARATOR).
const ARTICLE_SEPARATOR = /\f|\n-{5,}[ \t]*\n/;

// Cards shown before the list of articles folds (two rows on a wide screen):
// 50 dropped files are otherwise 2,700 px of cards on a desktop and 7,000 on a
// phone above the result. A folded card still counts and is sent; one marked
// (left out, or kept with a warning) or being typed in is always shown.
const CARDS_SHOWN = 6;

const state = {
  articles: [],        // {id, kind: 'text'|'file', file?, element}
  nextArticleId: 1,
  unfolded: false,     // every card shown, though there are more than CARDS_SHOWN
  limits: null,
  methods: null,
  request: null,       // AbortController of the request in flight
  lastForm: null,      // the articles and options of the result shown
  result: null,        // the report shown
  stale: false,
  shown: 0,
};

const $ = (id) => document.getElementById(id);

// Elements are built as the story viewer builds them: h('p', {class: 'x', onclick: f}, 'text', child...).
const {h, plural} = window.ChorusStory;

function formatBytes(size) {
  if (size >= 1024 * 1024) return `${(size / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
  if (size >= 1024) return `${Math.round(size / 1024)} KB`;
  return `${size} bytes`;
}

// ---- input -----------------------------------------------------------------

function addArticle(kind, file, {after, text} = {}) {
  const id = state.nextArticleId++;
  const article = {id, kind, file};
  const outlet = h('input', {
    type: 'text', class: 'outlet', id: `outlet-${id}`, maxlength: 200, autocomplete: 'off',
    placeholder: 'Outlet (optional)',
  });
  const date = h('input', {type: 'date', class: 'date', id: `date-${id}`});
  const body = kind === 'file'
    ? h('p', {class: 'file-chip'}, h('span', {class: 'file-name'}, file.name), ` · ${formatBytes(file.size)}`)
    : h('textarea', {class: 'article-text', id: `text-${id}`, rows: 5,
        placeholder: 'Paste the article here: plain text, HTML or its web address. Several articles? Separate them with a line of dashes (-----).'});
  if (text !== undefined) body.value = text;
  const removeButton = h('button', {type: 'button', class: 'button link remove', onclick: () => removeArticle(article)},
    'Remove');
  article.element = h('li', {class: `article-card ${kind}`},
    h('div', {class: 'card-head'},
      h('span', {class: 'badge', 'aria-hidden': 'true'}),
      h('label', {class: 'sr-only outlet-label', for: `outlet-${id}`}),
      outlet,
      removeButton),
    h('div', {class: 'card-date'},
      h('label', {class: 'date-label', for: `date-${id}`}, 'Published ', h('span', {class: 'optional'}, '(optional)')),
      date),
    body,
    h('p', {class: 'card-status', role: 'status', hidden: true}));
  if (kind === 'text') body.addEventListener('input', () => splitPasted(article));
  const index = after ? state.articles.indexOf(after) + 1 : state.articles.length;
  state.articles.splice(index, 0, article);
  if (after) after.element.after(article.element);
  else $('articles').append(article.element);
  renumberArticles();
  return article;
}

function removeArticle(article) {
  state.articles = state.articles.filter((a) => a !== article);
  article.element.remove();
  renumberArticles();
}

function renumberArticles() {
  state.articles.forEach((article, index) => {
    const n = index + 1;
    const card = article.element;
    card.querySelector('.badge').textContent = n;
    card.querySelector('.outlet-label').textContent = `Outlet of article ${n}`;
    card.querySelector('.date').setAttribute('aria-label', `Publication date of article ${n}`);
    card.querySelector('.remove').setAttribute('aria-label', `Remove article ${n}`);
    const text = card.querySelector('textarea');
    if (text) text.setAttribute('aria-label', `Text of article ${n}`);
  });
  const used = state.articles.filter((a) => !isEmptyText(a)).length;
  $('article-count').textContent = used ? String(used) : '';
  $('clear-articles').hidden = state.articles.length < 2;
  foldArticles();
  markStale();
}

// Past CARDS_SHOWN cards, the rest are hidden behind "Show all N articles",
// except those the person must see: a marked card, and the one with focus.
function foldArticles() {
  const count = state.articles.length;
  const folds = count > CARDS_SHOWN && !state.unfolded;
  let hiddenCards = 0;
  state.articles.forEach((article, index) => {
    const card = article.element;
    const kept = index < CARDS_SHOWN || card.classList.contains('failed') || card.classList.contains('warned') ||
      card.contains(document.activeElement);
    card.hidden = folds && !kept;
    if (card.hidden) hiddenCards += 1;
  });
  const button = $('fold-articles');
  button.hidden = count <= CARDS_SHOWN;
  button.setAttribute('aria-expanded', String(!folds));
  button.textContent = folds ? `Show all ${count} articles (${hiddenCards} not shown)` : `Show only the first ${CARDS_SHOWN}`;
}

function toggleArticles() {
  state.unfolded = !state.unfolded;
  foldArticles();
}

function isEmptyText(article) {
  return article.kind === 'text' && !article.element.querySelector('textarea').value.trim();
}

// Several articles pasted into one box become one card each.
function splitPasted(article) {
  const box = article.element.querySelector('textarea');
  if (!ARTICLE_SEPARATOR.test(box.value)) return;
  const parts = box.value.split(ARTICLE_SEPARATOR).map((part) => part.trim()).filter(Boolean);
  if (parts.length < 2) return;
  box.value = parts[0];
  let last = article;
  for (const part of parts.slice(1)) last = addArticle('text', null, {after: last, text: part});
  announce(`Split into ${plural(parts.length, 'article')}.`);
}

function addFiles(files) {
  if (!files.length) return;
  // Empty text boxes were only placeholders: files take their place.
  for (const article of [...state.articles]) if (isEmptyText(article)) removeArticle(article);
  for (const file of files) addArticle('file', file);
  hideError();
  announce(`${plural(files.length, 'file')} added.`);
}

function clearArticles() {
  for (const article of [...state.articles]) removeArticle(article);
  state.unfolded = false;
  foldArticles();
}

async function tryExample() {
  hideError();
  let example;
  try {
    const response = await fetch('/api/example');
    if (!response.ok) throw new Error(`the server answered ${response.status}`);
    example = await response.json();
  } catch (error) {
    showError(`Could not load the example (${error.message}).`);
    return;
  }
  clearArticles();
  addFiles(example.documents.map((d) => new File([d.text], d.filename,
    {type: /\.html?$/i.test(d.filename) ? 'text/html' : 'text/plain'})));
  $('input-form').requestSubmit();
}

function setCardStatus(article, kind, message) {
  const status = article.element.querySelector('.card-status');
  article.element.classList.remove('failed', 'warned');
  if (!kind) {
    status.hidden = true;
    status.textContent = '';
    return;
  }
  article.element.classList.add(kind);
  status.hidden = false;
  status.textContent = message;
  foldArticles();
}

function clearCardStatus() {
  for (const article of state.articles) setCardStatus(article, null);
}

function collectForm() {
  const chosen = state.articles.filter((a) => !isEmptyText(a));
  if (!chosen.length) {
    throw new Error('Add at least one article: paste its text into a box, drop a file, or try the example.');
  }
  const limits = state.limits;
  if (limits && chosen.length > limits.max_documents) {
    throw new Error(`${chosen.length} articles is more than the ${limits.max_documents} one summary can take.`);
  }
  const form = new FormData();
  chosen.forEach((article, index) => {
    const label = `Article ${index + 1}`;
    if (article.kind === 'file') {
      if (limits && article.file.size > limits.max_document_bytes) {
        const message = `${label} (${article.file.name}) is ${formatBytes(article.file.size)}; ` +
          `the limit is ${formatBytes(limits.max_document_bytes)} per article.`;
        setCardStatus(article, 'failed', message);
        throw new Error(message);
      }
      form.append('documents', article.file, article.file.name);
    } else {
      form.append('documents', article.element.querySelector('textarea').value);
    }
    form.append('outlets', article.element.querySelector('.outlet').value.trim());
    form.append('dates', article.element.querySelector('.date').value.trim());
  });
  const length = $('length').value.trim();
  if (length) {
    const number = Number(length);
    const unit = $('length-unit').value;
    if (!Number.isInteger(number) || number < 1) throw new Error('The length must be a whole number, at least 1.');
    const most = limits && (unit === 'words' ? limits.max_words : limits.max_sentences);
    if (most && number > most) throw new Error(`A summary can have at most ${most} ${unit}.`);
    form.append(unit, String(number));
  }
  const query = $('query').value.trim();
  if (query) form.append('query', query);
  if ($('method').value) form.append('method', $('method').value);
  return {form, chosen};
}

// ---- talking to the server ---------------------------------------------------

class UserError extends Error {}

async function post(path, form, signal) {
  let response;
  try {
    response = await fetch(path, {method: 'POST', body: form, signal});
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new UserError('Could not reach the chorus server. Is "chorus serve" still running?');
  }
  if (!response.ok) {
    let message = `The server answered ${response.status} ${response.statusText}.`;
    try {
      const body = await response.json();
      if (body && body.error && body.error.message) message = body.error.message;
    } catch (ignored) { /* not JSON: keep the status line */ }
    throw new UserError(message);
  }
  return response;
}

function withFormat(form, format) {
  const copy = new FormData();
  for (const [key, value] of form.entries()) if (key !== 'format') copy.append(key, value);
  copy.append('format', format);
  return copy;
}

async function loadSettings() {
  try {
    const [limits, methods] = await Promise.all(
      ['/api/limits', '/api/methods'].map((path) => fetch(path).then((r) => r.ok ? r.json() : null)));
    state.limits = limits;
    state.methods = methods;
  } catch (ignored) {
    return; // the page still works; the server reports limits when they are hit
  }
  if (state.limits) {
    $('limits-note').textContent = `Up to ${state.limits.max_documents} articles, ` +
      `${formatBytes(state.limits.max_document_bytes)} each.`;
    $('length').max = state.limits.max_words;
    // The server's default length (left empty, the server applies it all the same).
    if (!$('length').value) $('length').value = state.limits.default_words;
    const minOutlets = $('stories-min-outlets');
    if (minOutlets && !minOutlets.value) minOutlets.value = state.limits.default_min_outlets;
  }
  if (state.methods) {
    const select = $('method');
    // Plain words in the menu; the technical name and its paper in the tooltip.
    select.replaceChildren(...state.methods.methods.map((m) =>
      h('option', {value: m.name, selected: m.default, title: `${m.name}: ${m.description}`},
        m.default ? `${m.plain} (default)` : m.plain)));
    describeMethod();
  }
}

function describeMethod() {
  const method = state.methods && state.methods.methods.find((m) => m.name === $('method').value);
  $('method').title = method ? `${method.name}: ${method.description}` : '';
}

// ---- progress, errors and announcements ---------------------------------------

function showProgress(count) {
  const started = Date.now();
  const text = $('progress-text');
  const update = () => {
    const seconds = Math.floor((Date.now() - started) / 1000);
    text.textContent = `Summarizing ${plural(count, 'article')}…` + (seconds ? ` ${seconds} s` : '');
  };
  update();
  const timer = setInterval(update, 1000);
  $('progress').hidden = false;
  $('summarize').disabled = true;
  $('result').setAttribute('aria-busy', 'true');
  return () => {
    clearInterval(timer);
    $('progress').hidden = true;
    $('summarize').disabled = false;
    $('result').removeAttribute('aria-busy');
  };
}

function showError(message) {
  const box = $('error');
  box.replaceChildren(h('strong', {}, 'Could not summarize. '), message);
  box.hidden = false;
}

function hideError() {
  $('error').hidden = true;
}

function announce(text) {
  // A new text node each time, so that a screen reader reads a repeated message again.
  $('announce').replaceChildren(document.createTextNode(text));
}

// The result no longer matches the form: say so until the next summary.
function markStale() {
  if (!state.result || state.request) return;
  state.stale = true;
  $('stale').hidden = false;
  $('result').classList.add('stale');
}

function markFresh() {
  state.stale = false;
  $('stale').hidden = true;
  $('result').classList.remove('stale');
}

// What became of each card's article: left out (a bad file) or kept with a warning.
function markCards(chosen, inputs) {
  clearCardStatus();
  for (const input of inputs || []) {
    const article = chosen[input.number - 1];
    if (!article) continue;
    if (input.document === null) setCardStatus(article, 'failed', `Left out: ${input.problem}`);
    else if (input.problem) setCardStatus(article, 'warned', input.problem);
  }
}

// An error that names "Article 3" marks that card.
function markFailedCard(chosen, message) {
  const match = /\bArticle (\d+)\b/.exec(message);
  const article = match && chosen[Number(match[1]) - 1];
  if (article) setCardStatus(article, 'failed', message);
}

async function onSubmit(event) {
  event.preventDefault();
  hideError();
  clearCardStatus();
  let collected;
  try {
    collected = collectForm();
  } catch (error) {
    showError(error.message);
    return;
  }
  const controller = new AbortController();
  state.request = controller;
  const stopProgress = showProgress(collected.chosen.length);
  try {
    const report = await (await post('/api/report', collected.form, controller.signal)).json();
    state.lastForm = collected.form;
    markCards(collected.chosen, report.inputs);
    showResult(report);
  } catch (error) {
    if (error.name === 'AbortError') return;
    const message = error instanceof UserError ? error.message : `Something went wrong in the page: ${error.message}`;
    markFailedCard(collected.chosen, message);
    showError(message);
  } finally {
    state.request = null;
    stopProgress();
  }
}

function showResult(report) {
  state.result = report;
  state.shown += 1;
  $('result').dataset.shown = String(state.shown); // how many results this page has shown
  $('result').hidden = false;
  markFresh();
  $('check-result').replaceChildren();
  $('check-error').hidden = true;
  const shown = window.ChorusStory.show(report, $('story'));
  const left = (report.inputs || []).filter((i) => i.document === null).length;
  $('result-title').focus({preventScroll: true});
  $('result').scrollIntoView({block: 'start'});
  announce(`The story is ready: a summary of ${plural(shown.sentences, 'sentence')} from ${plural(shown.articles, 'article')}` +
    `, ${plural(shown.facts, 'fact')}, ${plural(shown.conflicts, 'conflict')}` +
    (left ? `; ${plural(left, 'article')} left out` : '') + '.');
}

// ---- checking a claim against the same articles ------------------------------

// The articles of the result shown, without its options: what /api/check takes besides the claim.
const ARTICLE_FIELDS = ['documents', 'names', 'outlets', 'dates'];

function claimForm(claim) {
  const form = new FormData();
  for (const [key, value] of state.lastForm.entries()) if (ARTICLE_FIELDS.includes(key)) form.append(key, value);
  form.append('claim', claim);
  return form;
}

async function onCheck(event) {
  event.preventDefault();
  const claim = $('claim').value.trim();
  const box = $('check-error');
  box.hidden = true;
  if (!claim) {
    box.replaceChildren('Type the claim to check: a sentence.');
    box.hidden = false;
    return;
  }
  if (!state.lastForm || !state.result) return;
  $('check-button').disabled = true;
  // The answer to the claim checked before goes: beside a new claim it would read as that claim's.
  const answer = $('check-result');
  answer.setAttribute('aria-busy', 'true');
  answer.replaceChildren(h('p', {class: 'lead'}, 'Checking ', h('q', {class: 'claim-checked'}, claim),
    ` against ${plural(state.result.documents.length, 'article')}…`));
  try {
    renderCheck(await (await post('/api/check', claimForm(claim))).json());
  } catch (error) {
    answer.replaceChildren();
    box.replaceChildren(error.message);
    box.hidden = false;
  } finally {
    answer.removeAttribute('aria-busy');
    $('check-button').disabled = false;
  }
}

const VERDICTS = {states: 'states it', contradicts: 'gives another value', updates: 'gives an update', silent: 'silent'};
const VERDICT_ORDER = ['states', 'contradicts', 'updates', 'silent'];

function renderCheck(answer) {
  const {tag, citedItem, outletName, outletList, otherValue} = window.ChorusStory;
  // The silent articles are one line ("silent: [4] WireNow, [7] Ledger and 31 more"): of 50 articles,
  // most are silent on any one claim, and a line each would bury the few that state it.
  const silent = answer.articles.filter((a) => a.verdict === 'silent').sort((a, b) => a.number - b.number);
  const items = answer.articles
    .filter((a) => a.verdict !== 'silent')
    .sort((a, b) => VERDICT_ORDER.indexOf(a.verdict) - VERDICT_ORDER.indexOf(b.verdict) || a.number - b.number)
    .map((a) => {
      const content = [tag(VERDICTS[a.verdict], a.verdict === 'states' || a.verdict === 'updates' ? null : a.verdict === 'silent' ? 'silent' : 'disputing'),
        ' ', h('span', {class: 'who'}, outletName(a.document))];
      // An update's values as the check's text says them ("earlier said 7,085, not more than 10,000").
      const values = a.values.map((v) => `${v.article}, not ${v.claim}`).join('; ');
      if (a.values.length) content.push(': ', a.when ? otherValue('', values, a.when).trim() : values);
      if (!a.sentences.length) return h('li', {class: 'item'}, content);
      content.push(h('span', {class: 'said'}, a.sentences.map((s) => s.text).join(' ')));
      return citedItem(a.sentences.map((s) => ({document: a.document, sentence: s.sentence})),
        `${outletName(a.document)} ${VERDICTS[a.verdict]}`, 'li', ...content);
    });
  if (silent.length) {
    items.push(h('li', {class: 'item silent-articles'}, tag(VERDICTS.silent, 'silent'), ' ',
      silent.length > 1 ? `${silent.length} articles: ` : '', outletList(silent.map((a) => a.document))));
  }
  const independent = answer.independent_sources < answer.stating
    ? ` (${plural(answer.independent_sources, 'independent source')})` : '';
  // The answer names the claim it answers: the box may hold another by the time it is read.
  $('check-result').replaceChildren(
    h('p', {class: 'lead'}, h('q', {class: 'claim-checked'}, answer.claim), ': ',
      `${plural(answer.stating, 'article')} of ${answer.articles.length} state it${independent}` +
      (answer.contradicting ? `; ${plural(answer.contradicting, 'article')} give another value` : '') +
      (answer.updating ? `; ${plural(answer.updating, 'article')} give an update of the count.` : '.')),
    h('ul', {class: 'items check-items'}, items));
}

// The Markdown or HTML of the report on screen: the server kept it when it answered (report_id),
// so nothing is computed again and it is that report even if the boxes have changed since. Once the
// server no longer keeps it (a 404 after an hour, or after many newer reports), the articles as they
// were sent are reported again, which takes as long as the report did: the person is told so.
async function reportDownload(format) {
  const id = state.result.report_id;
  if (id) {
    const response = await fetch(`/api/report/${encodeURIComponent(id)}?format=${format}`);
    if (response.ok) return response.blob();
    if (response.status !== 404) throw new UserError(`The server answered ${response.status} ${response.statusText}.`);
  }
  const note = $('download-note');
  note.textContent = 'The server no longer keeps this report, so it is being made again from the same articles; ' +
    'this takes as long as the report did.';
  note.hidden = false;
  try {
    return await (await post('/api/report', withFormat(state.lastForm, format))).blob();
  } finally {
    note.hidden = true;
  }
}

async function download(format) {
  if (!state.result) return;
  try {
    let blob;
    if (format === 'json') {
      blob = new Blob([JSON.stringify(state.result, null, 2)], {type: 'application/json'});
    } else {
      blob = await reportDownload(format);
    }
    const extension = {html: 'html', markdown: 'md', json: 'json'}[format];
    const link = h('a', {href: URL.createObjectURL(blob), download: `report.${extension}`});
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  } catch (error) {
    showError(error.message);
  }
}

// ---- wiring ----------------------------------------------------------------

function setUpDropzone() {
  const zone = $('input-form');
  let depth = 0;
  zone.addEventListener('dragenter', (event) => {
    event.preventDefault();
    depth += 1;
    $('dropzone').classList.add('dragging');
  });
  zone.addEventListener('dragleave', () => {
    depth = Math.max(depth - 1, 0);
    if (!depth) $('dropzone').classList.remove('dragging');
  });
  zone.addEventListener('dragover', (event) => event.preventDefault());
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    depth = 0;
    $('dropzone').classList.remove('dragging');
    addFiles([...event.dataTransfer.files]);
  });
  // A file dropped beside the form must not make the browser leave the page.
  window.addEventListener('dragover', (event) => event.preventDefault());
  window.addEventListener('drop', (event) => event.preventDefault());
}

function start() {
  addArticle('text');
  addArticle('text');
  $('add-article').addEventListener('click', () => {
    const article = addArticle('text');
    article.element.hidden = false; // shown, though the list is folded: it takes the focus
    article.element.querySelector('textarea').focus();
  });
  $('fold-articles').addEventListener('click', toggleArticles);
  $('choose-files').addEventListener('click', () => $('file-input').click());
  $('file-input').addEventListener('change', (event) => {
    addFiles([...event.target.files]);
    event.target.value = '';
  });
  $('try-example').addEventListener('click', tryExample);
  $('clear-articles').addEventListener('click', clearArticles);
  $('method').addEventListener('change', describeMethod);
  $('input-form').addEventListener('submit', onSubmit);
  $('check-form').addEventListener('submit', onCheck);
  // Any change to the articles or options makes the result shown out of date.
  $('input-form').addEventListener('input', markStale);
  $('input-form').addEventListener('change', markStale);
  $('rerun').addEventListener('click', () => $('input-form').requestSubmit());
  $('cancel').addEventListener('click', () => state.request && state.request.abort());
  for (const button of document.querySelectorAll('[data-download]')) {
    button.addEventListener('click', () => download(button.dataset.download));
  }
  setUpDropzone();
  loadSettings();
}

start();
