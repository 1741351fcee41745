// Live preview of a guide's Markdown body in the back office: 400 ms after the editor stops typing, the body is posted
// to the page's Preview handler (antiforgery token in the RequestVerificationToken header) and the sanitized HTML the
// server returns replaces the preview. Without JavaScript the "Anteprima" button does the same with a full page.
// The slug is suggested from the title while the editor has not typed one, and a slug the browser refuses says why.
(function () {
    'use strict';
    var slug = document.querySelector('input[data-slug-from]');
    if (!slug) {
        return;
    }

    var title = document.querySelector('input[name="' + slug.getAttribute('data-slug-from') + '"]');
    var typed = slug.value.length > 0;
    function suggest(text) {
        return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
            .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 150);
    }

    if (title) {
        title.addEventListener('input', function () {
            if (!typed) {
                slug.value = suggest(title.value);
            }
        });
    }

    slug.addEventListener('input', function () {
        typed = slug.value.length > 0;
        slug.setCustomValidity('');
    });
    slug.addEventListener('invalid', function () {
        if (slug.validity.patternMismatch) {
            slug.setCustomValidity(slug.getAttribute('data-slug-message'));
        }
    });
})();

(function () {
    'use strict';
    var form = document.getElementById('kb-editor');
    var preview = document.getElementById('kb-preview');
    if (!form || !preview) {
        return;
    }

    var body = form.querySelector('textarea[name="Body"]');
    var tokenField = form.querySelector('input[name="__RequestVerificationToken"]');
    var url = preview.getAttribute('data-preview-url');
    if (!body || !tokenField || !url) {
        return;
    }

    var timer = null;
    var pending = null;

    function refresh() {
        if (pending) {
            pending.abort();
        }

        pending = new AbortController();
        var data = new URLSearchParams();
        data.append('Body', body.value);
        fetch(url, {
            method: 'POST',
            headers: { 'RequestVerificationToken': tokenField.value },
            body: data,
            credentials: 'same-origin',
            signal: pending.signal
        }).then(function (response) {
            if (!response.ok) {
                throw new Error('Preview answered ' + response.status);
            }
            return response.text();
        }).then(function (html) {
            // The server sanitized this HTML with the same rules as the public guide page.
            preview.innerHTML = html;
        }).catch(function (error) {
            if (error.name !== 'AbortError') {
                preview.setAttribute('data-preview-error', 'true');
            }
        });
    }

    body.addEventListener('input', function () {
        window.clearTimeout(timer);
        timer = window.setTimeout(refresh, 400);
    });

    if (body.value && !preview.innerHTML.trim()) {
        refresh();
    }
})();
