// The national "我为政府网站找错" entry, as the platform's script inserts it: the link only exists in the rendered DOM.
(function () {
  var script = document.getElementById('_jiucuo_');
  if (!script) { return; }
  var code = script.getAttribute('sitecode');
  var link = document.createElement('a');
  link.href = 'https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=' + code + '&url=' + encodeURIComponent(location.href);
  link.target = '_blank';
  link.textContent = '我为政府网站找错';
  script.parentNode.appendChild(link);
})();
