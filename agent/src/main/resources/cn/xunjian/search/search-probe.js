(h) => {
  const lower = (s) => (s || '').toString().toLowerCase();
  const hit = (s, list) => list.some((k) => lower(s).includes(lower(k)));
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none';
  };
  const texty = (i) => ['text', 'search'].includes(lower(i.type));
  const inputs = [...document.querySelectorAll('input')].filter((i) => texty(i) && visible(i) && !i.disabled);
  let box = inputs.find((i) => lower(i.type) === 'search');
  let how = 'input[type=search]';
  if (!box) {
    how = 'name/placeholder';
    box = inputs.find((i) => hit([i.name, i.id, i.placeholder, i.title, i.getAttribute('aria-label')].join(' '), h.fieldHints));
  }
  if (!box) {
    how = 'form action';
    box = inputs.find((i) => i.form && hit(i.form.getAttribute('action'), h.actionHints));
  }
  if (!box && h.anyInput) {
    how = 'search page';
    box = inputs.find((i) => i.form) || inputs[0];
  }
  if (!box) {
    return { found: false };
  }
  box.setAttribute('data-xunjian-search', 'input');
  const scope = box.form || box.closest('div, td, li, p, section, header, nav') || document.body;
  const candidates = [...scope.querySelectorAll('button, input[type=submit], input[type=button], input[type=image], a, span, img, i')]
    .filter((b) => b !== box && visible(b));
  const label = (b) => [b.innerText, b.value, b.title, b.alt, b.getAttribute('aria-label'), b.className, b.id].join(' ');
  const button = candidates.find((b) => hit(label(b), h.buttonHints))
    || (box.form ? candidates.find((b) => b.matches('button, input[type=submit], input[type=image]')) : undefined);
  if (button) {
    button.setAttribute('data-xunjian-search', 'button');
  }
  return { found: true, how, button: !!button, placeholder: box.placeholder || '', action: box.form ? box.form.action : '' };
}
