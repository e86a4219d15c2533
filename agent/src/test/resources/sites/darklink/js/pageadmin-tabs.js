// Stand-in for the PageAdmin tabs() helper the template above calls: first pane shown, the others hidden, a pane
// shown when its title is hovered.
function tabs(titles, panes, event) {
    var t = document.getElementById(titles).getElementsByTagName("dd");
    var p = document.getElementById(panes).children;
    for (var i = 0; i < p.length; i++) {
        p[i].style.display = i === 0 ? "block" : "none";
        (function (n) {
            t[n].onmouseover = function () {
                for (var j = 0; j < p.length; j++) p[j].style.display = j === n ? "block" : "none";
            };
        })(i);
    }
}
