// The chorus page: collect articles, ask the local API, show the result.
//
// A result is {documents, report, sections}: the articles as chorus split
// them into sentences, the story report of /api/report as it came, and one
// entry per view of the story, keyed like the report's JSON. Each view is a
// SECTION below: a tab whose renderer turns its data into elements, and
// whose count, if any, the tab shows. A renderer points at evidence with
// view.citation(refs), where a ref is {document, sentence} (the shape of
// every reference in the report); the source articles, shared by every tab,
// highlight those sentences.
'use strict';

const SECTIONS = [
  {key: 'summary', label: 'Summary', render: renderSummary},
  {key: 'facts', label: 'Facts & support', count: (facts) => facts.length, render: renderFacts},
  {key: 'conflicts', label: 'Conflicts', count: (conflicts) => conflicts.length, render: renderConflicts},
  {key: 'quotes', label: 'Quotes', count: (quotes) => quotes.length, render: renderQuotes},
  {key: 'entities', label: 'Entities', count: (entities) => entities.length, render: renderEntities},
  {key: 'reuse', label: 'Text reuse', count: (reuse) => reuse.passages.length, render: renderReuse},
  {key: 'coverage', label: 'Coverage', render: renderCoverage},
];
// At most this many sentences are quoted beside the view; all stay highlighted.
const EVIDENCE_SHOWN = 12;

const state = {
  articles: [],        // {id, kind: 'text'|'file', file?, element}
  nextArticleId: 1,
  limits: null,
  methods: null,
  request: null,       // AbortController of the request in flight
  lastForm: null,      // the articles and options of the result shown
  result: null,
  pinned: null,        // the citation marker whose highlight stays
};

const $ = (id) => document.getElementById(id);

// Build an element: h('p', {class: 'x', onclick: f}, 'text', child...).
function h(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child !== null && child !== undefined && child !== false) {
      element.append(child instanceof Node ? child : String(child));
    }
  }
  return element;
}

function formatBytes(size) {
  if (size >= 1024 * 1024) return `${(size / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
  if (size >= 1024) return `${Math.round(size / 1024)} KB`;
  return `${size} bytes`;
}

function plural(count, word) {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

// ---- input -----------------------------------------------------------------

function outletFromFileName(name) {
  return name.replace(/\.(txt|text|md|markdown|html?|xhtml)$/i, '');
}

function addArticle(kind, file) {
  const id = state.nextArticleId++;
  const article = {id, kind, file};
  const outlet = h('input', {
    type: 'text', class: 'outlet', id: `outlet-${id}`, maxlength: 200,
    placeholder: 'Outlet, e.g. Reuters', value: file ? outletFromFileName(file.name) : null,
  });
  const body = kind === 'file'
    ? h('p', {class: 'file-chip'}, h('span', {class: 'file-name'}, file.name), ` · ${formatBytes(file.size)}`)
    : h('textarea', {class: 'article-text', id: `text-${id}`, rows: 5,
        placeholder: 'Paste the article here: plain text or HTML'});
  const removeButton = h('button', {type: 'button', class: 'button link remove', onclick: () => removeArticle(article)},
    'Remove');
  article.element = h('li', {class: `article-card ${kind}`},
    h('div', {class: 'card-head'},
      h('span', {class: 'badge', 'aria-hidden': 'true'}),
      h('label', {class: 'sr-only', for: `outlet-${id}`}),
      outlet,
      removeButton),
    body);
  if (kind === 'text') body.setAttribute('aria-label', 'Article text');
  state.articles.push(article);
  $('articles').append(article.element);
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
    card.querySelector('label.sr-only').textContent = `Outlet of article ${n}`;
    card.querySelector('.remove').setAttribute('aria-label', `Remove article ${n}`);
    const text = card.querySelector('textarea');
    if (text) text.setAttribute('aria-label', `Text of article ${n}`);
  });
}

function isEmptyText(article) {
  return article.kind === 'text' && !article.element.querySelector('textarea').value.trim();
}

function addFiles(files) {
  if (!files.length) return;
  // Empty text boxes were only placeholders: files take their place.
  for (const article of [...state.articles]) if (isEmptyText(article)) removeArticle(article);
  for (const file of files) addArticle('file', file);
  hideError();
}

function collectForm() {
  const chosen = state.articles.filter((a) => !isEmptyText(a));
  if (!chosen.length) {
    throw new Error('Add at least one article: paste its text into a box or drop a file.');
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
        throw new Error(`${label} (${article.file.name}) is ${formatBytes(article.file.size)}; ` +
          `the limit is ${formatBytes(limits.max_document_bytes)} per article.`);
      }
      form.append('documents', article.file, article.file.name);
    } else {
      form.append('documents', article.element.querySelector('textarea').value);
    }
    form.append('names', article.element.querySelector('.outlet').value.trim());
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
  return {form, count: chosen.length};
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

// One request: the report holds the summary too, from the same reading of the articles.
async function fetchResult(form, signal) {
  const report = await (await post('/api/report', form, signal)).json();
  // In the report, `sentences` counts an article's sentences and `article_sentences` lists them.
  const documents = report.documents.map(({article_sentences: sentences, ...d}) => ({...d, sentences}));
  const sections = {summary: {...report.summary, warnings: report.warnings}};
  for (const key of ['facts', 'conflicts', 'quotes', 'entities', 'reuse', 'coverage']) sections[key] = report[key];
  return {documents, report, sections};
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
  }
  if (state.methods) {
    const select = $('method');
    select.replaceChildren(...state.methods.methods.map((m) =>
      h('option', {value: m.name, selected: m.default, title: m.description},
        m.default ? `${m.name} (default)` : m.name)));
    describeMethod();
  }
}

function describeMethod() {
  const method = state.methods && state.methods.methods.find((m) => m.name === $('method').value);
  $('method-note').textContent = method ? `${method.name}: ${method.description}` : '';
}

// ---- progress and errors ---------------------------------------------------

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

async function onSubmit(event) {
  event.preventDefault();
  hideError();
  let collected;
  try {
    collected = collectForm();
  } catch (error) {
    showError(error.message);
    return;
  }
  const controller = new AbortController();
  state.request = controller;
  const stopProgress = showProgress(collected.count);
  try {
    const result = await fetchResult(collected.form, controller.signal);
    state.lastForm = collected.form;
    showResult(result);
  } catch (error) {
    if (error.name === 'AbortError') return;
    showError(error instanceof UserError ? error.message : `Something went wrong in the page: ${error.message}`);
  } finally {
    state.request = null;
    stopProgress();
  }
}

// ---- checking a claim against the same articles ------------------------------

function claimForm(claim) {
  const form = new FormData();
  for (const [key, value] of state.lastForm.entries()) {
    if (key === 'documents' || key === 'names') form.append(key, value);
  }
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
  try {
    const answer = await (await post('/api/check', claimForm(claim))).json();
    renderCheck(answer, makeView(state.result));
  } catch (error) {
    box.replaceChildren(error.message);
    box.hidden = false;
  } finally {
    $('check-button').disabled = false;
  }
}

const VERDICTS = {states: 'states it', contradicts: 'gives another value', silent: 'silent'};

function renderCheck(answer, view) {
  const items = answer.articles
    .slice().sort((a, b) => ['states', 'contradicts', 'silent'].indexOf(a.verdict) -
      ['states', 'contradicts', 'silent'].indexOf(b.verdict) || a.number - b.number)
    .map((a) => {
      const content = [tag(VERDICTS[a.verdict], a.verdict === 'silent' ? 'one' : null), ' ',
        h('span', {class: 'who'}, view.outlet(a.document))];
      if (a.values.length) {
        content.push(': ', a.values.map((v) => `${v.article}, not ${v.claim}`).join('; '));
      }
      if (!a.sentences.length) return h('li', {class: 'item'}, content);
      content.push(h('span', {class: 'said'}, a.sentences.map((s) => s.text).join(' ')));
      return citedItem(view, a.sentences.map((s) => ({document: a.document, sentence: s.sentence})),
        `${view.outlet(a.document)} ${VERDICTS[a.verdict]}`, 'li', ...content);
    });
  const independent = answer.independent_sources < answer.stating
    ? ` (${plural(answer.independent_sources, 'independent source')})` : '';
  $('check-result').replaceChildren(
    h('p', {class: 'lead'}, `${plural(answer.stating, 'article')} of ${answer.articles.length} state it${independent}` +
      (answer.contradicting ? `; ${plural(answer.contradicting, 'article')} give another value.` : '.')),
    h('ul', {class: 'items'}, items));
}

async function download(format) {
  if (!state.result) return;
  try {
    let blob;
    if (format === 'json') {
      blob = new Blob([JSON.stringify(state.result.report, null, 2)], {type: 'application/json'});
    } else {
      blob = await (await post('/api/report', withFormat(state.lastForm, format))).blob();
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

// ---- result ----------------------------------------------------------------

function showResult(result) {
  state.result = result;
  state.pinned = null;
  const view = makeView(result);
  renderSources(result.documents);
  const available = SECTIONS.filter((section) => result.sections[section.key] !== undefined);
  const tabs = available.map((section, index) => {
    const count = section.count ? section.count(result.sections[section.key]) : null;
    return h('button', {
      type: 'button', role: 'tab', id: `tab-${section.key}`, 'aria-controls': `panel-${section.key}`,
      'aria-selected': String(index === 0), tabindex: index === 0 ? '0' : '-1',
      class: count === 0 ? 'empty' : null, onclick: () => selectTab(section.key),
    }, section.label, count === null ? null : h('span', {class: 'count'}, count));
  });
  const panels = available.map((section, index) => h('div', {
    role: 'tabpanel', id: `panel-${section.key}`, class: 'tab-panel', 'aria-labelledby': `tab-${section.key}`,
    hidden: index !== 0,
  }, section.render(result.sections[section.key], view)));
  showEvidence(null);
  $('tabs').replaceChildren(...tabs);
  $('panels').replaceChildren(...panels);
  $('result').hidden = false;
  $('result').scrollIntoView({block: 'start'});
}

function selectTab(key) {
  for (const tab of $('tabs').querySelectorAll('[role=tab]')) {
    const selected = tab.id === `tab-${key}`;
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
    if (selected) tab.focus();
  }
  for (const panel of $('panels').children) panel.hidden = panel.id !== `panel-${key}`;
  if (state.pinned) state.pinned.setAttribute('aria-pressed', 'false');
  state.pinned = null;
  setHighlight(null);
}

function onTabKey(event) {
  const tabs = [...$('tabs').querySelectorAll('[role=tab]')];
  const current = tabs.indexOf(document.activeElement);
  if (current < 0) return;
  const moves = {ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: tabs.length - 1};
  if (!(event.key in moves)) return;
  event.preventDefault();
  const next = tabs[(moves[event.key] + tabs.length) % tabs.length];
  selectTab(next.id.replace(/^tab-/, ''));
}

// What a renderer may use: the articles, the facts, and citation markers tied to them.
function makeView(result) {
  const documents = result.documents;
  const byId = new Map(documents.map((d) => [d.id, d]));
  const facts = new Map((result.sections.facts || []).map((f) => [f.id, f]));
  const label = (d) => d.name || d.title || d.id;
  return {
    documents,
    label,
    document: (id) => byId.get(id),
    fact: (id) => facts.get(id),
    // "[2] Haaretz": how a renderer names an article by its id.
    outlet: (id) => `[${byId.get(id).number}] ${label(byId.get(id))}`,
    // A button showing [1, 3] that highlights the given sentences of those
    // articles; pointing at or clicking `linked` (the item it cites) does too.
    citation(refs, {describe, linked} = {}) {
      const seen = new Set();
      refs = refs.filter((r) => !seen.has(`${r.document}/${r.sentence}`) && seen.add(`${r.document}/${r.sentence}`))
        .sort((a, b) => byId.get(a.document).number - byId.get(b.document).number || a.sentence - b.sentence);
      const numbers = [...new Set(refs.map((r) => byId.get(r.document).number))].sort((a, b) => a - b);
      const outlets = numbers.map((n) => label(documents[n - 1]));
      const button = h('button', {
        type: 'button', class: 'cite', 'aria-pressed': 'false',
        title: `Supported by ${plural(numbers.length, 'article')}: ${outlets.join('; ')}`,
        'aria-label': `${describe ? describe + ': ' : ''}supported by ${outlets.join(', ')}`,
      }, `[${numbers.join(', ')}]`);
      button.refs = refs;
      button.describe = describe || null;
      button.linked = linked || null;
      button.addEventListener('mouseenter', () => setHighlight(button, {scroll: true}));
      button.addEventListener('mouseleave', () => setHighlight(state.pinned));
      button.addEventListener('focus', () => setHighlight(button, {scroll: true}));
      button.addEventListener('blur', () => setHighlight(state.pinned));
      button.addEventListener('click', () => togglePin(button));
      if (linked) {
        linked.classList.add('linked');
        linked.addEventListener('mouseenter', () => setHighlight(button));
        linked.addEventListener('mouseleave', () => setHighlight(state.pinned));
        // A click on the marker itself, inside the item, is the marker's own.
        linked.addEventListener('click', (event) => button.contains(event.target) || togglePin(button));
      }
      return button;
    },
  };
}

function togglePin(button) {
  const previous = state.pinned;
  if (previous) previous.setAttribute('aria-pressed', 'false');
  state.pinned = previous === button ? null : button;
  if (state.pinned) state.pinned.setAttribute('aria-pressed', 'true');
  setHighlight(state.pinned, {scroll: true});
}

function sentenceAnchor(documentNumber, sentence) {
  return `src-${documentNumber}-${sentence}`;
}

// The sentences a marker points at, quoted beside the view, with their outlets.
function showEvidence(button) {
  const box = $('evidence');
  if (!button || !state.result) {
    box.replaceChildren(h('p', {class: 'hint'},
      'Point at a citation marker or an item to see which articles carry it, and how they word it.'));
    return;
  }
  const documents = state.result.documents;
  const items = button.refs.slice(0, EVIDENCE_SHOWN).map((ref) => {
    const d = documents.find((entry) => entry.id === ref.document);
    if (!d || !d.sentences[ref.sentence]) return null;
    const how = ref.similarity !== undefined
      ? (ref.similarity >= 1 ? 'the sentence quoted in the summary'
        : `a close paraphrase (similarity ${ref.similarity.toFixed(2)})`)
      : ref.value !== undefined ? `says ${ref.value}`
      : ref.attribution ? `attributed: ${ref.attribution}` : null;
    return h('li', {},
      h('p', {class: 'evidence-source'}, h('span', {class: 'n'}, `[${d.number}]`), ' ', d.name || d.title || d.id,
        h('span', {class: 'evidence-where'}, ` · sentence ${ref.sentence + 1}`)),
      h('blockquote', {}, d.sentences[ref.sentence].text),
      how ? h('p', {class: 'evidence-how'}, how) : null);
  });
  const more = button.refs.length - EVIDENCE_SHOWN;
  box.replaceChildren(...[
    h('h3', {}, button.describe ? `${button.describe}: ${plural(new Set(button.refs.map((r) => r.document)).size, 'article')}`
      : 'Supporting sentences'),
    h('ol', {class: 'evidence-list'}, items),
    more > 0 ? h('p', {class: 'hint'}, `and ${plural(more, 'more sentence')}, highlighted in the articles below`) : null,
  ].filter(Boolean));
}

function setHighlight(button, {scroll = false} = {}) {
  for (const element of document.querySelectorAll('.hit, .active, .cited')) {
    element.classList.remove('hit', 'active', 'cited');
  }
  showEvidence(button);
  if (!button || !state.result) return;
  button.classList.add('active');
  if (button.linked) button.linked.classList.add('active');
  const view = state.result.documents;
  const firstHit = new Map();
  for (const ref of button.refs) {
    const documentEntry = view.find((d) => d.id === ref.document);
    if (!documentEntry) continue;
    const target = $(sentenceAnchor(documentEntry.number, ref.sentence));
    if (!target) continue;
    target.classList.add('hit');
    const column = target.closest('.doc');
    column.classList.add('cited');
    if (!firstHit.has(column)) firstHit.set(column, target);
  }
  if (scroll) {
    // Scroll each article's own box, never the page, so the marker stays put.
    for (const [column, target] of firstHit) {
      const body = column.querySelector('.doc-body');
      body.scrollTop = Math.max(target.offsetTop - body.clientHeight / 3, 0);
    }
  }
}

function renderSources(documents) {
  const columns = documents.map((d) => {
    const paragraphs = [];
    d.sentences.forEach((sentence, index) => {
      if (!paragraphs[sentence.paragraph]) paragraphs[sentence.paragraph] = [];
      paragraphs[sentence.paragraph].push(
        h('span', {id: sentenceAnchor(d.number, index), class: 'sentence'}, sentence.text), ' ');
    });
    const name = d.name || d.title || d.id;
    return h('article', {class: 'doc', 'aria-label': `Article ${d.number}: ${name}`},
      h('header', {class: 'doc-head'},
        h('h3', {}, h('span', {class: 'n'}, `[${d.number}]`), ' ', name),
        d.title && d.title !== name ? h('p', {class: 'doc-title'}, d.title) : null,
        h('p', {class: 'doc-meta'}, `${d.words} words`)),
      h('div', {class: 'doc-body', tabindex: '0', 'aria-label': `Text of article ${d.number}`},
        d.subtitle ? h('p', {class: 'standfirst'}, d.subtitle) : null,
        paragraphs.filter(Boolean).map((sentences) => h('p', {}, sentences))));
  });
  $('sources').replaceChildren(...columns);
}

// ---- the summary view ------------------------------------------------------

function renderSummary(summary, view) {
  const paragraph = h('p', {class: 'summary-text'});
  summary.sentences.forEach((sentence, index) => {
    const text = h('span', {class: 's'}, sentence.text);
    const marker = view.citation(sentence.support, {describe: `Sentence ${index + 1}`, linked: text});
    paragraph.append(text, '\u00a0', marker, ' ');
  });
  const corroborated = summary.sentences.filter((s) => s.support_count > 1).length;
  const budget = summary.budget;
  const parts = [
    `${summary.words} words` + (budget.words ? ` of ${budget.words}` : ''),
    `${plural(summary.sentences.length, 'sentence')}, ${corroborated} reported by more than one outlet`,
    `method ${summary.method}`,
    plural(view.documents.length, 'article'),
  ];
  return h('section', {class: 'summary', 'aria-label': 'Summary'},
    summary.query ? h('p', {class: 'query'}, 'Focus: ', h('q', {}, summary.query)) : null,
    paragraph,
    h('p', {class: 'meta'}, parts.join(' · ')),
    summary.warnings.length
      ? h('ul', {class: 'warnings', 'aria-label': 'Warnings'}, summary.warnings.map((w) => h('li', {}, w)))
      : null);
}

// ---- the story report's views ------------------------------------------------
//
// Every item (a fact, a conflict, a quote, a name, a reused passage) ends
// with a citation marker over its sentences; the item itself is linked to
// the marker, so pointing at it or clicking it highlights them as well.

function reportSection(name, lead, ...body) {
  return h('section', {class: 'report-section', 'aria-label': name}, h('p', {class: 'lead'}, lead), body);
}

function emptyNote(text) {
  return h('p', {class: 'empty'}, text);
}

function tag(text, extra) {
  return h('span', {class: extra ? `tag ${extra}` : 'tag'}, text);
}

function outletList(view, ids) {
  return ids.map((id) => view.outlet(id)).join(', ');
}

// An item of a list: its content, then the marker over its sentences.
function citedItem(view, refs, describe, element, ...content) {
  const item = h(element, {class: 'item'}, content);
  const marker = view.citation(refs, {describe, linked: item});
  if (element === 'tr') item.append(h('td', {class: 'marker'}, marker));
  else item.append(' ', marker);
  return item;
}

function renderFacts(facts, view) {
  const item = (fact) => {
    const entry = citedItem(view, fact.sentences, `Fact ${fact.id}`, 'li',
      tag(fact.independent_sources < fact.support
        ? `${fact.support} articles, ${fact.independent_sources} independent`
        : plural(fact.support, 'outlet'), fact.several_outlets ? null : 'one'), ' ', fact.text,
      h('span', {class: 'outlets'}, outletList(view, fact.outlets)));
    entry.value = fact.id; // the list shows the fact's own number, as the evidence and the other formats do
    return entry;
  };
  const list = (items, empty) => items.length ? h('ol', {class: 'items'}, items.map(item)) : emptyNote(empty);
  const several = facts.filter((f) => f.several_outlets);
  const single = facts.filter((f) => !f.several_outlets);
  return reportSection('Facts and their support',
    `${plural(facts.length, 'fact')}: sentences of different outlets that state the same claim are one fact, ` +
    'most-reported first. Copies of one story count as one source; a fact only one source reports rests on it alone.',
    h('h3', {}, `Reported by several independent sources (${several.length})`),
    list(several, 'No fact is reported by more than one independent source.'),
    h('h3', {}, `Reported by one source only (${single.length})`),
    list(single, 'Every fact is reported by more than one independent source.'));
}

function renderConflicts(conflicts, view) {
  const side = (value) => value.sentences.map((s) => h('p', {class: 'side'},
    h('span', {class: 'who'}, view.outlet(s.document)), ': ', h('b', {}, value.value),
    h('span', {class: 'said'}, s.text)));
  const values = (c) => c.values.map((v, k) => [k ? ' · ' : '', h('b', {}, v.value), ' ',
    h('span', {class: 'outlets'}, outletList(view, v.outlets))]);
  return reportSection('Conflicts',
    'Outlets giving one fact with a different number, date, day, year or rank: each value with the outlets that give it.',
    conflicts.length
      ? h('ul', {class: 'items'}, conflicts.map((c) => citedItem(view, c.values.flatMap((v) => v.sentences),
        `Conflict over the ${c.kind}`, 'li', tag(c.kind), ' ', values(c), c.values.flatMap(side))))
      : emptyNote('No outlet gives a fact with another number, date, day, year or rank.'));
}

function speakerOf(quote) {
  if (!quote.speaker) return h('span', {class: 'muted'}, 'speaker not named');
  const notes = [];
  if (!quote.speaker_named) notes.push('not named');
  if (!quote.speaker_resolved) notes.push('only a pronoun attributes it');
  return h('span', {}, h('span', {class: 'who speaker'}, quote.speaker),
    notes.length ? h('span', {class: 'muted'}, ` (${notes.join('; ')})`) : null);
}

function renderQuotes(quotes, view) {
  const item = (quote) => {
    const count = new Set(quote.outlets).size;
    const wording = count < 2 ? null : quote.identical ? 'identical wording' : 'wording differs';
    return citedItem(view, quote.occurrences, `Quote of ${quote.speaker || 'an unnamed speaker'}`, 'li',
      h('blockquote', {class: 'quote'}, `“${quote.text}”`),
      h('p', {class: 'quote-meta'}, '— ', speakerOf(quote), ' · ',
        h('span', {class: 'carried'}, `carried by ${plural(count, 'outlet')}`), wording ? ` · ${wording}` : null),
      h('ul', {class: 'occurrences', 'aria-label': 'Outlets that print it'}, quote.occurrences.map((o) =>
        h('li', {class: 'occurrence'}, h('span', {class: 'who'}, view.outlet(o.document)),
          o.attribution ? `: ${o.attribution}` : ': no attribution'))),
      !quote.identical && quote.variants.length > 1
        ? h('details', {class: 'variants'}, h('summary', {}, `${quote.variants.length} wordings`),
          h('ul', {}, quote.variants.map((v) => h('li', {}, `“${v}”`))))
        : null);
  };
  return reportSection('Quotes',
    'Every quotation of four words or more, who said it, and the outlets that print it.',
    quotes.length ? h('ol', {class: 'items'}, quotes.map(item)) : emptyNote('No article quotes anyone directly.'));
}

const ENTITY_KINDS = [
  ['person', 'People'], ['place', 'Places'], ['organization', 'Organizations'], ['other', 'Other names'],
];

function renderEntities(entities, view) {
  const row = (entity) => citedItem(view, entity.occurrences, entity.name, 'tr',
    h('th', {scope: 'row', class: 'entity-name'}, entity.name),
    h('td', {class: 'spellings'}, Object.entries(entity.variants).map(([spelling, count]) =>
      h('span', {class: 'spelling'}, spelling, h('span', {class: 'times'}, `×${count}`)))),
    h('td', {class: 'num'}, entity.mentions),
    h('td', {class: 'per-outlet'}, Object.entries(entity.per_document).map(([id, count]) =>
      h('span', {class: 'chip', title: view.outlet(id)}, `[${view.document(id).number}] ${count}`))));
  const tables = ENTITY_KINDS.map(([kind, heading]) => {
    const rows = entities.filter((e) => e.kind === kind);
    if (!rows.length) return null;
    return [h('h3', {}, `${heading} (${rows.length})`),
      h('table', {class: 'report-table entities', 'data-kind': kind},
        h('thead', {}, h('tr', {}, ['name', 'spellings', 'mentions', 'per outlet', 'sources'].map((t) =>
          h('th', {scope: 'col', class: t === 'mentions' ? 'num' : null}, t)))),
        h('tbody', {}, rows.map(row)))];
  });
  return reportSection('Entities',
    'People, places and organizations, with every spelling the outlets use and how often each outlet names them.',
    entities.length ? tables : emptyNote('No name was found.'));
}

function renderReuse(reuse, view) {
  const borrowing = reuse.documents.filter((d) => d.borrowed_words > 0).map((d) => h('li', {},
    h('span', {class: 'who'}, view.outlet(d.document)),
    `: ${Math.round(d.share * 100)}% of its ${d.words} words are shared with other articles`,
    d.sources.length ? `; it took from ${outletList(view, d.sources)}` : null,
    d.shares_with.length ? `; it shares passages with ${outletList(view, d.shares_with)} (direction unknown)` : null));
  const passage = (p) => {
    const copy = view.outlet(p.copy.document);
    const source = view.outlet(p.source.document);
    const refs = [p.copy, p.source].flatMap((span) => span.sentences.map((n) => ({document: span.document, sentence: n})));
    return citedItem(view, refs, 'Reused passage', 'li',
      tag(`${p.kind === 'quotation' ? 'quotation' : 'text'}, ${p.matched_words} words`), ' ',
      p.direction_known
        ? h('span', {class: 'direction'}, h('b', {}, copy), ' took from ', h('b', {}, source))
        : h('span', {class: 'direction'}, h('b', {}, source), ' and ', h('b', {}, copy), ' share it (direction unknown)'),
      h('blockquote', {class: 'passage'}, p.copy.text));
  };
  return reportSection('Text reuse',
    'Passages one article shares word for word, or nearly, with another, and which one copied when that can be told.',
    borrowing.length ? h('ul', {class: 'borrowing'}, borrowing) : null,
    reuse.passages.length ? h('ol', {class: 'items'}, reuse.passages.map(passage))
      : emptyNote("No article reuses another's text."));
}

function renderCoverage(coverage, view) {
  const percent = (share) => `${Math.round(share * 100)}%`;
  const row = (c) => {
    const own = c.exclusive_facts.map((id) => view.fact(id)).filter(Boolean);
    const refs = own.flatMap((fact) => fact.sentences);
    return h('tr', {},
      h('th', {scope: 'row'}, view.outlet(c.document)),
      h('td', {class: 'num'}, c.words), h('td', {class: 'num'}, c.sentences),
      h('td', {class: 'num'}, `${c.facts} (${percent(c.facts_share)})`),
      h('td', {class: 'num'}, `${c.several_outlet_facts} (${percent(c.several_outlet_facts_share)})`),
      h('td', {class: 'num'}, c.exclusive_facts.length,
        refs.length ? [' ', view.citation(refs, {describe: `Facts only ${view.outlet(c.document)} reports`})] : null));
  };
  return reportSection('Coverage',
    'How much of the story each outlet covers: the facts it reports, those several outlets report, ' +
    'and those only it reports (its marker highlights them).',
    h('table', {class: 'report-table coverage'},
      h('thead', {}, h('tr', {}, ['article', 'words', 'sentences kept', 'facts', 'several-outlet facts', 'only it']
        .map((t, index) => h('th', {scope: 'col', class: index ? 'num' : null}, t)))),
      h('tbody', {}, coverage.map(row))));
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
    article.element.querySelector('textarea').focus();
  });
  $('choose-files').addEventListener('click', () => $('file-input').click());
  $('file-input').addEventListener('change', (event) => {
    addFiles([...event.target.files]);
    event.target.value = '';
  });
  $('method').addEventListener('change', describeMethod);
  $('input-form').addEventListener('submit', onSubmit);
  $('check-form').addEventListener('submit', onCheck);
  $('cancel').addEventListener('click', () => state.request && state.request.abort());
  $('tabs').addEventListener('keydown', onTabKey);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && state.pinned) togglePin(state.pinned);
  });
  for (const button of document.querySelectorAll('[data-download]')) {
    button.addEventListener('click', () => download(button.dataset.download));
  }
  setUpDropzone();
  loadSettings();
}

start();
