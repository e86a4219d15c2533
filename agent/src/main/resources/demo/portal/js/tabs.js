// The tab helper of the 友情链接 tabs on the home page: the first pane shown, the others hidden, a pane shown when its
// title is hovered (after the PageAdmin CMS template's tabs()).
function tabs(titles, panes) {
  var t = document.getElementById(titles).getElementsByTagName('dd');
  var p = document.getElementById(panes).children;
  for (var i = 0; i < p.length; i++) {
    p[i].style.display = i === 0 ? 'block' : 'none';
    (function (n) {
      t[n].onmouseover = function () {
        for (var j = 0; j < p.length; j++) { p[j].style.display = j === n ? 'block' : 'none'; }
      };
    })(i);
  }
}
