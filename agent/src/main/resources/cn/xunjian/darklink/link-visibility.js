(cfg) => {
  // Classifies every <a href>, <iframe src> and <frame src> of the rendered page (and of same-origin frames) as
  // visible or hidden, after reference/darklinks-typos.md A.5, and tags each with data-xj-link="N" so evidence
  // can outline it. Links inside <noscript> never render when scripts run; they are parsed and reported too.
  // For a hidden link it also names the element that hides it ("hider", tagged data-xj-hider="N") and what on the
  // page would show that element (a :hover/:focus rule, a rule for another viewport or state class, an event
  // handler, a visible sibling panel, a visible label): ordinary menus, tabs and drop-downs, not 暗链.
  const out = [];
  const ui = cfg.ui || {pseudoClasses: [], events: [], friendLinkLabels: [], labelMaxChars: 0, maxScriptChars: 0};
  let seq = 0;
  const topWin = window;
  const startX = topWin.scrollX, startY = topWin.scrollY;

  const rgba = s => {
    if (!s) return null;
    if (s === 'transparent') return {r: 0, g: 0, b: 0, a: 0};
    const m = s.match(/rgba?\(([^)]+)\)/);
    if (!m) return null;
    const p = m[1].split(/[ ,\/]+/).filter(Boolean).map(v => v.endsWith('%') ? parseFloat(v) / 100 : Number(v));
    return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1};
  };
  const lum = c => {
    const f = v => (v /= 255) <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
  };
  const describe = e => {
    let d = e.tagName.toLowerCase();
    if (e.id) d += '#' + e.id;
    if (typeof e.className === 'string' && e.className.trim()) d += '.' + e.className.trim().split(/\s+/).join('.');
    return d;
  };
  const subset = s => ({
    display: s.display, visibility: s.visibility, opacity: s.opacity, position: s.position, left: s.left,
    top: s.top, width: s.width, height: s.height, fontSize: s.fontSize, color: s.color,
    backgroundColor: s.backgroundColor, textIndent: s.textIndent, overflow: s.overflow, clip: s.clip,
    clipPath: s.clipPath, transform: s.transform, zIndex: s.zIndex
  });
  // ---- what would show a hidden element ----
  const esc = v => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pseudoRe = ui.pseudoClasses.length
      ? new RegExp('(' + ui.pseudoClasses.map(esc).join('|') + ')(?![\\w-])', 'g') : null;
  const splitTop = (text, seps) => {
    const parts = [];
    let depth = 0, cur = '', quote = null;
    for (const ch of text) {
      if (quote) { cur += ch; if (ch === quote) quote = null; continue; }
      if (ch === '"' || ch === "'") { quote = ch; cur += ch; continue; }
      if (ch === '(' || ch === '[') depth++;
      if (ch === ')' || ch === ']') depth--;
      if (depth === 0 && seps.includes(ch)) { parts.push(cur); cur = ''; continue; }
      cur += ch;
    }
    parts.push(cur);
    return parts.map(p => p.trim()).filter(Boolean);
  };
  // the properties that can undo each way of hiding
  const UNDO = {
    'no-box': ['display'], 'invisible': ['visibility', 'opacity', 'display'], 'opacity': ['opacity'],
    'off-page': ['left', 'top', 'right', 'bottom', 'transform', 'position', 'margin-left', 'margin-top', 'display'],
    'text-off-page': ['text-indent'], 'font-size': ['font-size'],
    'clipped': ['height', 'max-height', 'width', 'overflow', 'clip', 'clip-path', 'position', 'left', 'top', 'transform', 'display'],
    'tiny-box': ['height', 'max-height', 'width', 'overflow', 'display', 'position'],
    'clip-path': ['clip-path'], 'covered': ['z-index', 'display', 'visibility']
  };
  const undoes = (style, reason) => (UNDO[reason] || Object.values(UNDO).flat()).some(p => {
    const v = style.getPropertyValue(p);
    if (!v) return false;
    if (p === 'display') return v !== 'none';
    if (p === 'visibility') return v === 'visible';
    if (p === 'opacity') return parseFloat(v) >= 0.5;
    if (p === 'height' || p === 'max-height' || p === 'width' || p === 'font-size') return !/^0(px|%|em|rem)?$/.test(v.trim());
    if (p === 'text-indent') return parseFloat(v) > -100;
    return true;
  });
  const sizeMedia = m => /(width|height|orientation|aspect-ratio|resolution|hover|pointer)/.test(m);
  const ruleCache = new Map();
  // style rules of a document with the media they depend on: 'other' (not matching now), 'now' (a size query that
  // matches now) or '' (no size query); cross-origin sheets cannot be read and are skipped
  const styleRules = (doc, win) => {
    if (ruleCache.has(doc)) return ruleCache.get(doc);
    const list = [];
    const visit = (rules, media) => {
      for (const r of rules) {
        if (r.selectorText !== undefined && r.style) {
          for (const sel of splitTop(r.selectorText, ',')) list.push({sel, style: r.style, media});
        } else if (r.cssRules) {
          let m = media;
          if (r.media && r.media.mediaText && sizeMedia(r.media.mediaText)) {
            m = !win.matchMedia(r.media.mediaText).matches ? 'other' : (media === 'other' ? 'other' : 'now');
          }
          try { visit(r.cssRules, m); } catch (e) { /* unreadable */ }
        }
      }
    };
    for (const sheet of doc.styleSheets) {
      let rules = null;
      try { rules = sheet.cssRules; } catch (e) { rules = null; }
      if (rules) visit(rules, '');
    }
    ruleCache.set(doc, list);
    return list;
  };
  const matches = (e, sel) => { try { return e.matches(sel); } catch (x) { return false; } };
  const lastCompound = sel => { const p = splitTop(sel, ' >+~'); return p.length ? p[p.length - 1] : ''; };
  const shown = e => e.getClientRects().length > 0
      && (!e.checkVisibility || e.checkVisibility({opacityProperty: true, visibilityProperty: true}));
  const scriptCache = new Map();
  const inlineScripts = doc => {
    if (scriptCache.has(doc)) return scriptCache.get(doc);
    let text = '';
    for (const sc of doc.querySelectorAll('script:not([src])')) {
      if (text.length > ui.maxScriptChars) break;
      text += '\n' + (sc.textContent || '');
    }
    for (const e of doc.querySelectorAll('*')) {
      for (const a of e.attributes) if (a.name.startsWith('on')) text += '\n' + a.value;
      if (text.length > ui.maxScriptChars) break;
    }
    scriptCache.set(doc, text);
    return text;
  };
  const hasJqHandler = (win, node, doc) => {
    const jq = win.jQuery;
    if (!jq || typeof jq._data !== 'function') return null;
    const own = jq._data(node, 'events');
    if (own) for (const t of ui.events) if (own[t] && own[t].length) return t;
    for (let d = node.parentElement; d; d = d.parentElement) {
      const ev = jq._data(d, 'events');
      if (!ev) continue;
      for (const t of ui.events) for (const h of ev[t] || []) if (h.selector && matches(node, h.selector)) return t;
    }
    const ev = jq._data(doc, 'events');
    if (ev) for (const t of ui.events) for (const h of ev[t] || []) if (h.selector && matches(node, h.selector)) return t;
    return null;
  };
  // the element whose own style hides el, for the first of its reasons that names one (the link itself otherwise)
  const hiderOf = (el, win, why) => {
    const up = f => {
      for (let e = el; e && e.nodeType === 1 && e !== e.ownerDocument.documentElement; e = e.parentElement) {
        if (f(e, win.getComputedStyle(e))) return e;
      }
      return null;
    };
    const parentStyle = e => e.parentElement ? win.getComputedStyle(e.parentElement) : null;
    const find = reason => {
      switch (reason) {
        case 'no-box': return up((e, s) => s.display === 'none');
        case 'invisible': return up((e, s) => parseFloat(s.opacity) < cfg.minOpacity || (s.visibility !== 'visible'
            && (!parentStyle(e) || parentStyle(e).visibility === 'visible')));
        case 'opacity': return up((e, s) => parseFloat(s.opacity) < 1);
        case 'off-page': return up((e, s) => s.transform !== 'none'
            || (s.position !== 'static' && (parseFloat(s.left) < -100 || parseFloat(s.top) < -100)));
        case 'text-off-page': return up((e, s) => parseFloat(s.textIndent) < -100);
        case 'font-size': return up((e, s) => parseFloat(s.fontSize) < cfg.minFontPx
            && (!parentStyle(e) || parseFloat(parentStyle(e).fontSize) >= cfg.minFontPx));
        case 'clipped': case 'tiny-box': case 'clip-path':
          return up((e, s) => s.overflow !== 'visible' || s.clip !== 'auto' || s.clipPath !== 'none');
        case 'marquee': return up(e => e.tagName === 'MARQUEE');
        default: return null;
      }
    };
    for (const w of why) {
      const h = find(w.split(':')[0]);
      if (h) return h;
    }
    return el;
  };
  let hiderSeq = 0;
  const hiders = new Map();
  function hiderInfo(el, win, doc, why) {
    const h = hiderOf(el, win, why);
    if (hiders.has(h)) return hiders.get(h);
    const reasons = why.map(w => w.split(':')[0]);
    const revealed = [];
    const path = [];
    for (let n = el; n; n = n.parentElement) { path.push(n); if (n === h) break; }
    // CSS: a state rule (:hover, :focus…), a rule for another viewport, a rule for a class the block gets toggled to
    const classes = [...h.classList];
    const names = classes.map(c => new RegExp('\\.' + esc(c) + '(?![\\w-])'));
    if (h.id) names.push(new RegExp('#' + esc(h.id) + '(?![\\w-])'));
    for (const r of styleRules(doc, win)) {
      if (revealed.length > 2) break;
      const hidesNow = r.media === 'now' && r.style.getPropertyValue('display') === 'none';
      if (!hidesNow && !reasons.some(reason => undoes(r.style, reason))) continue;
      if (r.media === 'other' && matches(h, r.sel)) { revealed.push('other-viewport:' + r.sel); continue; }
      if (hidesNow) { if (matches(h, r.sel)) revealed.push('other-viewport:' + r.sel); continue; }
      if (pseudoRe && (pseudoRe.lastIndex = 0, pseudoRe.test(r.sel))) {
        let bare = r.sel.replace(pseudoRe, '');
        bare = bare.replace(/([>+~]\s*)$/, '$1*').replace(/(^|[\s>+~])(?=[\s>+~]|$)/g, '$1*');
        if (bare.trim() && matches(h, bare)) revealed.push('css-state:' + r.sel);
        continue;
      }
      const last = lastCompound(r.sel);
      if (names.some(re => re.test(last)) && !matches(h, r.sel)) revealed.push('css-class:' + r.sel);
    }
    // event handlers on the block, on its ancestors (a menu item), on its siblings (a tab bar, a title)
    const near = [h];
    for (let a = h.parentElement, i = 0; a && i < 4 && a !== doc.body; a = a.parentElement, i++) near.push(a);
    for (const sib of h.parentElement ? h.parentElement.children : []) if (sib !== h) near.push(sib);
    for (const n of near) {
      const attr = ui.events.find(t => n.hasAttribute('on' + t));
      if (attr) { revealed.push('handler:on' + attr + '@' + describe(n)); break; }
      let jq = null;
      try { jq = hasJqHandler(win, n, doc); } catch (e) { jq = null; }
      if (jq) { revealed.push('jquery:' + jq + '@' + describe(n)); break; }
    }
    // the block's id, or its container's (a tab set: tabs("tab_t_link", "tab_c_link")), named in a page script
    const scripts = inlineScripts(doc);
    const ided = [h, h.parentElement, h.parentElement && h.parentElement.parentElement].filter(e => e && e.id);
    const byId = ided.find(e => new RegExp('[\'"#]' + esc(e.id) + '[\'"]').test(scripts));
    if (byId) revealed.push('script:#' + byId.id);
    else {
      const c = classes.find(c => new RegExp('[\'"][^\'"\\n]*\\.' + esc(c) + '(?![\\w-])[^\'"\\n]*[\'"]').test(scripts));
      if (c) revealed.push('script:.' + c);
    }
    // one of several panels (tabs, carousel slides) of which another is shown
    for (const n of path) {
      const p = n.parentElement;
      if (!p) continue;
      const twin = [...p.children].find(s => s !== n && s.tagName === n.tagName && !s.contains(el)
          && [...n.classList].some(c => s.classList.contains(c)) && shown(s));
      if (twin) { revealed.push('sibling-panel:' + describe(twin)); break; }
    }
    // a visible button right before the block: a drop-down that a click opens (丰台: button.btn + ul.dropdown-menu)
    let prev = h.previousElementSibling;
    while (prev && prev.tagName === 'SCRIPT') prev = prev.previousElementSibling;
    if (prev && shown(prev) && (prev.tagName === 'BUTTON' || prev.getAttribute('role') === 'button'
        || prev.hasAttribute('data-toggle') || prev.hasAttribute('data-bs-toggle'))) {
      revealed.push('toggle:' + describe(prev));
    }
    // a visible title right before the block: a drop-down list under its label
    let label = '';
    for (let n = h.previousSibling; n; n = n.previousSibling) {
      if (n.nodeType === 3) label = n.data + label;
      else if (n.nodeType === 1 && shown(n)) label = (n.textContent || '') + label;
      if (label.replace(/\s+/g, '').length > ui.labelMaxChars) break;
    }
    label = label.replace(/\s+/g, '');
    const parentTag = h.parentElement ? h.parentElement.tagName : '';
    if (label && label.length <= ui.labelMaxChars
        && (['LI', 'DD', 'DT'].includes(parentTag) || ui.friendLinkLabels.some(w => label.includes(w)))) {
      revealed.push('label:' + label);
    }
    if (!h.hasAttribute('data-xj-hider')) h.setAttribute('data-xj-hider', String(hiderSeq++));
    const info = {id: Number(h.getAttribute('data-xj-hider')), element: describe(h),
                  text: (h.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 300), revealed};
    hiders.set(h, info);
    return info;
  }
  const clipRect = (s, q) => {
    if (s.clip && s.clip.startsWith('rect(')) {
      const n = s.clip.slice(5, -1).split(/[ ,]+/).map(v => v === 'auto' ? null : parseFloat(v));
      if (n.length === 4) {
        return {left: q.left + (n[3] ?? 0), top: q.top + (n[0] ?? 0),
                right: n[1] === null ? q.right : q.left + n[1], bottom: n[2] === null ? q.bottom : q.top + n[2]};
      }
    }
    return null;
  };
  const clipPathEmpty = cp => {
    if (!cp || cp === 'none') return false;
    let m = cp.match(/^inset\(([\d.]+)(%|px)/);
    if (m) return m[2] === '%' ? parseFloat(m[1]) >= 50 : false;
    if (/^circle\(0(px|%)?[ )]/.test(cp) || /^ellipse\(0(px|%)? 0/.test(cp)) return true;
    m = cp.match(/^polygon\((.*)\)$/);
    if (m) return m[1].split(/[ ,]+/).filter(Boolean).every(v => parseFloat(v) === 0);
    return false;
  };
  const unionBox = (el) => {
    let box = null;
    const add = r => {
      if (r.width === 0 && r.height === 0) return;
      box = box ? {left: Math.min(box.left, r.left), top: Math.min(box.top, r.top),
                   right: Math.max(box.right, r.right), bottom: Math.max(box.bottom, r.bottom)}
                : {left: r.left, top: r.top, right: r.right, bottom: r.bottom};
    };
    for (const r of el.getClientRects()) add(r);
    for (const d of el.querySelectorAll('*')) for (const r of d.getClientRects()) add(r);
    const r = el.getBoundingClientRect();
    return box || {left: r.left, top: r.top, right: r.right, bottom: r.bottom};
  };

  function classify(el, win, doc, inherited) {
    const why = [...inherited];
    const cs = win.getComputedStyle(el);
    const isLink = el.tagName === 'A';
    const text = (el.textContent || '').trim();
    const hasMedia = !!el.querySelector('img, svg, canvas, input, video, object, embed');
    const notes = [];
    let opacity = 1;
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      const s = win.getComputedStyle(e);
      opacity *= parseFloat(s.opacity);
      if (e === el) continue;
      const bits = [];
      if (s.display === 'none') bits.push('display:none');
      if (s.visibility !== 'visible') bits.push('visibility:' + s.visibility);
      if (parseFloat(s.opacity) < 1) bits.push('opacity:' + s.opacity);
      if (s.overflow !== 'visible') bits.push('overflow:' + s.overflow + ';width:' + s.width + ';height:' + s.height);
      if (s.position !== 'static' && (parseFloat(s.left) < -100 || parseFloat(s.top) < -100))
        bits.push('position:' + s.position + ';left:' + s.left + ';top:' + s.top);
      if (parseFloat(s.fontSize) < cfg.minFontPx) bits.push('font-size:' + s.fontSize);
      if (s.clip !== 'auto') bits.push('clip:' + s.clip);
      if (s.clipPath !== 'none') bits.push('clip-path:' + s.clipPath);
      if (s.transform !== 'none') bits.push('transform:' + s.transform);
      if (parseFloat(s.textIndent) < -100) bits.push('text-indent:' + s.textIndent);
      if (bits.length) notes.push(describe(e) + ' {' + bits.join('; ') + '}');
    }
    if (el.getClientRects().length === 0) why.push('no-box');
    const cv = el.checkVisibility ? el.checkVisibility({opacityProperty: true, visibilityProperty: true}) : true;
    if (!cv && !why.includes('no-box')) why.push('invisible');
    if (why.length === 0 && opacity < cfg.minOpacity) why.push('opacity');
    let marquee = null;
    for (let e = el.parentElement; e; e = e.parentElement) if (e.tagName === 'MARQUEE') { marquee = e; break; }
    if (why.length === 0 && marquee) {
      const q = marquee.getBoundingClientRect();
      if (q.width < cfg.tinyPx || q.height < cfg.tinyPx) why.push('marquee');
    }
    if (why.length === 0) {
      const sx = win.scrollX, sy = win.scrollY;
      const W = Math.max(doc.documentElement.scrollWidth, win.innerWidth);
      const H = Math.max(doc.documentElement.scrollHeight, win.innerHeight);
      const r = unionBox(el);
      if (r.right - r.left < cfg.tinyPx || r.bottom - r.top < cfg.tinyPx) why.push('tiny-box');
      if (r.right + sx <= 0 || r.bottom + sy <= 0 || r.left + sx >= W || r.top + sy >= H) why.push('off-page');
      if (isLink && text && !hasMedia && parseFloat(cs.fontSize) < cfg.minFontPx) why.push('font-size');
      if (isLink && text && !hasMedia) {
        const rg = doc.createRange();
        rg.selectNodeContents(el);
        const t = rg.getBoundingClientRect();
        if (t.width > 0 && (t.right + sx <= 0 || t.bottom + sy <= 0 || t.left + sx >= W || t.top + sy >= H))
          why.push('text-off-page');
      }
      // clipping: the element's own clip/clip-path, then ancestors' overflow/clip/clip-path, skipping overflow
      // of ancestors an absolutely or fixed positioned box escapes
      let v = {l: r.left, t: r.top, r: r.right, b: r.bottom};
      const cut = c => { v = {l: Math.max(v.l, c.left), t: Math.max(v.t, c.top), r: Math.min(v.r, c.right), b: Math.min(v.b, c.bottom)}; };
      let escape = cs.position === 'fixed' ? 'fixed' : cs.position === 'absolute' ? 'absolute' : null;
      const own = clipRect(cs, el.getBoundingClientRect());
      if (own) cut(own);
      if (clipPathEmpty(cs.clipPath)) why.push('clip-path');
      for (let e = el.parentElement; e && e !== doc.documentElement; e = e.parentElement) {
        const s = win.getComputedStyle(e);
        const q = e.getBoundingClientRect();
        const c = clipRect(s, q);
        if (c && s.position !== 'static') cut(c);
        if (clipPathEmpty(s.clipPath) && !why.includes('clip-path')) why.push('clip-path');
        const positioned = s.position !== 'static';
        const clips = s.overflow !== 'visible' && e !== doc.body
            && (escape === null || (escape === 'absolute' && positioned));
        if (clips) cut(q);
        if (escape === 'absolute' && positioned) escape = null;
        if (s.position === 'fixed') escape = 'fixed';
        else if (s.position === 'absolute' && escape !== 'fixed') escape = 'absolute';
      }
      if (v.r - v.l < cfg.tinyPx || v.b - v.t < cfg.tinyPx) {
        if (!why.includes('tiny-box')) why.push('clipped');
      }
      if (isLink && text && !hasMedia) {
        const fg = rgba(cs.color);
        if (fg && fg.a < cfg.minOpacity) why.push('transparent-text');
        else if (fg) {
          let bg = {r: 255, g: 255, b: 255, a: 1};
          for (let e = el; e; e = e.parentElement) {
            const s = win.getComputedStyle(e), c = rgba(s.backgroundColor);
            if (c && c.a > 0.5) { bg = c; break; }
            if (s.backgroundImage !== 'none') { bg = null; break; }
          }
          if (bg) {
            const a = lum(fg), b = lum(bg);
            const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
            if (ratio < cfg.minContrast) why.push('low-contrast');
          }
        }
      }
      if (why.length === 0 && win === topWin) {
        // hit-test at the box centre with the box scrolled into the viewport; overlays that stay in place while
        // the page scrolls (position fixed/sticky: cookie banners, toolbars) are not counted as covering
        const first = [...el.getClientRects()].find(q => q.width >= 1 && q.height >= 1);
        const hr = first ? {left: first.left, right: first.right, top: first.top, bottom: first.bottom} : r;
        const cx = (hr.left + hr.right) / 2 + sx, cy = (hr.top + hr.bottom) / 2 + sy;
        win.scrollTo(cx - win.innerWidth / 2, cy - win.innerHeight / 2);
        const px = cx - win.scrollX, py = cy - win.scrollY;
        if (px >= 0 && py >= 0 && px < win.innerWidth && py < win.innerHeight) {
          const hit = doc.elementFromPoint(px, py);
          if (hit && hit !== el && !el.contains(hit) && !hit.contains(el)) {
            let pinned = false;
            for (let e = hit; e; e = e.parentElement) {
              const p = win.getComputedStyle(e).position;
              if (p === 'fixed' || p === 'sticky') { pinned = true; break; }
            }
            if (!pinned) why.push('covered:' + describe(hit));
          }
        }
      }
    }
    return {why, notes, style: subset(cs), text, hasMedia};
  }

  const entry = (el, tag, href, text, title, html, selectorEl, result, frame, hider) => {
    out.push({
      id: seq, tag, href, text: text.replace(/\s+/g, ' ').slice(0, 200), title: title || '',
      outerHTML: html.length > cfg.maxHtml ? html.slice(0, cfg.maxHtml) + '…' : html,
      selector: '[data-xj-link="' + selectorEl.getAttribute('data-xj-link') + '"]',
      hidden: result.why.length > 0, reasons: result.why, ancestors: result.notes, style: result.style, frame,
      media: !!result.hasMedia, hider: hider || null
    });
  };

  function walk(win, doc, inherited, frameSelectorEl, frameUrl) {
    for (const el of doc.querySelectorAll('a[href], iframe[src], frame[src]')) {
      el.setAttribute('data-xj-link', String(seq));
      const r = classify(el, win, doc, inherited);
      const tag = el.tagName.toLowerCase();
      const href = tag === 'a' ? el.href : el.src;
      let hider = null;
      if (r.why.length) {
        if (frameSelectorEl && inherited.length) {
          hider = {id: -1 - Number(frameSelectorEl.getAttribute('data-xj-link')), element: describe(frameSelectorEl),
                   text: '', revealed: []};
        } else {
          try { hider = hiderInfo(el, win, doc, r.why); } catch (e) { hider = null; }
        }
      }
      entry(el, tag, href, tag === 'a' ? r.text : '', el.getAttribute('title'), el.outerHTML,
            frameSelectorEl || el, r, frameUrl, hider);
      seq++;
      if (tag !== 'a') {
        let inner = null;
        try { inner = el.contentDocument; } catch (e) { inner = null; }
        if (inner && inner.documentElement && el.contentWindow) {
          const reasons = r.why.length ? r.why.map(w => 'in-hidden-frame:' + w) : [];
          walk(el.contentWindow, inner, [...inherited, ...reasons], frameSelectorEl || el, el.src);
        }
      }
    }
    for (const ns of doc.querySelectorAll('noscript')) {
      const markup = ns.textContent || ns.innerHTML || '';
      if (!/<a[\s>]/i.test(markup)) continue;
      ns.setAttribute('data-xj-link', String(seq));
      const parsed = new DOMParser().parseFromString(markup, 'text/html');
      for (const a of parsed.querySelectorAll('a[href]')) {
        let href = a.getAttribute('href');
        try { href = new URL(href, doc.baseURI).href; } catch (e) { /* keep as written */ }
        entry(a, 'a', href, (a.textContent || '').trim(), a.getAttribute('title'), a.outerHTML, frameSelectorEl || ns,
              {why: [...inherited, 'noscript'], notes: ['noscript'], style: {}, hasMedia: !!a.querySelector('img')},
              frameUrl, {id: -1000 - Number(ns.getAttribute('data-xj-link')), element: 'noscript', text: '', revealed: []});
        seq++;
      }
    }
  }

  try {
    walk(topWin, document, [], null, '');
  } finally {
    topWin.scrollTo(startX, startY);
  }
  return out;
}
