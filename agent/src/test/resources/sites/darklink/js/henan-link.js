// The drop-down handlers of mhxqwer/zyjhenan.gov.cn static/js/link.js (desktop branch).
$(function() {
    $(".navUl li").mouseenter(function() {
        $(this).toggleClass("on");
        $(".navList").removeClass("show");
        $(this).children(".navList").addClass("show");
    });
    $(".navUl li").mouseleave(function() {
        $(".navList").removeClass("show");
    });
});
