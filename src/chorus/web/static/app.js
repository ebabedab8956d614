// The chorus page: collect articles, ask the local API, show the result.
//
// A result is {documents, sections}: the articles as chorus split them into
// sentences, and one entry per view of the story, keyed like the API's JSON.
// Each view is a SECTION below: a tab whose renderer turns its data into
// elements. A renderer points at evidence with view.citation(refs), where a
// ref is {document, sentence} (the shape of the summary's `support` items);
// the source articles, shared by every tab, highlight those sentences.
'use strict';

const SECTIONS = [
  {key: 'summary', label: 'Summary', render: renderSummary},
  // The story report adds its views here, one per key of its JSON: facts,
  // conflicts, quotes, entities, reuse, coverage (see fetchResult).
];

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
  for (const child of children.flat()) {
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

async function fetchResult(form, signal) {
  const summary = await (await post('/api/summarize', form, signal)).json();
  // The story report will be fetched alongside and its sections merged here.
  return {documents: summary.documents, sections: {summary}};
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

async function download(format) {
  if (!state.result) return;
  try {
    let blob;
    if (format === 'json') {
      blob = new Blob([JSON.stringify(state.result.sections.summary, null, 2)], {type: 'application/json'});
    } else {
      blob = await (await post('/api/summarize', withFormat(state.lastForm, format))).blob();
    }
    const extension = {html: 'html', markdown: 'md', json: 'json'}[format];
    const link = h('a', {href: URL.createObjectURL(blob), download: `summary.${extension}`});
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
  const view = makeView(result.documents);
  renderSources(result.documents);
  const available = SECTIONS.filter((section) => result.sections[section.key] !== undefined);
  const tabs = available.map((section, index) => h('button', {
    type: 'button', role: 'tab', id: `tab-${section.key}`, 'aria-controls': `panel-${section.key}`,
    'aria-selected': String(index === 0), tabindex: index === 0 ? '0' : '-1',
    onclick: () => selectTab(section.key),
  }, section.label));
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
  setHighlight(null);
  state.pinned = null;
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

// What a renderer may use: the articles, and citation markers tied to them.
function makeView(documents) {
  const byId = new Map(documents.map((d) => [d.id, d]));
  const label = (d) => d.name || d.title || d.id;
  return {
    documents,
    label,
    document: (id) => byId.get(id),
    // A button showing [1, 3] that highlights the given sentences of those articles.
    citation(refs, {describe, linked} = {}) {
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
        linked.addEventListener('mouseenter', () => setHighlight(button));
        linked.addEventListener('mouseleave', () => setHighlight(state.pinned));
        linked.addEventListener('click', () => togglePin(button));
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
      'Point at a citation marker to see which articles carry the sentence, and how they word it.'));
    return;
  }
  const documents = state.result.documents;
  const items = button.refs.map((ref) => {
    const d = documents.find((entry) => entry.id === ref.document);
    if (!d || !d.sentences[ref.sentence]) return null;
    const how = ref.similarity === undefined ? null
      : ref.similarity >= 1 ? 'the sentence quoted in the summary'
      : `a close paraphrase (similarity ${ref.similarity.toFixed(2)})`;
    return h('li', {},
      h('p', {class: 'evidence-source'}, h('span', {class: 'n'}, `[${d.number}]`), ' ', d.name || d.title || d.id,
        h('span', {class: 'evidence-where'}, ` · sentence ${ref.sentence + 1}`)),
      h('blockquote', {}, d.sentences[ref.sentence].text),
      how ? h('p', {class: 'evidence-how'}, how) : null);
  });
  box.replaceChildren(
    h('h3', {}, button.describe ? `${button.describe}: ${plural(new Set(button.refs.map((r) => r.document)).size, 'article')}`
      : 'Supporting sentences'),
    h('ol', {class: 'evidence-list'}, items));
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
