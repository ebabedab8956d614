// The story viewer of chorus: one story's report drawn as tabs, pictures and
// the articles, every item pointing at the sentences it comes from.
//
// The page of `chorus serve` calls ChorusStory.show(report, root) with the
// answer of /api/report; `chorus report --format html` embeds the same JSON
// in a <script type="application/json" id="story-data"> and this file draws
// it on load. The report is the `chorus.report/2` JSON plus each article's
// kept sentences (`article_sentences`), which every {document, sentence}
// reference indexes.
//
// Everything is drawn here (SVG and HTML, no library, nothing fetched), and
// lazily: a tab is built when first opened, long lists come a page at a
// time, the articles below a few at a time, so a 1,000-article report stays
// usable. Nothing sets an inline style attribute (the page's CSP forbids them).
(function () {
  'use strict';

  // ---- settings --------------------------------------------------------------

  const SETTINGS = {
    citationNumbers: 4,     // a marker lists up to this many article numbers, else "12 outlets"
    barBlocks: 12,          // a support bar draws one block per article up to this many
    evidenceShown: 8,       // sentences quoted in the evidence panel before "show all"
    pageSize: 20,           // items of a list shown at first, and per "Show more"
    outletsNamed: 5,        // outlets named in a line before "and 7 more"
    gridRows: 25,           // facts in the grid at first, and per "Show more"
    gridColumns: 100,       // outlets in the grid at first, and per "Show more"
    gridCell: {min: 8, max: 28, height: 20},
    gridNamedCell: 16,      // px: columns at least this wide are headed by the outlet's name, slanted; narrower, by its number
    gridNameChars: 24,      // characters of an outlet's name over its column
    gridLabelShare: 0.7,    // the facts' labels take at most this share of the grid's width
    graphNodes: 30,         // articles in the copy graph at most
    graphPairHeight: 130,   // px: a graph of two articles, one above the other (a ring would be 440 px of line)
    graphCharWidth: 6.6,    // px a character of a node's label takes (11 px type)
    graphLabelBand: 7,      // px above and below a label's baseline centre that its letters take
    graphLabelFewest: 4,    // characters: a label with room for fewer is left out (the node keeps its number and tooltip)
    timelineFacts: 60,      // facts placed on the timeline at most
    timelineDots: 80,       // more articles (or facts) than this, or stacked higher than
    timelineLevels: 8,      // this, are drawn as bars counting them
    timelineBin: 6,         // px of time per bar
    timelineBarWidest: 12,  // px: a bar with room around it is drawn this wide at most
    tickCharWidth: 6.2,     // px a character of a tick's label takes (11 px type)
    articlesShown: 6,       // source articles drawn at first, and per "Show more"
    chipsShown: 6,          // per-outlet counts shown before "+N"
    spellingsShown: 12,     // spellings of a name shown before "+N"
    wideLayout: 900,        // px: below this the evidence panel is a bottom sheet
  };

  // The report's wording (title; each section's tab, title, lead and empty note),
  // written in from chorus.render.wording, which the Markdown report reads too.
  const WORDING = /*chorus:wording*/null;
  const TEXT = WORDING.sections;
  // "[2] Reuters says 1,500" (a dispute), "[1] Xinhua earlier said 7,085" (an update): wording.other_value.
  const otherValue = (name, values, when) => `${name} ${WORDING.other_value[when || '']} ${values}`;

  const SVG_NS = 'http://www.w3.org/2000/svg';

  // ---- building elements -----------------------------------------------------

  // h('p', {class: 'x', onclick: f}, 'text', child...)
  function h(tag, attributes, ...children) {
    return fill(document.createElement(tag), attributes, children);
  }

  function s(tag, attributes, ...children) {
    return fill(document.createElementNS(SVG_NS, tag), attributes, children);
  }

  function fill(element, attributes, children) {
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
      else element.setAttribute(name, value === true ? '' : value);
    }
    for (const child of children.flat(Infinity)) {
      if (child !== null && child !== undefined && child !== false) {
        element.append(child instanceof Node ? child : String(child));
      }
    }
    return element;
  }

  function plural(count, word, many) {
    return `${count} ${count === 1 ? word : (many || word + 's')}`;
  }

  function truncate(text, chars) {
    return text.length <= chars ? text : text.slice(0, Math.max(chars - 1, 1)).trimEnd() + '…';
  }

  // Cut at a word, within `chars` characters: "Russian … Meets Hamas…".
  function cutAtWord(text, chars) {
    if (text.length <= chars) return text;
    let kept = '';
    for (const word of text.split(/\s+/)) {
      const next = kept ? `${kept} ${word}` : word;
      if (next.length > chars - 1) break;
      kept = next;
    }
    // An elision kept last is dropped before the cut's own ("Associated…", not "Associated ……").
    return kept ? kept.replace(/[\s,;:…]+$/, '') + '…' : truncate(text, chars);
  }

  // Labels cut to `chars` characters (one number for all, or one per label) that can still be told
  // apart: where two would read alike once cut (Lavrov's "Russian Foreign Minist…" twice, one of them a
  // headline, one a lede), the words they open with alike are elided after the first
  // ("Russian … Meets Hamas…", "“Russian … Sergei Lavrov…"), or all of them when even the first has
  // no room ("… 1999-05-04").
  function distinctCuts(labels, chars) {
    const limit = (i) => (Array.isArray(chars) ? chars[i] : chars);
    const key = (text) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    const cut = labels.map((label, i) => truncate(label, limit(i)));
    const keys = cut.map(key);
    const words = labels.map((label) => label.split(/\s+/));
    return cut.map((short, i) => {
      if (short === labels[i]) return short;
      const alike = keys.map((k, j) => j).filter((j) => j !== i && labels[j] !== labels[i] &&
        (keys[j].startsWith(keys[i]) || keys[i].startsWith(keys[j])));
      if (!alike.length) return short;
      let shared = 0; // the most opening words this label has in common with one it reads like
      for (const j of alike) {
        let n = 0;
        while (n < words[i].length && n < words[j].length && key(words[i][n]) === key(words[j][n])) n += 1;
        shared = Math.max(shared, n);
      }
      if (shared < 2 || shared >= words[i].length) return short;
      const rest = words[i].slice(shared).join(' ');
      const elided = `${words[i][0]} … ${rest}`;
      // No room for the opening word as well: the words that tell it apart ("… 1999-05-04", not
      // "Associated…" beside nine other "Associated…" on a phone).
      if (elided.length <= limit(i)) return elided;
      if (rest.length + 2 <= limit(i)) return `… ${rest}`;
      const cutElided = cutAtWord(elided, limit(i));
      return cutElided.length > words[i][0].length + 1 ? cutElided : `… ${cutAtWord(rest, limit(i) - 2)}`;
    });
  }

  function percent(share) {
    return `${Math.round(share * 100)}%`;
  }

  // How many of `left` items the next page shows: all of them when only a few would be left over.
  function pageLength(left, size) {
    return left <= size * 1.25 ? left : size;
  }

  // The "show more" button's words: "Show 20 more facts (35 not shown)", or, when the next page is all
  // that is left, "Show the remaining 24 facts" (not "Show 24 more (24 not shown)").
  function moreLabel(next, left, noun, where = '', note = '') {
    const nouns = (n) => (n === 1 ? noun : noun + 's');
    if (next >= left) return left === 1 ? `Show the remaining ${noun}${where}` : `Show the remaining ${left} ${nouns(left)}${where}`;
    return `Show ${next} more ${nouns(next)}${where} (${left} not shown${note})`;
  }

  // A list drawn a page at a time: `render(item, index)` makes each element.
  function paged(items, render, {size = SETTINGS.pageSize, tag = 'ol', className = 'items', noun = 'item'} = {}) {
    const list = h(tag, {class: className});
    const more = h('button', {type: 'button', class: 'button secondary more'});
    let shown = 0;
    const step = () => {
      const next = items.slice(shown, shown + pageLength(items.length - shown, size));
      list.append(...next.map((item, i) => render(item, shown + i)));
      shown += next.length;
      const left = items.length - shown;
      more.hidden = left <= 0;
      more.textContent = moreLabel(pageLength(left, size), left, noun);
    };
    more.addEventListener('click', step);
    step();
    return h('div', {class: 'paged'}, list, more);
  }

  // A <details> whose content is made when it is first opened.
  function lazyDetails(className, summary, content) {
    const details = h('details', {class: className}, h('summary', {}, summary));
    details.addEventListener('toggle', () => {
      if (details.open && !details.dataset.drawn) {
        details.dataset.drawn = 'true';
        details.append(...[content()].flat());
      }
    });
    return details;
  }

  // "Ledger, WireNow and 7 more": the first few named, the rest behind a button.
  function namedList(model, ids, {className = 'outlets'} = {}) {
    const names = ids.map((id) => model.outletName(id));
    const line = h('span', {class: className});
    if (names.length <= SETTINGS.outletsNamed + 1) {
      line.append(names.join(', '));
      return line;
    }
    const rest = names.length - SETTINGS.outletsNamed;
    const button = h('button', {type: 'button', class: 'button link expand', 'aria-expanded': 'false'},
      `and ${rest} more`);
    button.addEventListener('click', (event) => {
      event.stopPropagation();
      line.replaceChildren(names.join(', '));
    });
    line.append(names.slice(0, SETTINGS.outletsNamed).join(', '), ' ', button);
    return line;
  }

  // Shared SVG definitions: the hatching of copies and the arrowhead of the copy graph.
  function ensureDefinitions() {
    if (document.getElementById('chorus-defs')) return;
    const defs = s('svg', {id: 'chorus-defs', class: 'defs', width: 0, height: 0, 'aria-hidden': 'true', focusable: 'false'},
      s('defs', {},
        s('pattern', {id: 'chorus-hatch', width: 4, height: 4, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)'},
          s('rect', {width: 4, height: 4, class: 'hatch-ground'}),
          s('line', {x1: 0, y1: 0, x2: 0, y2: 4, class: 'hatch-line'})),
        s('marker', {id: 'chorus-arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 11, markerHeight: 11,
          markerUnits: 'userSpaceOnUse', orient: 'auto-start-reverse'},
        s('path', {d: 'M0,0 L10,5 L0,10 z', class: 'arrow-head'}))));
    document.body.append(defs);
  }

  // ---- the model: the report with lookups ------------------------------------

  function parseDate(text) {
    if (!text) return null;
    let value = String(text).trim();
    const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
    if (dateOnly) value += 'T00:00:00Z';
    else if (/T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value)) value += 'Z'; // no offset given: read as UTC
    const time = Date.parse(value);
    return Number.isNaN(time) ? null : {time, dateOnly};
  }

  function formatDate(date, withTime) {
    const d = new Date(date.time);
    const day = `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
    if (!withTime || date.dateOnly) return day;
    return `${day} ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
  }

  // One entry per disputed fact: each value and the outlets that give it. The
  // report may list conflicts as pairs (a, b) or already grouped ({values});
  // pairs of one fact, or sharing a sentence, become one group.
  function groupConflicts(conflicts) {
    const groups = [];
    const byKey = new Map();
    for (const conflict of conflicts) {
      if (Array.isArray(conflict.values)) {
        groups.push({
          kind: conflict.kind, fact: conflict.fact ?? null,
          values: conflict.values.map((v) => {
            const refs = v.sentences || v.refs || [];
            return {value: v.value, refs, outlets: v.outlets || [...new Set(refs.map((r) => r.document))]};
          }),
        });
        continue;
      }
      const sides = [conflict.a, conflict.b];
      const keys = conflict.fact !== null && conflict.fact !== undefined
        ? [`${conflict.kind}|fact ${conflict.fact}`]
        : sides.map((side) => `${conflict.kind}|${side.document}/${side.sentence}`);
      let group = keys.map((k) => byKey.get(k)).find(Boolean);
      if (!group) {
        group = {kind: conflict.kind, fact: conflict.fact ?? null, values: []};
        groups.push(group);
      }
      for (const k of keys) byKey.set(k, group);
      for (const side of sides) {
        const normal = String(side.value).toLowerCase();
        let entry = group.values.find((v) => String(v.value).toLowerCase() === normal);
        if (!entry) {
          entry = {value: side.value, refs: [], outlets: []};
          group.values.push(entry);
        }
        if (!entry.refs.some((r) => r.document === side.document && r.sentence === side.sentence)) entry.refs.push(side);
        if (!entry.outlets.includes(side.document)) entry.outlets.push(side.document);
      }
    }
    for (const group of groups) group.values.sort((a, b) => b.outlets.length - a.outlets.length);
    return groups;
  }

  // Which articles copy which (the report's `families`: copies of one story,
  // and rewrites stitched from others): for each article, the articles whose
  // statements it only repeats, and how to say so.
  function describeCopies(families, byId) {
    const peers = new Map();   // id -> ids it copies (a statement is a copy when one of them states it too)
    const roles = new Map();   // id -> {kind: 'copy'|'rewrite'|'original', of: [ids]}
    for (const rewrite of families.rewrites || []) {
      const sources = Object.keys(rewrite.sources || {}).filter((id) => byId.has(id));
      peers.set(rewrite.document, sources);
      roles.set(rewrite.document, {kind: 'rewrite', of: sources, share: rewrite.share});
    }
    for (const family of families.copies || []) {
      const members = family.members.filter((m) => byId.has(m)); // the original first, when it is known
      members.forEach((id, index) => {
        if (index === 0) {
          roles.set(id, {kind: 'original', of: members.slice(1), known: family.original !== null});
        } else {
          peers.set(id, members.slice(0, index));
          roles.set(id, {kind: 'copy', of: family.original ? [family.original] : members.filter((m) => m !== id)});
        }
      });
    }
    return {peers, roles};
  }

  function buildModel(report) {
    const documents = report.documents.map((d) => ({
      ...d,
      sentences: Array.isArray(d.article_sentences) ? d.article_sentences : Array.isArray(d.sentences) ? d.sentences : [],
      label: d.label || d.name || d.title || d.id,
      date: parseDate(d.published),
    }));
    const byId = new Map(documents.map((d) => [d.id, d]));
    const facts = report.facts || [];
    const factById = new Map(facts.map((f) => [f.id, f]));
    const conflicts = groupConflicts(report.conflicts || []);
    // Counts that changed over the articles' days (a toll that rose): updates, listed apart, not conflicts.
    const updates = groupConflicts(report.updates || []);
    const values = new Map(); // fact id -> Map(document id -> the value it gives)
    for (const group of conflicts) {
      if (group.fact === null) continue;
      const byOutlet = values.get(group.fact) || new Map();
      for (const v of group.values) for (const id of v.outlets) byOutlet.set(id, v.value);
      values.set(group.fact, byOutlet);
    }
    const copies = describeCopies(report.families || {}, byId);
    const reuse = report.reuse || {passages: [], documents: []};
    const summary = {...report.summary, warnings: report.warnings || []};
    const model = {
      report, documents, byId, facts, factById, conflicts, updates, values, copies, reuse, summary,
      quotes: report.quotes || [], entities: report.entities || [], coverage: report.coverage || [],
      pairs: reusePairs(reuse.passages || []),
      document: (id) => byId.get(id),
      fact: (id) => factById.get(id),
      // "[2] Haaretz": how an article is named in a list.
      outletName: (id) => {
        const d = byId.get(id);
        return d ? `[${d.number}] ${d.label}` : String(id);
      },
      // How an outlet stands to a fact: states it (on its own or as a copy), gives another value, or is silent.
      cell(fact, id) {
        if ((fact.disputing || []).includes(id)) {
          const given = values.get(fact.id);
          return {state: 'disputed', value: given && given.has(id) ? given.get(id) : 'another value'};
        }
        // Another day's count of a toll: an update, as the conflicts section lists it, not a dispute.
        if ((fact.updating || []).includes(id)) return {state: 'updated'};
        const stating = fact.stating || fact.outlets;
        if (!stating.includes(id)) return {state: 'silent'};
        const from = (copies.peers.get(id) || []).filter((p) => stating.includes(p));
        return from.length ? {state: 'copy', from} : {state: 'states'};
      },
    };
    return model;
  }

  // Reused passages grouped by pair of articles: who took how much from whom.
  function reusePairs(passages) {
    const pairs = new Map();
    for (const p of passages) {
      const key = p.direction_known ? `${p.copy.document}>${p.source.document}`
        : [p.copy.document, p.source.document].sort().join('~');
      let pair = pairs.get(key);
      if (!pair) {
        pair = {copy: p.copy.document, source: p.source.document, directed: p.direction_known, passages: [], words: 0};
        pairs.set(key, pair);
      }
      pair.passages.push(p);
      pair.words += p.matched_words;
    }
    return [...pairs.values()].sort((a, b) => b.words - a.words);
  }

  // ---- the viewer ----------------------------------------------------------------

  const SECTIONS = [
    {key: 'summary', label: TEXT.summary.tab, render: renderSummary},
    {key: 'facts', label: TEXT.facts.tab, count: (m) => m.facts.length, render: renderFacts},
    {key: 'conflicts', label: TEXT.conflicts.tab, count: (m) => m.conflicts.length, render: renderConflicts},
    {key: 'quotes', label: TEXT.quotes.tab, count: (m) => m.quotes.length, render: renderQuotes},
    {key: 'entities', label: TEXT.entities.tab, count: (m) => m.entities.length, render: renderEntities},
    {key: 'reuse', label: TEXT.reuse.tab, count: (m) => m.pairs.length, render: renderReuse},
    {key: 'timeline', label: TEXT.timeline.tab, count: (m) => m.documents.filter((d) => d.date).length, render: renderTimeline},
    {key: 'coverage', label: TEXT.coverage.tab, render: renderCoverage},
  ];

  const state = {
    root: null,
    model: null,
    pinned: null,      // the citation whose highlight stays
    shownArticles: 0,
    timings: {},       // tab key -> milliseconds its first drawing took
  };

  function show(report, root) {
    ensureDefinitions();
    const started = performance.now();
    const model = buildModel(report);
    state.root = root;
    state.model = model;
    state.pinned = null;
    state.timings = {};
    const tabs = SECTIONS.map((section, index) => {
      const count = section.count ? section.count(model) : null;
      return h('button', {
        type: 'button', role: 'tab', id: `tab-${section.key}`, 'aria-controls': `panel-${section.key}`,
        'aria-selected': String(index === 0), tabindex: index === 0 ? '0' : '-1',
        class: count === 0 ? 'empty' : null, onclick: () => selectTab(section.key),
      }, section.label, count === null ? null : h('span', {class: 'count'}, count));
    });
    const panels = SECTIONS.map((section, index) => h('div', {
      role: 'tabpanel', id: `panel-${section.key}`, class: 'tab-panel', 'aria-labelledby': `tab-${section.key}`,
      tabindex: '-1', hidden: index !== 0,
    }));
    const tablist = h('div', {id: 'tabs', class: 'tabs', role: 'tablist', 'aria-label': 'Views of the story',
      onkeydown: onTabKey}, tabs);
    const evidence = h('aside', {id: 'evidence', class: 'evidence', 'aria-label': 'Evidence'},
      h('div', {class: 'evidence-head'},
        h('h3', {id: 'evidence-title'}, 'Evidence'),
        h('button', {type: 'button', class: 'button link close', 'aria-label': 'Close the evidence',
          onclick: () => clearPin()}, 'Close')),
      h('div', {id: 'evidence-body', class: 'evidence-body', 'aria-live': 'polite'}));
    const sources = h('section', {id: 'sources-section', class: 'sources-section', 'aria-labelledby': 'sources-title'},
      h('div', {class: 'sources-head'},
        h('h2', {id: 'sources-title'}, `Source articles (${model.documents.length})`),
        h('p', {class: 'hint'}, 'Point at or tab to a citation marker, or point at an item of the report, to highlight ' +
          'the sentences it comes from; click or press Enter to keep them highlighted, Escape to let go.')),
      h('div', {id: 'sources', class: 'sources'}),
      h('button', {type: 'button', id: 'more-articles', class: 'button secondary more', onclick: () => showMoreArticles()}));
    root.replaceChildren(h('div', {class: 'story'},
      h('div', {class: 'tabs-wrap'}, tablist),
      h('div', {class: 'story-layout'}, h('div', {id: 'panels', class: 'panels'}, panels), evidence),
      sources));
    state.shownArticles = 0;
    showMoreArticles();
    showEvidence(null);
    drawPanel(SECTIONS[0]);
    state.timings.show = performance.now() - started;
    return {
      sentences: model.summary.sentences.length,
      articles: model.documents.length,
      facts: model.facts.length,
      conflicts: model.conflicts.length,
    };
  }

  function drawPanel(section) {
    const panel = document.getElementById(`panel-${section.key}`);
    if (panel.dataset.drawn) return panel;
    const started = performance.now();
    panel.dataset.drawn = 'true';
    panel.append(section.render(state.model, panel));
    state.timings[section.key] = performance.now() - started;
    return panel;
  }

  function selectTab(key, {focus = true} = {}) {
    const section = SECTIONS.find((entry) => entry.key === key);
    if (!section) return;
    for (const tab of document.querySelectorAll('#tabs [role=tab]')) {
      const selected = tab.id === `tab-${key}`;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      if (selected) {
        if (focus) tab.focus();
        tab.scrollIntoView({block: 'nearest', inline: 'nearest'});
      }
    }
    for (const panel of document.getElementById('panels').children) panel.hidden = panel.id !== `panel-${key}`;
    drawPanel(section);
    clearPin();
  }

  function onTabKey(event) {
    const tabs = [...document.querySelectorAll('#tabs [role=tab]')];
    const current = tabs.indexOf(document.activeElement);
    if (current < 0) return;
    const moves = {ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: tabs.length - 1};
    if (!(event.key in moves)) return;
    event.preventDefault();
    const next = tabs[(moves[event.key] + tabs.length) % tabs.length];
    selectTab(next.id.replace(/^tab-/, ''));
  }

  // ---- citations: what an item points at ------------------------------------------

  function uniqueRefs(refs) {
    const seen = new Set();
    const byId = state.model.byId;
    return refs
      .filter((r) => byId.has(r.document))
      .filter((r) => {
        const key = `${r.document}/${r.sentence}`;
        return !seen.has(key) && seen.add(key);
      })
      .sort((a, b) => byId.get(a.document).number - byId.get(b.document).number || a.sentence - b.sentence);
  }

  // A target of highlighting: the sentences `refs` point at, described for the evidence panel.
  function evidenceOf(refs, describe, extra = {}) {
    return {refs: uniqueRefs(refs), describe: describe || null, ...extra};
  }

  // The marker of an item: [1, 3] (or [12 outlets]) that highlights its sentences;
  // pointing at or clicking `linked` (the item) does too.
  // `numbered`: the refs whose articles the marker lists, when not all (the articles that
  // give another value are quoted in the evidence, not counted as support).
  function citation(refs, {describe, linked, extra, content, numbered} = {}) {
    const target = evidenceOf(refs, describe, extra);
    const model = state.model;
    const numbers = [...new Set(uniqueRefs(numbered || refs).map((r) => model.byId.get(r.document).number))]
      .sort((a, b) => a - b);
    const labels = numbers.map((n) => model.documents[n - 1].label);
    const text = numbers.length <= SETTINGS.citationNumbers ? `[${numbers.join(', ')}]` : `[${numbers.length} outlets]`;
    const named = labels.length > 10 ? labels.slice(0, 10).join('; ') + `; and ${labels.length - 10} more` : labels.join('; ');
    const button = h('button', {
      type: 'button', class: 'cite', 'aria-pressed': 'false',
      title: `Supported by ${plural(numbers.length, 'article')}: ${named}`,
    }, h('span', {class: 'cite-numbers'}, text), content || null);
    // The name a screen reader says starts with what the marker shows, then says what it means.
    button.setAttribute('aria-label', `${button.textContent.trim()}: ${describe ? describe + ', ' : ''}` +
      `supported by ${plural(numbers.length, 'article')}` + (labels.length <= 10 ? ` (${labels.join(', ')})` : ''));
    target.button = button;
    target.linked = linked || null;
    button.addEventListener('mouseenter', () => setHighlight(target, {scroll: true}));
    button.addEventListener('mouseleave', () => setHighlight(state.pinned));
    button.addEventListener('focus', () => setHighlight(target, {scroll: true, focus: true}));
    button.addEventListener('blur', () => setHighlight(state.pinned));
    button.addEventListener('click', (event) => {
      event.stopPropagation();
      togglePin(target);
    });
    if (linked) link(linked, target);
    return button;
  }

  // Pointing at an element shows `target`; clicking it keeps it.
  function link(element, target) {
    element.classList.add('linked');
    element.addEventListener('mouseenter', () => setHighlight(target));
    element.addEventListener('mouseleave', () => setHighlight(state.pinned));
    element.addEventListener('click', (event) => {
      if (event.target.closest('button, a, summary')) return; // a control inside the item is its own
      togglePin(target);
    });
  }

  function togglePin(target) {
    const previous = state.pinned;
    if (previous && previous.button) previous.button.setAttribute('aria-pressed', 'false');
    state.pinned = previous === target ? null : target;
    if (state.pinned && state.pinned.button) state.pinned.button.setAttribute('aria-pressed', 'true');
    setHighlight(state.pinned, {scroll: true});
  }

  function clearPin() {
    if (state.pinned && state.pinned.button) state.pinned.button.setAttribute('aria-pressed', 'false');
    state.pinned = null;
    setHighlight(null);
  }

  function sentenceAnchor(documentNumber, sentence) {
    return `src-${documentNumber}-${sentence}`;
  }

  // `focus`: the target was reached with the keyboard, which shows the evidence sheet on a phone
  // (pointing does not, so that the sheet never covers what the pointer is on).
  function setHighlight(target, {scroll = false, focus = false} = {}) {
    for (const element of document.querySelectorAll('.hit, .active, .cited')) {
      element.classList.remove('hit', 'active', 'cited');
    }
    const story = state.root && state.root.querySelector('.story');
    if (story) {
      story.classList.toggle('has-pin', Boolean(state.pinned));
      story.classList.toggle('has-focus', Boolean(target && focus));
    }
    showEvidence(target);
    if (!target || !state.model) return;
    if (target.button) target.button.classList.add('active');
    if (target.linked) target.linked.classList.add('active');
    const firstHit = new Map();
    for (const ref of target.refs) {
      const d = state.model.byId.get(ref.document);
      const sentence = d && document.getElementById(sentenceAnchor(d.number, ref.sentence));
      if (!sentence) continue; // its article is not drawn yet: the evidence panel quotes it
      sentence.classList.add('hit');
      const column = sentence.closest('.doc');
      column.classList.add('cited');
      if (!firstHit.has(column)) firstHit.set(column, sentence);
    }
    if (scroll) {
      // Scroll each article's own box, never the page, so the marker stays put.
      for (const [column, sentence] of firstHit) {
        const body = column.querySelector('.doc-body');
        body.scrollTop = Math.max(sentence.offsetTop - body.clientHeight / 3, 0);
      }
    }
  }

  // The sentences a target points at, quoted in the evidence panel with their outlets.
  // On a desktop the evidence is sticky beside the tab, but a sticky box cannot leave the tab's area:
  // near the end of a long tab a tall evidence (the last of a page of names, quoted eight times) was
  // pushed up, its heading off the top of the window. Where the tab is the taller, the evidence keeps
  // to the room between its sticky top and the tab's end (its quotes scroll inside it); it is measured
  // afresh when it changes, the window scrolls or resizes, or another tab is opened.
  function fitEvidence() {
    const evidence = document.getElementById('evidence');
    const panels = document.getElementById('panels');
    if (!evidence || !panels) return;
    evidence.style.maxHeight = '';
    const style = getComputedStyle(evidence);
    if (style.position !== 'sticky') return; // a phone's sheet is fixed to the bottom of the screen
    const room = panels.getBoundingClientRect().bottom - (parseFloat(style.top) || 0);
    if (panels.offsetHeight > evidence.offsetHeight && room < evidence.offsetHeight) {
      evidence.style.maxHeight = `${Math.max(Math.floor(room), 0)}px`;
    }
  }

  let fitting = false;
  function fitEvidenceSoon() {
    if (fitting) return;
    fitting = true;
    requestAnimationFrame(() => {
      fitting = false;
      fitEvidence();
    });
  }

  function showEvidence(target) {
    const body = document.getElementById('evidence-body');
    const title = document.getElementById('evidence-title');
    if (!body) return;
    if (!target) {
      title.textContent = 'Evidence';
      body.replaceChildren(h('p', {class: 'hint'},
        'Point at a citation marker, an item or a cell of a picture to see which articles carry it, and how they word it.'));
      fitEvidence();
      return;
    }
    const model = state.model;
    const articles = new Set(target.refs.map((r) => r.document)).size;
    title.textContent = target.describe ? `${target.describe}: ${plural(articles, 'article')}` : 'Supporting sentences';
    const list = h('ol', {class: 'evidence-list'});
    const item = (ref) => {
      const d = model.byId.get(ref.document);
      const sentence = d.sentences[ref.sentence];
      if (!sentence) return null;
      const how = ref.similarity !== undefined
        ? (ref.similarity >= 1 ? 'the sentence quoted in the summary' : `a close paraphrase (similarity ${ref.similarity.toFixed(2)})`)
        : ref.value !== undefined ? `says ${ref.value}`
        : ref.attribution ? `attributed: ${ref.attribution}` : null;
      const role = model.copies.roles.get(d.id);
      return h('li', {},
        h('p', {class: 'evidence-source'}, h('span', {class: 'n'}, `[${d.number}]`), ' ', d.label,
          h('span', {class: 'evidence-where'}, dateNotInLabel(d) ? ` · ${dateNotInLabel(d)}` : '',
            ` · sentence ${ref.sentence + 1}`),
          role && (role.kind === 'copy' || role.kind === 'rewrite') ? h('span', {class: 'tag copy'}, 'copy') : null),
        h('blockquote', {}, sentence.text),
        how ? h('p', {class: 'evidence-how'}, how) : null,
        isDrawn(d) ? null : h('button', {type: 'button', class: 'button link', onclick: () => revealArticle(d, ref)},
          'Show it in the article'));
    };
    const first = target.refs.slice(0, SETTINGS.evidenceShown);
    list.append(...first.map(item).filter(Boolean));
    const rest = target.refs.length - first.length;
    const extra = [];
    if (target.note) extra.push(h('p', {class: 'evidence-note'}, target.note));
    if (rest > 0) {
      const more = h('button', {type: 'button', class: 'button link'}, `Show all ${target.refs.length} sentences`);
      more.addEventListener('click', () => {
        list.append(...target.refs.slice(first.length).map(item).filter(Boolean));
        more.remove();
        fitEvidence();
      });
      extra.push(more);
    }
    body.replaceChildren(...extra.filter((e) => e.classList.contains('evidence-note')), list,
      ...extra.filter((e) => !e.classList.contains('evidence-note')));
    fitEvidence();
  }

  // ---- the source articles, a few at a time ------------------------------------------

  function isDrawn(d) {
    return d.number <= state.shownArticles;
  }

  function showMoreArticles(upTo) {
    const model = state.model;
    const container = document.getElementById('sources');
    const next = state.shownArticles + pageLength(model.documents.length - state.shownArticles, SETTINGS.articlesShown);
    const end = Math.min(model.documents.length, Math.max(upTo || 0, next));
    container.append(...model.documents.slice(state.shownArticles, end).map(articleCard));
    state.shownArticles = end;
    const left = model.documents.length - end;
    const more = document.getElementById('more-articles');
    more.hidden = left <= 0;
    more.textContent = moreLabel(pageLength(left, SETTINGS.articlesShown), left, 'article');
  }

  function revealArticle(d, ref) {
    showMoreArticles(d.number);
    setHighlight(state.pinned || evidenceOf([ref], d.label));
    const sentence = document.getElementById(sentenceAnchor(d.number, ref.sentence));
    if (sentence) {
      sentence.closest('.doc').scrollIntoView({block: 'nearest'});
      const body = sentence.closest('.doc-body');
      body.scrollTop = Math.max(sentence.offsetTop - body.clientHeight / 3, 0);
    }
  }

  function roleNote(model, d) {
    const role = model.copies.roles.get(d.id);
    if (!role) return null;
    const names = role.of.map((id) => `[${model.byId.get(id).number}]`).join(', ');
    if (role.kind === 'rewrite') return h('p', {class: 'doc-role copy'}, `Stitched from ${names} (${percent(role.share)} of its runs of words are theirs)`);
    if (role.kind === 'copy') return h('p', {class: 'doc-role copy'}, `A copy of ${names}`);
    return h('p', {class: 'doc-role'}, `${role.known ? 'The original' : 'One'} of a story ${names} copied`);
  }

  // The article's day (and time) for a line beside its label, unless the label says it already
  // ("Associated Press, 1999-07-07" names the day).
  function dateNotInLabel(d, withTime) {
    if (!d || !d.date) return null;
    const dated = formatDate(d.date, withTime);
    return d.label.includes(dated) ? null : dated;
  }

  function articleCard(d) {
    const model = state.model;
    const paragraphs = [];
    d.sentences.forEach((sentence, index) => {
      if (!paragraphs[sentence.paragraph]) paragraphs[sentence.paragraph] = [];
      paragraphs[sentence.paragraph].push(h('span', {id: sentenceAnchor(d.number, index), class: 'sentence'}, sentence.text), ' ');
    });
    // What the label does not say already ("Reuters, 2015-08-03" names the outlet and the day).
    const meta = [d.outlet && !d.label.startsWith(d.outlet) ? d.outlet : null, d.byline, dateNotInLabel(d, true),
      `${d.words} words`, d.name && d.name !== d.label && d.name !== d.title ? d.name : null].filter(Boolean);
    return h('article', {class: 'doc', 'aria-label': `Article ${d.number}: ${d.label}`},
      h('header', {class: 'doc-head'},
        h('h3', {}, h('span', {class: 'n'}, `[${d.number}]`), ' ', d.label),
        d.title && d.title !== d.label ? h('p', {class: 'doc-title'}, d.title) : null,
        h('p', {class: 'doc-meta'}, meta.join(' · ')),
        roleNote(model, d)),
      h('div', {class: 'doc-body', tabindex: '0', role: 'region', 'aria-label': `Text of article ${d.number}`},
        d.subtitle ? h('p', {class: 'standfirst'}, d.subtitle) : null,
        paragraphs.filter(Boolean).map((sentences) => h('p', {}, sentences))));
  }

  // ---- pictures ------------------------------------------------------------------------

  // A picture wider than its box scrolls sideways inside it (50 outlets' columns on a phone): the box is
  // then a named region in the tab order, so that the keyboard can scroll it too; a box that fits is not.
  function scrollingBox(box, name) {
    requestAnimationFrame(() => {
      if (box.scrollWidth > box.clientWidth + 1) {
        fill(box, {tabindex: '0', role: 'region', 'aria-label': `${name} (scrolls sideways)`}, []);
      } else {
        for (const attribute of ['tabindex', 'role', 'aria-label']) box.removeAttribute(attribute);
      }
    });
    return box;
  }

  // The width a picture may take: its panel's, less its padding.
  function widthOf(panel) {
    return Math.max(Math.floor(panel.clientWidth || state.root.clientWidth || 600), 260);
  }

  // A summary sentence's support: one block per independent source, lighter
  // hatched blocks for the articles that only repeat one, red ones for the
  // articles that give another value. A single source is drawn in amber.
  function sentenceSupport(sentence) {
    const stating = sentence.support_count ?? (sentence.support || []).length;
    return supportBar(stating, sentence.independent_sources ?? stating,
      new Set((sentence.contradicted_by || []).map((c) => c.document)).size);
  }

  function factSupport(fact) {
    const stating = (fact.stating || fact.outlets).length;
    return supportBar(stating, fact.independent_sources ?? stating, (fact.disputing || []).length);
  }

  function supportBar(stating, independentSources, disputing) {
    const independent = Math.min(independentSources, stating);
    const repeats = stating - independent;
    const total = stating + disputing;
    const single = independent <= 1;
    const blocks = [];
    let x = 0;
    // Up to SETTINGS.barBlocks articles, one block each; more, one bar of 60 px split in proportion.
    const many = total > SETTINGS.barBlocks;
    const block = 6;
    const gap = many ? 0 : 1.5;
    const add = (count, kind) => {
      if (!count) return;
      const widths = many ? [(60 * count) / total] : Array(count).fill(block);
      for (const width of widths) {
        blocks.push(s('rect', {x, y: 0, width, height: 10, rx: 1, class: `seg ${kind}`}));
        x += width + gap;
      }
    };
    add(independent, single ? 'single' : 'independent');
    add(repeats, 'repeat');
    add(disputing, 'disputing');
    const words = [single ? 'single source' : `${independent} independent sources`];
    if (repeats) words.push(`${repeats} repeating`);
    if (disputing) words.push(`${disputing} ${disputing === 1 ? 'disagrees' : 'disagree'}`);
    const picture = s('svg', {class: 'support-bar', width: Math.max(x - gap, 1), height: 10, viewBox: `0 0 ${Math.max(x - gap, 1)} 10`,
      'aria-hidden': 'true', focusable: 'false'}, blocks);
    return {
      element: h('span', {class: `support${single ? ' single' : ''}${disputing ? ' disputed' : ''}`},
        picture, h('span', {class: 'support-words'}, words.join(' · '))),
      words: words.join(', '),
      single,
    };
  }

  function legend(entries) {
    return h('ul', {class: 'legend', 'aria-label': 'Legend'}, entries.map(([kind, text]) =>
      h('li', {}, s('svg', {width: 12, height: 12, viewBox: '0 0 12 12', 'aria-hidden': 'true', focusable: 'false'},
        s('rect', {x: 0.5, y: 0.5, width: 11, height: 11, rx: 2, class: kind})), ' ', text)));
  }

  // Outlet × fact: one row per fact, one column per outlet; a cell says
  // whether the outlet states the fact, repeats it as a copy, gives another
  // value, or says nothing of it. Rows come a page at a time; past
  // SETTINGS.gridColumns outlets, the columns too (the outlets that report
  // most of the facts first, in their order).
  function factGrid(model, panel) {
    const wrap = h('div', {class: 'grid-wrap'});
    const box = h('div', {class: 'picture-scroll'});
    const moreRows = h('button', {type: 'button', class: 'button secondary more', 'data-more': 'rows'});
    const moreColumns = h('button', {type: 'button', class: 'button secondary more', 'data-more': 'columns'});
    const facts = model.facts;
    const reported = new Map(model.documents.map((d) => [d.id, 0]));
    for (const fact of facts) for (const id of fact.outlets) reported.set(id, (reported.get(id) || 0) + 1);
    const byReach = [...model.documents].sort((a, b) => reported.get(b.id) - reported.get(a.id) || a.number - b.number);
    let rows = 0;
    let columns = 0;
    const draw = () => {
      const shown = byReach.slice(0, columns).sort((a, b) => a.number - b.number);
      box.replaceChildren(gridPicture(model, facts.slice(0, rows), shown, widthOf(panel)));
      scrollingBox(box, 'The grid of outlets by facts');
      moreRows.hidden = rows >= facts.length;
      moreRows.textContent = moreLabel(pageLength(facts.length - rows, SETTINGS.gridRows), facts.length - rows, 'fact',
        ' in the grid');
      const left = model.documents.length - columns;
      moreColumns.hidden = left <= 0;
      moreColumns.textContent = moreLabel(pageLength(left, SETTINGS.gridColumns), left, 'outlet', ' in the grid',
        '; those reporting most facts come first');
    };
    moreRows.addEventListener('click', () => {
      rows += pageLength(facts.length - rows, SETTINGS.gridRows);
      draw();
    });
    moreColumns.addEventListener('click', () => {
      columns += pageLength(model.documents.length - columns, SETTINGS.gridColumns);
      draw();
    });
    rows = pageLength(facts.length, SETTINGS.gridRows);
    columns = pageLength(model.documents.length, SETTINGS.gridColumns);
    draw();
    wrap.append(box, moreRows, moreColumns, legend([
      ['cell states', 'reports it'], ['cell copy', 'repeats it as a copy of another outlet'],
      ['cell disputed', 'gives another value'], ['cell updated', 'gives the count of another day (an update)'],
      ['cell silent', 'does not report it'],
    ]));
    return wrap;
  }

  function cellWords(model, fact, d, info) {
    return {
      states: `[${d.number}] ${d.label} reports fact ${fact.id}`,
      copy: `[${d.number}] ${d.label} repeats fact ${fact.id} as a copy of ${(info.from || []).map((id) => model.outletName(id)).join(', ')}`,
      disputed: `[${d.number}] ${d.label} gives another value for fact ${fact.id}: ${info.value}`,
      updated: `[${d.number}] ${d.label} gives the count of fact ${fact.id} of another day (an update)`,
      silent: `[${d.number}] ${d.label} does not report fact ${fact.id}`,
    }[info.state];
  }

  function gridPicture(model, facts, columns, width) {
    const {min, max, height} = SETTINGS.gridCell;
    let labelWidth = Math.round(Math.min(Math.max(width * 0.45, 120), 460));
    const cell = Math.max(min, Math.min(max, Math.floor((width - labelWidth - 4) / Math.max(columns.length, 1))));
    // Wide columns are headed by "[2] Northshore Radio News", slanted up at 60 degrees (a reader on a phone
    // has no tooltip to learn what a column's number stands for); narrow ones by the number alone.
    const named = cell >= SETTINGS.gridNamedCell;
    const names = distinctCuts(columns.map((d) => d.label), SETTINGS.gridNameChars)
      .map((name, c) => `${columns[c].number} ${name}`);
    const nameLength = (c) => names[c].length * 6.2; // px at 11 px type
    const head = named ? Math.ceil(Math.max(...names.map((_, c) => nameLength(c))) * Math.sin(Math.PI / 3)) + 14 : 22;
    // The last names lean past the last column: the picture reaches as far as they do, the facts' labels
    // giving up room (down to 120 px) rather than the picture scrolling sideways.
    const reach = Math.ceil(Math.max(cell * columns.length, ...names.map((_, c) => named ? (c + 0.5) * cell + nameLength(c) / 2 : 0)));
    if (named) labelWidth = Math.max(Math.min(labelWidth, width - reach - 4), Math.min(labelWidth, 120));
    // Few columns leave room at the right (the example's five on a desktop: 300 px): the facts' labels take
    // it, up to gridLabelShare of the width, so that more of each fact is read beside its row.
    labelWidth = Math.max(labelWidth, Math.min(width - reach - 4, Math.floor(width * SETTINGS.gridLabelShare)));
    const total = labelWidth + reach + 2;
    const tall = head + height * facts.length + 2;
    const every = Math.ceil(16 / cell); // a column number every n columns, so that numbers do not overlap
    const chars = Math.floor((labelWidth - 10) / 6.4);
    const picture = s('svg', {
      class: 'fact-grid', width: total, height: tall, viewBox: `0 0 ${total} ${tall}`, role: 'img',
      'aria-label': `Grid of ${plural(facts.length, 'fact')} (rows) by ${plural(columns.length, 'outlet')} (columns): ` +
        'which outlet reports which fact. The lists below say the same in words.',
      'data-rows': facts.length, 'data-columns': columns.length,
    });
    const header = s('g', {class: 'grid-head'});
    columns.forEach((d, c) => {
      const x = labelWidth + c * cell + cell / 2;
      const label = named
        ? s('text', {x, y: head - 7, transform: `rotate(-60 ${x} ${head - 7})`, class: 'col-label col-name'}, names[c])
        : s('text', {x, y: head - 7, 'text-anchor': 'middle', class: 'col-label'}, (c % every === 0) ? String(d.number) : '');
      header.append(s('g', {class: 'grid-col', 'data-document': d.id}, s('title', {}, `[${d.number}] ${d.label}`), label));
    });
    picture.append(header);
    // One rectangle per cell and no listener of its own: the picture finds the cell under the pointer.
    const targets = new Map(); // "fact/document" -> what its cell points at, made when first pointed at
    const cellTarget = (rect) => {
      const key = `${rect.dataset.fact}/${rect.dataset.document}`;
      if (!targets.has(key)) {
        const fact = model.fact(Number(rect.dataset.fact));
        const d = model.document(rect.dataset.document);
        const info = model.cell(fact, d.id);
        const refs = fact.sentences.filter((ref) => ref.document === d.id)
          .concat(info.state === 'disputed' ? disputeRefs(model, fact.id, d.id) : []);
        targets.set(key, evidenceOf(refs, `Fact ${fact.id} in [${d.number}] ${d.label}`,
          {note: cellWords(model, fact, d, info), linked: rect}));
      }
      return targets.get(key);
    };
    const pointed = (event) => {
      const rect = event.target.closest && event.target.closest('rect.cell');
      return rect && rect.dataset.state !== 'silent' ? rect : null;
    };
    picture.addEventListener('mouseover', (event) => {
      const rect = pointed(event);
      if (rect) setHighlight(cellTarget(rect));
    });
    picture.addEventListener('mouseout', (event) => {
      if (pointed(event)) setHighlight(state.pinned);
    });
    picture.addEventListener('click', (event) => {
      const rect = pointed(event);
      if (rect) togglePin(cellTarget(rect));
    });
    facts.forEach((fact, r) => {
      const y = head + r * height;
      const row = s('g', {class: 'grid-row', 'data-fact': fact.id});
      const labelArea = s('g', {class: 'row-head'},
        s('rect', {x: 0, y, width: labelWidth - 2, height, class: 'row-band'}),
        s('text', {x: 4, y: y + height / 2 + 4, class: 'row-label'}, truncate(`${fact.id}. ${fact.text}`, chars)),
        s('title', {}, fact.text));
      link(labelArea, evidenceOf(fact.sentences, `Fact ${fact.id}`));
      row.append(labelArea);
      columns.forEach((d, c) => {
        const x = labelWidth + c * cell;
        const info = model.cell(fact, d.id);
        row.append(s('rect', {x: x + 1, y: y + 1, width: cell - 2, height: height - 2, rx: 2,
          class: `cell ${info.state}${info.state === 'silent' ? '' : ' linked'}`,
          'data-fact': fact.id, 'data-document': d.id, 'data-state': info.state}));
        if (info.state === 'disputed') {
          row.append(s('path', {d: `M${x + 4},${y + 4} L${x + cell - 4},${y + height - 4} M${x + cell - 4},${y + 4} L${x + 4},${y + height - 4}`,
            class: 'cross'}));
        }
      });
      picture.append(row);
    });
    return picture;
  }

  function disputeRefs(model, factId, documentId) {
    const refs = [];
    for (const group of model.conflicts) {
      if (group.fact !== factId) continue;
      for (const v of group.values) refs.push(...v.refs.filter((r) => r.document === documentId));
    }
    return refs;
  }

  // Who took passages from whom: one node per article, an arrow from the
  // article text was taken from to the one that took it (thicker for more
  // words), a dashed line where the direction cannot be told.
  function copyGraph(model, panel) {
    // The tab's whole width: the ring is as tall as it is at 720 px (its height is capped at 440), and the
    // rest is room for the labels beside it (at 720, four of ten "Associated Press, 1999-05-06" were cut).
    const width = widthOf(panel);
    let pairs = model.pairs;
    const nodes = [];
    for (const pair of pairs) {
      for (const id of [pair.source, pair.copy]) {
        if (!nodes.includes(id) && nodes.length < SETTINGS.graphNodes) nodes.push(id);
      }
    }
    pairs = pairs.filter((p) => nodes.includes(p.source) && nodes.includes(p.copy));
    nodes.sort((a, b) => model.byId.get(a).number - model.byId.get(b).number);
    const height = nodes.length <= 2 ? SETTINGS.graphPairHeight : Math.round(Math.min(Math.max(width * 0.62, 220), 440));
    const radius = nodes.length > 12 ? 10 : 14;
    const cx = width / 2;
    const cy = height / 2;
    const ring = Math.min(width / 2 - 90, height / 2 - 30);
    const place = new Map(nodes.map((id, i) => {
      const angle = -Math.PI / 2 + (2 * Math.PI * i) / nodes.length;
      return [id, {x: cx + ring * Math.cos(angle), y: cy + ring * Math.sin(angle), angle}];
    }));
    const most = Math.max(...pairs.map((p) => p.words), 1);
    const picture = s('svg', {
      class: 'copy-graph', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img',
      'aria-label': `Copy graph: ${plural(pairs.length, 'pair')} of articles share passages, among ${plural(nodes.length, 'article')}. ` +
        'The list below says the same in words.',
      'data-nodes': nodes.length, 'data-edges': pairs.length,
    });
    for (const pair of pairs) {
      const from = place.get(pair.source);
      const to = place.get(pair.copy);
      const dx = to.x - from.x;
      const dy = to.y - from.y;
      const length = Math.hypot(dx, dy) || 1;
      const trim = radius + 3;
      const line = s('line', {
        x1: from.x + (dx / length) * trim, y1: from.y + (dy / length) * trim,
        x2: to.x - (dx / length) * trim, y2: to.y - (dy / length) * trim,
        class: `edge${pair.directed ? ' directed' : ' undirected'}`,
        'stroke-width': (1.5 + 4.5 * Math.sqrt(pair.words / most)).toFixed(1),
        'marker-end': pair.directed ? 'url(#chorus-arrow)' : null,
        'data-source': pair.source, 'data-copy': pair.copy,
      });
      const words = pair.directed
        ? `${model.outletName(pair.copy)} took ${pair.words} words from ${model.outletName(pair.source)}`
        : `${model.outletName(pair.source)} and ${model.outletName(pair.copy)} share ${pair.words} words (direction unknown)`;
      const hit = s('line', {x1: from.x, y1: from.y, x2: to.x, y2: to.y, class: 'edge-hit'});
      const group = s('g', {class: 'graph-edge'}, s('title', {}, words), hit, line);
      link(group, evidenceOf(pairRefs(pair), 'Shared passages', {note: words}));
      picture.append(group);
    }
    const sideOf = (id) => Math.cos(place.get(id).angle) >= -0.01; // its label to the right of the node
    const labelXOf = (id) => place.get(id).x + (sideOf(id) ? radius + 5 : -(radius + 5));
    // A label runs from beside its node to the picture's edge, or to the first other node in its way:
    // on a phone's tight ring it would run under its neighbour ("New York Times, 1999-04-19 #1" under 36).
    const roomOf = (id) => {
      const x0 = labelXOf(id);
      const right = sideOf(id);
      let room = right ? width - x0 - 4 : x0 - 4;
      for (const other of nodes) {
        const p = place.get(other);
        if (other === id || Math.abs(p.y - place.get(id).y) >= radius + SETTINGS.graphLabelBand) continue;
        if (right && p.x + radius > x0) room = Math.min(room, p.x - radius - x0 - 4);
        if (!right && p.x - radius < x0) room = Math.min(room, x0 - (p.x + radius) - 4);
      }
      return Math.floor(Math.max(room, 0) / SETTINGS.graphCharWidth);
    };
    const rooms = nodes.map(roomOf);
    const labels = distinctCuts(nodes.map((id) => model.byId.get(id).label), rooms.map((r) => Math.max(r, 1)))
      .map((label, i) => (rooms[i] < SETTINGS.graphLabelFewest ? '' : label));
    for (const [index, id] of nodes.entries()) {
      const d = model.byId.get(id);
      const at = place.get(id);
      const role = model.copies.roles.get(id);
      const copied = Boolean(role && (role.kind === 'copy' || role.kind === 'rewrite')) ||
        model.pairs.some((p) => p.directed && p.copy === id);
      const right = sideOf(id);
      const labelX = labelXOf(id);
      picture.append(s('g', {class: `graph-node${copied ? ' copy' : ''}`, 'data-document': id},
        s('title', {}, `[${d.number}] ${d.label}${copied ? ' (takes text from others)' : ''}`),
        s('circle', {cx: at.x, cy: at.y, r: radius, class: 'node'}),
        s('text', {x: at.x, y: at.y + 4, 'text-anchor': 'middle', class: 'node-number'}, String(d.number)),
        labels[index] ? s('text', {x: labelX, y: at.y + 4, 'text-anchor': right ? 'start' : 'end', class: 'node-label'}, labels[index]) : null));
    }
    return scrollingBox(h('div', {class: 'picture-scroll graph-wrap'}, picture), 'The copy graph');
  }

  function pairRefs(pair) {
    return pair.passages.flatMap((p) => [p.copy, p.source].flatMap((span) =>
      span.sentences.map((n) => ({document: span.document, sentence: n}))));
  }

  // The articles in time, from their publication dates, and each fact at the
  // time it was first reported.
  function timelinePicture(model, panel, dated) {
    const width = widthOf(panel);
    const left = 92;
    const right = 16;
    const times = dated.map((d) => d.date.time);
    let start = Math.min(...times);
    let end = Math.max(...times);
    if (end - start < 3600e3) { // less than an hour apart: an hour either side
      start -= 3600e3;
      end += 3600e3;
    }
    const pad = (end - start) * 0.04;
    start -= pad;
    end += pad;
    const x = (time) => left + ((time - start) / (end - start)) * (width - left - right);
    const radius = 9;
    const stack = (items, time) => { // rows of dots that do not overlap
      const levels = [];
      return items.map((item) => {
        const at = x(time(item));
        let level = levels.findIndex((last) => at - last >= 2 * radius + 2);
        if (level < 0) level = levels.length;
        levels[level] = at;
        return {item, x: at, level};
      });
    };
    const row = 2 * radius + 4;
    const barHeight = 48;
    // A lane of dots, one per item, stacked where they would overlap; or, when there are too
    // many for that, bars counting the items in each few pixels of time.
    const lane = (items, time) => {
      const placed = stack(items, time);
      const levels = Math.max(1, ...placed.map((p) => p.level + 1));
      if (items.length <= SETTINGS.timelineDots && levels <= SETTINGS.timelineLevels) {
        return {placed, height: levels * row};
      }
      const bins = new Map();
      for (const p of placed) {
        const key = Math.floor((p.x - left) / SETTINGS.timelineBin);
        if (!bins.has(key)) bins.set(key, {x: left + key * SETTINGS.timelineBin, items: []});
        bins.get(key).items.push(p.item);
      }
      return {bins: [...bins.values()], height: barHeight};
    };
    const ordered = [...dated].sort((a, b) => a.date.time - b.date.time);
    const articles = lane(ordered, (d) => d.date.time);
    const datedFacts = firstReports(model).filter((f) => f.time !== null);
    const factTimes = datedFacts
      .sort((a, b) => b.fact.support - a.fact.support)
      .slice(0, SETTINGS.timelineFacts)
      .sort((a, b) => a.time - b.time);
    const facts = lane(factTimes, (f) => f.time);
    const articleTop = 14;
    const factTop = articleTop + articles.height + 18;
    const axisY = factTop + facts.height + 8;
    const height = axisY + 30;
    const picture = s('svg', {
      class: 'timeline', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img',
      'aria-label': `Timeline of ${plural(dated.length, 'dated article')} from ${formatDate(ordered[0].date, true)} ` +
        `to ${formatDate(ordered[ordered.length - 1].date, true)}, and of ${factsPlaced(factTimes.length, datedFacts.length)} at the time each was first reported.`,
      'data-articles': dated.length, 'data-facts': factTimes.length,
    });
    picture.append(
      s('text', {x: 0, y: articleTop + radius + 4, class: 'lane-label'}, 'Articles'),
      s('text', {x: 0, y: factTop + radius + 4, class: 'lane-label'}, 'Facts first'),
      s('text', {x: 0, y: factTop + radius + 16, class: 'lane-label'}, 'reported'),
      s('line', {x1: left, y1: axisY, x2: width - right, y2: axisY, class: 'axis'}));
    for (const tick of ticks(start, end, Math.max(2, Math.floor((width - left) / 90)))) {
      const at = x(tick.time);
      // A label centred on its tick unless that would cut it at the picture's right edge (a phone's last tick).
      const half = (tick.label.length * SETTINGS.tickCharWidth) / 2;
      const atEdge = at + half > width - 1;
      picture.append(s('line', {x1: at, y1: axisY, x2: at, y2: axisY + 4, class: 'axis'}),
        s('text', {x: atEdge ? width - 1 : at, y: axisY + 16, 'text-anchor': atEdge ? 'end' : 'middle', class: 'tick'},
          tick.label));
    }
    // A bar per few pixels of time, as tall as the items it counts; a bar of facts is split, as the dots are
    // coloured, into the facts several outlets report (below) and those one outlet reports (above).
    const bars = (laneOf, top, kind, describe) => {
      const most = Math.max(...laneOf.bins.map((bin) => bin.items.length));
      const centres = laneOf.bins.map((bin) => bin.x + SETTINGS.timelineBin / 2).sort((a, b) => a - b);
      for (const bin of laneOf.bins) {
        // As wide as the room to its neighbours allows, up to timelineBarWidest: a few far-apart bars are seen.
        const centre = bin.x + SETTINGS.timelineBin / 2;
        const room = Math.min(...centres.filter((c) => c !== centre).map((c) => Math.abs(c - centre)), Infinity);
        const barWidth = Math.min(Math.max(room - 2, SETTINGS.timelineBin - 1), SETTINGS.timelineBarWidest);
        const x0 = centre - barWidth / 2;
        const tall = Math.max(2, (bin.items.length / most) * barHeight);
        const bar = s('g', {class: `time-bar ${kind}`}, s('title', {}, describe(bin.items)));
        if (kind === 'facts') {
          const several = bin.items.filter((f) => f.fact.support > 1).length;
          const lower = (several / bin.items.length) * tall;
          fill(bar, {'data-several': several, 'data-one': bin.items.length - several}, [
            several ? s('rect', {x: x0, y: top + barHeight - lower, width: barWidth, height: lower, class: 'bar several'}) : null,
            several < bin.items.length
              ? s('rect', {x: x0, y: top + barHeight - tall, width: barWidth, height: tall - lower, class: 'bar one'}) : null,
          ]);
          link(bar, evidenceOf(bin.items.flatMap((f) => f.fact.sentences), describe(bin.items)));
        } else {
          bar.append(s('rect', {x: x0, y: top + barHeight - tall, width: barWidth, height: tall, class: 'bar'}));
        }
        picture.append(bar);
      }
    };
    if (articles.bins) {
      bars(articles, articleTop, 'articles', (items) => `${plural(items.length, 'article')}, ` +
        `${formatDate(items[0].date, true)} to ${formatDate(items[items.length - 1].date, true)}`);
    }
    for (const {item: d, x: at, level} of articles.placed || []) {
      const y = articleTop + level * row + radius;
      const role = model.copies.roles.get(d.id);
      const copied = role && (role.kind === 'copy' || role.kind === 'rewrite');
      const dot = s('g', {class: `time-article${copied ? ' copy' : ''}`, 'data-document': d.id},
        s('title', {}, `[${d.number}] ${d.label}: ${formatDate(d.date, true)}${copied ? ' (a copy)' : ''}`),
        s('line', {x1: at, y1: y + radius, x2: at, y2: axisY, class: 'stem'}),
        s('circle', {cx: at, cy: y, r: radius, class: 'node'}),
        s('text', {x: at, y: y + 4, 'text-anchor': 'middle', class: 'node-number'}, String(d.number)));
      picture.append(dot);
    }
    if (facts.bins) {
      bars(facts, factTop, 'facts', (items) => {
        const several = items.filter((f) => f.fact.support > 1).length;
        return `${plural(items.length, 'fact')} first reported then: ${several} several outlets report, ` +
          `${items.length - several} one outlet reports`;
      });
    }
    for (const {item: f, x: at, level} of facts.placed || []) {
      const y = factTop + level * row + radius;
      const r = Math.min(3 + f.fact.support, radius);
      const dot = s('g', {class: 'time-fact', 'data-fact': f.fact.id},
        s('title', {}, `Fact ${f.fact.id}, first reported by ${model.outletName(f.first)} (${plural(f.fact.support, 'outlet')} in all): ${f.fact.text}`),
        s('circle', {cx: at, cy: y, r, class: f.fact.support > 1 ? 'fact several' : 'fact one'}));
      link(dot, evidenceOf(f.fact.sentences, `Fact ${f.fact.id}`));
      picture.append(dot);
    }
    return scrollingBox(h('div', {class: 'picture-scroll'}, picture), 'The timeline');
  }

  // Each fact with the earliest publication time of the outlets that report it.
  // The facts the timeline places: all of them, or, past SETTINGS.timelineFacts, the most-reported
  // ("the 60 facts the most outlets report, of 1,675"): a pile's lane is otherwise read as all its facts.
  function factsPlaced(placed, dated) {
    return placed < dated ? `the ${placed} facts the most outlets report, of ${dated}` : plural(placed, 'fact');
  }

  function firstReports(model) {
    return model.facts.map((fact) => {
      let first = null;
      for (const id of fact.outlets) {
        const d = model.byId.get(id);
        if (d && d.date && (first === null || d.date.time < model.byId.get(first).date.time)) first = id;
      }
      return {fact, first, time: first === null ? null : model.byId.get(first).date.time};
    });
  }

  function ticks(start, end, most) {
    const hour = 3600e3;
    const day = 24 * hour;
    const steps = [hour, 3 * hour, 6 * hour, 12 * hour, day, 2 * day, 7 * day, 30 * day, 91 * day, 365 * day];
    const step = steps.find((candidate) => (end - start) / candidate <= most) || 365 * day;
    const out = [];
    let time = Math.ceil(start / step) * step;
    for (; time <= end; time += step) {
      const date = {time, dateOnly: step >= day};
      const label = step >= 30 * day ? formatDate(date).slice(0, 7) : step >= day ? formatDate(date).slice(5) : formatDate(date, true).slice(5);
      out.push({time, label});
    }
    return out;
  }

  // A bar of an outlet's facts: those several outlets report, then those only it has.
  function coverageBar(c, most) {
    const width = 120;
    const unit = width / Math.max(most, 1);
    const shared = c.several_outlet_facts;
    const own = c.exclusive_facts.length;
    const other = Math.max(c.facts - shared - own, 0);
    let x = 0;
    const segment = (count, kind) => {
      const w = count * unit;
      const rect = s('rect', {x, y: 0, width: Math.max(w, 0), height: 10, class: `seg ${kind}`});
      x += w;
      return rect;
    };
    return s('svg', {class: 'coverage-bar', width, height: 10, viewBox: `0 0 ${width} 10`, 'aria-hidden': 'true', focusable: 'false'},
      s('rect', {x: 0, y: 0, width, height: 10, class: 'seg track'}),
      segment(shared, 'independent'), segment(other, 'repeat'), segment(own, 'single'));
  }

  // ---- the views ---------------------------------------------------------------------

  function reportSection(name, lead, ...body) {
    return h('section', {class: 'report-section', 'aria-label': name}, lead ? h('p', {class: 'lead'}, lead) : null, body);
  }

  function emptyNote(text) {
    return h('p', {class: 'empty'}, text);
  }

  function tag(text, extra) {
    return h('span', {class: extra ? `tag ${extra}` : 'tag'}, text);
  }

  // An item of a list: its content, then the marker over its sentences.
  function citedItem(refs, describe, element, ...content) {
    return citedItemOf(refs, {describe}, element, ...content);
  }

  // `options` as citation's: `numbered`, the refs whose articles the marker lists.
  function citedItemOf(refs, options, element, ...content) {
    const item = h(element, {class: 'item'}, content);
    item.append(' ', citation(refs, {...options, linked: item}));
    return item;
  }

  function renderSummary(model) {
    const summary = model.summary;
    const paragraph = h('p', {class: 'summary-text'});
    summary.sentences.forEach((sentence, index) => {
      const text = h('span', {class: 's'}, sentence.text);
      const support = sentenceSupport(sentence);
      // Disputes, then another day's counts of a toll (updates, as the report's conflicts tell them apart).
      const others = (sentence.contradicted_by || []).concat(sentence.updated_by || []);
      const refs = (sentence.support || []).concat(others.map((c) => ({
        ...c, value: (c.values || []).map((v) => v.article).join(', ') || undefined,
      })));
      const disputes = others.map((c) =>
        otherValue(model.outletName(c.document), (c.values || []).map((v) => v.article).join(', '), c.when));
      const marker = citation(refs, {
        describe: `Sentence ${index + 1}`, linked: text, content: support.element, numbered: sentence.support || [],
        extra: {note: support.words + (disputes.length ? `. ${disputes.join('; ')}` : '')},
      });
      if (support.single) marker.classList.add('single');
      paragraph.append(h('span', {class: `sentence-unit${support.single ? ' single' : ''}`}, text, '\u00a0', marker), ' ');
    });
    const corroborated = summary.sentences.filter((s) => (s.independent_sources ?? s.support_count) > 1).length;
    const budget = summary.budget || {};
    // How the sentences were picked, in plain words (the method's name in the tooltip), as the Method menu says it.
    const plain = (WORDING.methods || {})[summary.method];
    const method = plain
      ? h('span', {class: 'method', title: `method ${summary.method}`}, `chosen: ${plain[0].toLowerCase()}${plain.slice(1)}`)
      : `method ${summary.method}`;
    const parts = [
      `${summary.words} words` + (budget.words ? ` of ${budget.words}` : ''),
      `${plural(summary.sentences.length, 'sentence')}, ${corroborated} backed by more than one independent source`,
      method,
      plural(model.documents.length, 'article'),
    ];
    return h('section', {class: 'summary', 'aria-label': TEXT.summary.title},
      summary.query ? h('p', {class: 'query'}, 'Focus: ', h('q', {}, summary.query)) : null,
      summary.sentences.length ? paragraph : emptyNote(TEXT.summary.empty),
      legend([['seg independent', 'an independent source'], ['seg repeat', 'an article repeating a source'],
        ['seg single', 'a single source'], ['seg disputing', 'an article giving another value']]),
      h('p', {class: 'meta'}, parts.flatMap((part, i) => (i ? [' · ', part] : [part]))),
      summary.warnings.length
        ? h('ul', {class: 'warnings', 'aria-label': 'Warnings'}, summary.warnings.map((w) => h('li', {}, w)))
        : null);
  }

  function factItem(model, fact) {
    const group = model.conflicts.find((g) => g.fact === fact.id);
    const independent = fact.independent_sources ?? fact.support;
    const count = independent < fact.support ? `${fact.support} articles, ${independent} independent` : plural(fact.support, 'outlet');
    const stating = new Set(fact.stating || fact.outlets);
    const entry = citedItemOf(fact.sentences, {describe: `Fact ${fact.id}`,
      numbered: fact.sentences.filter((r) => stating.has(r.document))}, 'li',
      tag(count, fact.several_outlets ? null : 'one'), ' ', fact.text, ' ', factSupport(fact).element,
      h('span', {class: 'outlets'}, namedList(model, fact.stating || fact.outlets)),
      group ? h('span', {class: 'disputed-note'}, `Disputed ${group.kind}: `,
        group.values.map((v) => `${v.value} (${plural(v.outlets.length, 'outlet')})`).join(' or ')) : null);
    entry.value = fact.id; // the list shows the fact's own number, as the grid and the other formats do
    entry.dataset.fact = fact.id;
    return entry;
  }

  function renderFacts(model, panel) {
    const several = model.facts.filter((f) => f.several_outlets);
    const single = model.facts.filter((f) => !f.several_outlets);
    const list = (items, empty, which) => h('div', {class: 'fact-list', 'data-list': which}, items.length
      ? paged(items, (fact) => factItem(model, fact), {noun: 'fact'}) : emptyNote(empty));
    return reportSection(TEXT.facts.title, TEXT.facts.lead,
      model.facts.length ? [h('h3', {}, 'Who reports what'), factGrid(model, panel)] : null,
      h('h3', {}, `${TEXT.facts.several} (${several.length})`),
      list(several, TEXT.facts.several_empty, 'several'),
      h('h3', {}, `${TEXT.facts.single} (${single.length})`),
      list(single, TEXT.facts.single_empty, 'single'));
  }

  function renderConflicts(model) {
    const item = (group, update) => {
      const refs = group.values.flatMap((v) => v.refs);
      const fact = group.fact !== null ? model.fact(group.fact) : null;
      const values = group.values.map((v) => h('div', {class: 'side'},
        h('b', {class: 'value'}, v.value), ' ', h('span', {class: 'muted'}, '— '), namedList(model, v.outlets, {className: 'who'}),
        v.refs.length <= 2
          ? v.refs.map((r) => h('span', {class: 'said'}, r.text))
          : lazyDetails('said-all', plural(v.refs.length, 'sentence'),
            () => v.refs.map((r) => h('span', {class: 'said'}, `${model.outletName(r.document)}: ${r.text}`)))));
      return citedItem(refs, update ? `Update of the ${group.kind}` : `Conflict over the ${group.kind}`, 'li',
        tag(group.kind), ' ', update ? group.values.map((v) => v.value).join(', then ')
          : [group.values.map((v) => v.value).join(' or '), '?'],
        fact ? h('span', {class: 'outlets'}, `Fact ${fact.id}: ${truncate(fact.text, 140)}`) : null,
        values);
    };
    const updates = model.updates.length
      ? [h('h3', {}, `${TEXT.conflicts.updates} (${model.updates.length})`),
        paged(model.updates, (group) => item(group, true), {tag: 'ul', noun: 'update'})]
      : null;
    return reportSection(TEXT.conflicts.title, TEXT.conflicts.lead,
      model.conflicts.length ? paged(model.conflicts, (group) => item(group, false), {tag: 'ul', noun: 'conflict'})
        : emptyNote(TEXT.conflicts.empty),
      updates);
  }

  function speakerOf(quote) {
    if (!quote.speaker) return h('span', {class: 'muted'}, 'speaker not named');
    const notes = [];
    if (!quote.speaker_named) notes.push('not named');
    if (!quote.speaker_resolved) notes.push('only a pronoun attributes it');
    return h('span', {}, h('span', {class: 'who speaker'}, quote.speaker),
      notes.length ? h('span', {class: 'muted'}, ` (${notes.join('; ')})`) : null);
  }

  function renderQuotes(model) {
    const item = (quote) => {
      const count = new Set(quote.outlets).size;
      const wording = count < 2 ? null : quote.identical ? 'identical wording' : 'wording differs';
      const occurrence = (o) => h('li', {class: 'occurrence'}, h('span', {class: 'who'}, model.outletName(o.document)),
        o.attribution ? `: ${o.attribution}` : ': no attribution');
      const occurrences = quote.occurrences.length <= SETTINGS.outletsNamed
        ? h('ul', {class: 'occurrences', 'aria-label': 'Outlets that print it'}, quote.occurrences.map(occurrence))
        : lazyDetails('occurrences-all', `How ${plural(count, 'outlet')} attribute it`,
          () => h('ul', {class: 'occurrences', 'aria-label': 'Outlets that print it'}, quote.occurrences.map(occurrence)));
      return citedItem(quote.occurrences, `Quote of ${quote.speaker || 'an unnamed speaker'}`, 'li',
        h('blockquote', {class: 'quote'}, `“${quote.text}”`),
        h('p', {class: 'quote-meta'}, '— ', speakerOf(quote), ' · ',
          h('span', {class: 'carried'}, `carried by ${plural(count, 'outlet')}`), wording ? ` · ${wording}` : null),
        occurrences,
        !quote.identical && quote.variants.length > 1
          ? lazyDetails('variants', `${quote.variants.length} wordings`,
            () => h('ul', {}, quote.variants.map((v) => h('li', {}, `“${v}”`))))
          : null);
    };
    return reportSection(TEXT.quotes.title, TEXT.quotes.lead,
      model.quotes.length ? paged(model.quotes, item, {noun: 'quote'}) : emptyNote(TEXT.quotes.empty));
  }

  function chips(entries, render, most = SETTINGS.chipsShown) {
    const shown = entries.slice(0, most).map(render);
    const rest = entries.length - shown.length;
    return rest > 0 ? [shown, h('span', {class: 'chip more-chips'}, `+${rest}`)] : shown;
  }

  function renderEntities(model) {
    const item = (entity) => {
      const spellings = Object.entries(entity.variants);
      const perOutlet = Object.entries(entity.per_document).sort((a, b) => b[1] - a[1]);
      return citedItem(entity.occurrences, entity.name, 'li',
        h('span', {class: 'entity-name'}, entity.name), ' ',
        h('span', {class: 'muted'}, `${plural(entity.mentions, 'mention')} in ${plural(perOutlet.length, 'outlet')}`),
        spellings.length > 1 ? h('span', {class: 'spellings'}, 'spelt ', chips(spellings, ([spelling, count]) =>
          h('span', {class: 'spelling'}, spelling, h('span', {class: 'times'}, `×${count}`)), SETTINGS.spellingsShown)) : null,
        h('span', {class: 'per-outlet'}, chips(perOutlet, ([id, count]) =>
          h('span', {class: 'chip', title: model.outletName(id)}, `[${model.document(id).number}] ${count}`))));
    };
    const groups = Object.entries(TEXT.entities.kinds).map(([kind, heading]) => {
      const items = model.entities.filter((e) => e.kind === kind);
      if (!items.length) return null;
      return h('div', {class: 'entity-group', 'data-kind': kind}, h('h3', {}, `${heading} (${items.length})`),
        paged(items, item, {tag: 'ul', className: 'items entities', noun: 'name'}));
    });
    return reportSection(TEXT.entities.title, TEXT.entities.lead,
      model.entities.length ? groups : emptyNote(TEXT.entities.empty));
  }

  function renderReuse(model, panel) {
    const borrowing = model.reuse.documents
      .filter((d) => d.borrowed_words > 0)
      .sort((a, b) => b.share - a.share);
    const shareItem = (d) => h('li', {class: 'share'},
      s('svg', {class: 'share-bar', width: 80, height: 10, viewBox: '0 0 80 10', 'aria-hidden': 'true', focusable: 'false'},
        s('rect', {x: 0, y: 0, width: 80, height: 10, class: 'seg track'}),
        s('rect', {x: 0, y: 0, width: Math.max(80 * d.share, 1), height: 10, class: 'seg repeat'})),
      ' ', h('span', {class: 'who'}, model.outletName(d.document)),
      `: ${percent(d.share)} of its ${d.words} words are shared with other articles`,
      d.sources.length ? [`; it took from `, namedList(model, d.sources, {className: 'named'})] : null,
      d.shares_with.length ? ['; shares passages with ', namedList(model, d.shares_with, {className: 'named'}), ' (direction unknown)'] : null);
    const pairItem = (pair) => {
      const copy = model.outletName(pair.copy);
      const source = model.outletName(pair.source);
      const passages = pair.passages;
      const passage = (p) => h('li', {class: 'passage-item'}, tag(`${p.kind === 'quotation' ? 'quotation' : 'text'}, ${p.matched_words} words`),
        h('blockquote', {class: 'passage'}, p.copy.text));
      return citedItem(pairRefs(pair), 'Shared passages', 'li',
        h('span', {class: 'direction'}, pair.directed
          ? [h('b', {}, copy), ' took from ', h('b', {}, source)]
          : [h('b', {}, source), ' and ', h('b', {}, copy), ' share text (direction unknown)']),
        ' ', h('span', {class: 'muted'}, `${plural(passages.length, 'passage')}, ${pair.words} words`),
        lazyDetails('passages', `Show the ${plural(passages.length, 'passage')}`,
          () => paged(passages, passage, {size: 5, tag: 'ul', className: 'passage-list', noun: 'passage'})));
    };
    return reportSection(TEXT.reuse.title, TEXT.reuse.lead,
      model.pairs.length ? [
        h('h3', {}, 'Who took text from whom'),
        copyGraph(model, panel),
        legend([['node', 'an article'], ['node copy', 'an article that takes text from others']]),
        h('p', {class: 'hint'}, 'An arrow runs from the article text was taken from to the one that took it; ' +
          'a dashed line joins two articles that share text when the direction cannot be told.'),
        h('h3', {}, `Pairs of articles (${model.pairs.length})`),
        paged(model.pairs, pairItem, {noun: 'pair'}),
        borrowing.length ? [h('h3', {}, 'Share of each article taken from others'),
          paged(borrowing, shareItem, {tag: 'ul', className: 'borrowing', noun: 'article'})] : null,
      ] : emptyNote(TEXT.reuse.empty));
  }

  // Under the picture, when its facts lane holds only the most-reported facts, which those are.
  function factsNote(model) {
    const dated = firstReports(model).filter((f) => f.time !== null).length;
    if (dated <= SETTINGS.timelineFacts) return null;
    return h('p', {class: 'hint picture-note'}, `Facts first reported: ${factsPlaced(SETTINGS.timelineFacts, dated)}.`);
  }

  function renderTimeline(model, panel) {
    const dated = model.documents.filter((d) => d.date);
    const undated = model.documents.filter((d) => !d.date);
    const firsts = new Map();
    for (const f of firstReports(model)) if (f.first !== null) firsts.set(f.first, (firsts.get(f.first) || 0) + 1);
    const ordered = [...dated].sort((a, b) => a.date.time - b.date.time);
    const item = (d) => h('li', {class: 'time-item', 'data-document': d.id},
      h('span', {class: 'when'}, formatDate(d.date, true)), ' ', h('span', {class: 'who'}, model.outletName(d.id)),
      ` · ${d.words} words`,
      firsts.get(d.id) ? ` · first to report ${plural(firsts.get(d.id), 'fact')}` : null);
    return reportSection(TEXT.timeline.title, TEXT.timeline.lead,
      dated.length ? [
        timelinePicture(model, panel, dated),
        factsNote(model),
        legend([['node', 'an article'], ['node copy', 'a copy'], ['fact several', 'a fact several outlets report'],
          ['fact one', 'a fact one outlet reports']]),
        h('h3', {}, `In order of publication (${dated.length})`),
        paged(ordered, item, {noun: 'article'}),
      ] : emptyNote(TEXT.timeline.empty),
      undated.length ? [h('h3', {}, `No date given (${undated.length})`),
        paged(undated, (d) => h('li', {}, model.outletName(d.id)), {tag: 'ul', noun: 'article'})] : null);
  }

  function renderCoverage(model) {
    const most = Math.max(...model.coverage.map((c) => c.facts), 1);
    const row = (c) => {
      const d = model.document(c.document);
      const own = c.exclusive_facts.map((id) => model.fact(id)).filter(Boolean);
      const refs = own.flatMap((fact) => fact.sentences);
      return h('tr', {class: 'item'},
        h('th', {scope: 'row'}, model.outletName(c.document),
          h('span', {class: 'doc-meta'}, [dateNotInLabel(d), `${c.words} words`].filter(Boolean).join(' · '))),
        h('td', {class: 'bar-cell'}, coverageBar(c, most),
          h('span', {class: 'bar-words'}, `${plural(c.facts, 'fact')} (${percent(c.facts_share)}) · ` +
            `${c.several_outlet_facts} with others (${percent(c.several_outlet_facts_share)})`)),
        h('td', {class: 'num'}, c.exclusive_facts.length,
          refs.length ? [' ', citation(refs, {describe: `Facts only ${model.outletName(c.document)} reports`})] : null));
    };
    const table = (rows) => h('table', {class: 'report-table coverage'},
      h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, 'outlet'), h('th', {scope: 'col'}, 'facts it reports'),
        h('th', {scope: 'col', class: 'num'}, 'only it'))),
      h('tbody', {}, rows));
    // Pages of rows: the table grows by a page at a time.
    const body = table([]);
    const tbody = body.querySelector('tbody');
    const more = h('button', {type: 'button', class: 'button secondary more'});
    let shown = 0;
    const step = () => {
      const next = model.coverage.slice(shown, shown + pageLength(model.coverage.length - shown, SETTINGS.pageSize));
      tbody.append(...next.map(row));
      shown += next.length;
      const left = model.coverage.length - shown;
      more.hidden = left <= 0;
      more.textContent = moreLabel(pageLength(left, SETTINGS.pageSize), left, 'outlet');
    };
    more.addEventListener('click', step);
    step();
    // The hatched part (facts resting on one source that another article, its copy or original, is filed
    // under) is in the legend only when some bar has it.
    const repeats = model.coverage.some((c) => c.facts - c.several_outlet_facts - c.exclusive_facts.length > 0);
    return reportSection(TEXT.coverage.title, `${TEXT.coverage.lead} Its marker highlights those only it reports.`,
      h('div', {class: 'table-wrap'}, body), more,
      legend([['seg independent', 'facts several outlets report'],
        repeats ? ['seg repeat', 'facts of one source it shares with its copy or original'] : null,
        ['seg single', 'facts only it reports']].filter(Boolean)));
  }

  // ---- wiring --------------------------------------------------------------------------

  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && state.pinned) clearPin();
  });
  window.addEventListener('scroll', fitEvidenceSoon, {passive: true});
  window.addEventListener('resize', fitEvidenceSoon);

  window.ChorusStory = {
    show,
    selectTab: (key) => selectTab(key, {focus: false}),
    timings: () => ({...state.timings}),
    settings: SETTINGS,
    // For the page's own parts (the Check a claim box): the same elements and markers.
    h, plural, tag, citedItem, otherValue,
    outletName: (id) => state.model.outletName(id),
    outletList: (ids) => namedList(state.model, ids, {className: 'who'}),
  };

  // The self-contained report file carries its data: draw it at once.
  const embedded = document.getElementById('story-data');
  if (embedded) {
    const start = () => show(JSON.parse(embedded.textContent), document.getElementById('story'));
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
    else start();
  }
})();
