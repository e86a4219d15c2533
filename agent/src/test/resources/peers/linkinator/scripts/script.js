const foo = {
	bar: '<a href="uhoh.html">Wot<a>',
};
