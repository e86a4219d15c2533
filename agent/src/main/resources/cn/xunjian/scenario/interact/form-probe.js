() => {
  const visible = (el) => {
    const s = getComputedStyle(el);
    if (s.display === 'none' || s.visibility === 'hidden' || Number(s.opacity) === 0) return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const clip = (s) => (s || '').replace(/\s+/g, ' ').trim().slice(0, 60);
  const labelOf = (el) => {
    if (el.id) {
      const l = document.querySelector('label[for="' + CSS.escape(el.id) + '"]');
      if (l) return clip(l.innerText);
    }
    const wrap = el.closest('label');
    if (wrap) return clip(wrap.innerText);
    const row = el.closest('tr, li, dl, .form-group, .form-item, .row, p, div');
    return row ? clip(row.innerText) : '';
  };
  const out = { fields: [], captcha: [] };
  let n = 0;
  document.querySelectorAll('[data-xj-field]').forEach((el) => el.removeAttribute('data-xj-field'));
  const controls = document.querySelectorAll(
    'input, textarea, select, button, [role=button], a[onclick], a.btn, a.submit, span.btn, div.btn');
  controls.forEach((el) => {
    const tag = el.tagName.toLowerCase();
    const type = (el.getAttribute('type') || (tag === 'input' ? 'text' : '')).toLowerCase();
    if (type === 'hidden') return;
    el.setAttribute('data-xj-field', String(n));
    out.fields.push({
      index: n++, tag, type,
      name: el.getAttribute('name') || '', id: el.id || '',
      placeholder: el.getAttribute('placeholder') || '',
      label: labelOf(el),
      text: clip(tag === 'input' ? (el.value || '') : el.innerText),
      cls: clip(el.className && el.className.baseVal === undefined ? el.className : ''),
      visible: visible(el),
      enabled: !el.disabled && !el.readOnly,
      required: el.required || el.getAttribute('aria-required') === 'true',
      options: tag === 'select' ? Array.from(el.options).map((o) => o.value) : [],
    });
  });
  document.querySelectorAll('img').forEach((img) => {
    const hay = [img.src, img.alt, img.id, img.className, img.title].join(' ').toLowerCase();
    const near = img.parentElement ? clip(img.parentElement.closest('tr, li, p, div, td') ?
        img.parentElement.closest('tr, li, p, div, td').innerText : '') : '';
    out.captcha.push({ kind: 'img', text: hay + ' ' + near.toLowerCase(), visible: visible(img) });
  });
  document.querySelectorAll('div, span, iframe').forEach((el) => {
    const hay = [el.id, typeof el.className === 'string' ? el.className : '', el.getAttribute('src') || ''].join(' ').toLowerCase();
    if (hay.trim()) out.captcha.push({ kind: 'widget', text: hay + ' ' + (el.children.length === 0 ? clip(el.innerText) : ''),
        visible: visible(el) });
  });
  return out;
}
