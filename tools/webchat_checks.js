// What a person would notice about a rendered Adaptive Card in Web Chat; run through Selenium
// (tools/webchat_page.py). Only what is visible counts: a "Show more" part still hidden is skipped.

function visible(el) {
  if (!el || !el.getClientRects().length) return false;
  const style = getComputedStyle(el);
  return style.visibility !== 'hidden' && style.display !== 'none';
}

function textNodes(root) {
  const out = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.textContent.trim() && visible(node.parentElement)) out.push(node);
  }
  return out;
}

// Numbers in document order: markdown lists (<ol>, numbered by the browser) and lines that start
// with "3." in text (explicit numbers, in ColumnSets, TextBlocks or choice labels).
function listNumbers(card) {
  const found = [];
  const walker = document.createTreeWalker(card, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.ELEMENT_NODE) {
      if (node.tagName === 'LI' && node.parentElement.tagName === 'OL' && visible(node)) {
        const ol = node.parentElement;
        const index = Array.prototype.indexOf.call(ol.children, node);
        const shown = getComputedStyle(node).listStyleType !== 'none';
        found.push({n: (ol.start || 1) + index, text: node.textContent.trim().slice(0, 40), shown: shown});
      }
      continue;
    }
    if (!node.textContent.trim() || !visible(node.parentElement)) continue;
    for (const line of node.textContent.split('\n')) {
      const m = /^\s*(\d{1,2})[.)](?:[\s\u00a0\u200b]|$)/.exec(line);
      if (m) found.push({n: parseInt(m[1], 10), text: line.trim().slice(0, 40), shown: true});
    }
  }
  return found;
}

function checkNumbers(card) {
  const lists = [];
  const bad = [];
  let current = null;
  for (const item of listNumbers(card)) {
    if (!item.shown) { bad.push('no number shown: ' + item.text); continue; }
    if (current && item.n === current[current.length - 1] + 1) { current.push(item.n); continue; }
    if (item.n !== 1) bad.push(item.n + ' does not follow ' + (current ? current[current.length - 1] : 'nothing') + ': ' + item.text);
    else if (current && current.length === 1 && current[0] === 1) bad.push('1 after 1: ' + item.text);
    current = [item.n];
    lists.push(current);
  }
  return {lists: lists, bad: bad};
}

// A word split across two lines: its pieces (between spaces; a break after a hyphen or slash is
// fine) each have to lie on one line.
function splitWords(card) {
  const out = [];
  for (const node of textNodes(card)) {
    const text = node.textContent;
    const re = /[^\s\u00a0\-\u2010-\u2014\/]+[\-\u2010-\u2014\/]?/g;
    let m;
    while ((m = re.exec(text))) {
      if (m[0].length < 2) continue;
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const tops = new Set();
      for (const rect of range.getClientRects()) {
        if (rect.width > 0.5) tops.add(Math.round(rect.top / 4));
      }
      if (tops.size > 1) out.push(m[0]);
    }
  }
  return out;
}

// Text cut off: an element that hides overflow (or ends it with an ellipsis) and is narrower than
// what it holds; or a line clamp.
function clipped(card) {
  const out = [];
  for (const el of card.querySelectorAll('*')) {
    if (!visible(el) || !el.textContent.trim()) continue;
    const style = getComputedStyle(el);
    const hides = style.overflowX === 'hidden' || style.overflow === 'hidden' || style.textOverflow === 'ellipsis';
    if (hides && el.scrollWidth > el.clientWidth + 1) out.push(el.textContent.trim().slice(0, 60));
    else if (hides && el.scrollHeight > el.clientHeight + 2 && style.webkitLineClamp !== 'none') {
      out.push(el.textContent.trim().slice(0, 60));
    }
  }
  return Array.from(new Set(out));
}

// The same sentence twice or more on one card (a label that should be shown once).
function repeated(card) {
  const seen = new Map();
  for (const el of card.querySelectorAll('.ac-textBlock')) {
    if (!visible(el)) continue;
    const text = el.textContent.trim();
    if (text.length < 25) continue;
    seen.set(text, (seen.get(text) || 0) + 1);
  }
  return Array.from(seen).filter(([, n]) => n > 1).map(([t, n]) => t.slice(0, 60) + ' (x' + n + ')');
}

function checkCard(card) {
  const first = card.querySelector('.ac-textBlock');
  const numbers = checkNumbers(card);
  return {
    title: first ? first.textContent.trim().slice(0, 80) : '(no title)',
    height: card.getBoundingClientRect().height,
    screen: window.innerHeight,
    numbers: numbers.lists,
    bad_numbers: numbers.bad,
    split_words: splitWords(card),
    clipped: clipped(card),
    repeated: repeated(card),
  };
}

function labelFor(card, input) {
  // The field's own label: <label for=id> on it or on the wrapper Adaptive Cards puts around it.
  for (let el = input, up = 0; el && el !== card && up < 4; el = el.parentElement, up++) {
    if (el.id) {
      const label = card.querySelector('label[for="' + el.id + '"]');
      if (label) return label.textContent;
    }
    const by = el.getAttribute('aria-labelledby');
    if (by && el !== input) return by.split(' ').map(id => (document.getElementById(id) || {}).textContent || '').join(' ');
  }
  return input.getAttribute('aria-label') || '';
}

function fillField(card, label, value) {
  const want = label.toLowerCase();
  const fields = Array.from(card.querySelectorAll('input, textarea, select'))
    .filter(el => el.type !== 'radio' && el.type !== 'checkbox');
  for (const el of fields) {
    if (!labelFor(card, el).toLowerCase().includes(want)) continue;
    if (el.tagName === 'SELECT') {
      const option = Array.from(el.options).find(o => o.text.toLowerCase().includes(value.toLowerCase()));
      if (!option) return 'no option ' + value;
      el.value = option.value;
    } else {
      el.focus();
      el.value = value;
    }
    el.dispatchEvent(new Event('input', {bubbles: true}));
    el.dispatchEvent(new Event('change', {bubbles: true}));
    return true;
  }
  // Radio buttons and check boxes: the group is labelled; each option has its own label.
  for (const group of card.querySelectorAll('.ac-choiceSetInput-expanded, .ac-choiceSetInput-multiSelect')) {
    if (!labelFor(card, group).toLowerCase().includes(want)) continue;
    const wanted = group.classList.contains('ac-choiceSetInput-multiSelect') ? value.split(',') : [value];
    let ticked = 0;
    for (const input of group.querySelectorAll('input')) {
      const text = (card.querySelector('label[for="' + input.id + '"]') || input.parentElement).textContent;
      const clean = text.replace(/\u00a0/g, ' ').replace(/\u2019/g, "'").trim().toLowerCase();
      if (wanted.some(w => clean.includes(w.trim().toLowerCase().replace(/\u2019/g, "'")))) {
        if (!input.checked) input.click();
        ticked++;
      }
    }
    return ticked ? true : 'no option ' + value;
  }
  return 'no field labelled ' + label;
}
