// The Stories view: many article files or feeds in, the stories of POST /api/stories out.
// Self-contained: it uses only its own section of the page (#stories-view).
(function () {
  'use strict';

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }

  function plural(count, word, many) {
    return count + ' ' + (count === 1 ? word : (many || word + 's'));
  }

  function span(story) {
    var first = (story.first_published || '').slice(0, 10);
    var last = (story.last_published || '').slice(0, 10);
    if (!first) { return 'undated'; }
    return first === last ? first : first + ' – ' + last;
  }

  function citation(sentence) {
    var numbers = {};
    sentence.support.forEach(function (s) { numbers[s.number] = true; });
    var list = Object.keys(numbers).map(Number).sort(function (a, b) { return a - b; });
    var text = '[' + list.join(', ');
    if (sentence.independent_sources < sentence.support_count) {
      text += ' · ' + sentence.independent_sources + ' independent';
    }
    return text + ']';
  }

  // 'label: title', or the whole headline alone when the label is that headline cut short
  // (as chorus.render.text.label_and_title).
  function labelAndTitle(doc) {
    var label = doc.label;
    var cut = label.slice(-1) === '…' && doc.title && doc.title.indexOf(label.slice(0, -1).replace(/[ ,;:]+$/, '')) === 0;
    if (cut) { return doc.title; }
    return doc.title && doc.title !== label ? label + ': ' + doc.title : label;
  }

  function showStory(story, list) {
    var item = el('article', 'story');
    item.appendChild(el('h3', null, story.rank + '. ' + story.title));
    item.appendChild(el('p', 'story-meta', story.id + ' · ' + span(story) + ' · ' + plural(story.articles, 'article')
      + ' · ' + plural(story.independent_outlets, 'independent outlet') + ': ' + story.outlets.join(', ')));
    item.appendChild(el('p', 'story-terms', 'About: ' + story.terms.join(', ')));
    if (story.summary) {
      var summary = el('p', 'story-summary');
      story.summary.sentences.forEach(function (sentence) {
        summary.appendChild(document.createTextNode(sentence.text + ' '));
        summary.appendChild(el('span', 'story-cite', citation(sentence)));
        summary.appendChild(document.createTextNode(' '));
      });
      item.appendChild(summary);
    } else if (story.summary_error) {
      item.appendChild(el('p', 'story-terms', 'No summary: ' + story.summary_error));
    }
    var sources = el('ol', 'story-sources');
    story.documents.forEach(function (doc) {
      var why = doc.decision.action + (doc.decision.similarity !== null ? ' (similarity ' + doc.decision.similarity.toFixed(2) + ')' : '');
      sources.appendChild(el('li', null, labelAndTitle(doc)
        + ' — ' + (doc.published || 'undated').slice(0, 10) + ', ' + why));
    });
    item.appendChild(sources);
    list.appendChild(item);
  }

  function show(data, output) {
    output.textContent = '';
    var count = data.stories.length;
    output.appendChild(el('h2', null, plural(count, 'story', 'stories') + ' from ' + plural(data.articles_in, 'article')));
    data.stories.forEach(function (story) { showStory(story, output); });
    if (data.hidden.length) {
      output.appendChild(el('p', 'story-terms', plural(data.hidden.length, 'story', 'stories')
        + ' with fewer than ' + plural(data.min_outlets, 'independent outlet') + ' not shown'));
    }
    if (data.rejected.length) {
      output.appendChild(el('h3', null, 'Not in any story (' + data.rejected.length + ')'));
      var rejected = el('ul');
      data.rejected.forEach(function (r) {
        // a reason that names the file already is told as is (as chorus.digest.inputs.Rejected.told)
        rejected.appendChild(el('li', null, r.reason.indexOf(r.where) === 0 ? r.reason : r.where + ': ' + r.reason));
      });
      output.appendChild(rejected);
    }
  }

  function start() {
    var form = document.getElementById('stories-form');
    if (!form) { return; }
    var files = document.getElementById('stories-files');
    var status = document.getElementById('stories-status');
    var output = document.getElementById('stories-output');
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      if (!files.files.length) { status.textContent = 'Choose article files or feeds first.'; return; }
      var body = new FormData();
      Array.prototype.forEach.call(files.files, function (file) { body.append('documents', file); });
      var minOutlets = document.getElementById('stories-min-outlets').value;
      if (minOutlets) { body.append('min_outlets', minOutlets); }
      body.append('grouping', document.getElementById('stories-grouping').value);
      status.textContent = 'Grouping ' + files.files.length + ' files…';
      fetch('/api/stories', { method: 'POST', body: body })
        .then(function (response) { return response.json().then(function (data) { return [response.ok, data]; }); })
        .then(function (result) {
          if (!result[0]) { status.textContent = result[1].error ? result[1].error.message : 'The request failed.'; return; }
          status.textContent = '';
          show(result[1], output);
        })
        .catch(function () { status.textContent = 'The server did not answer.'; });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
