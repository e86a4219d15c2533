// Shows the tip to browsers older than IE 9 only.
document.addEventListener('DOMContentLoaded', function () {
    if (/MSIE [5-8]\./.test(navigator.userAgent)) {
        document.getElementById('ielt8-tips').style.display = 'block';
    }
});
