// Passkeys: a form marked data-passkey="create" or "get" asks the page for the WebAuthn options (a POST with the
// antiforgery token), lets the browser create or use a passkey, and posts the result in its CredentialJson field.
// Without WebAuthn the forms stay hidden and the rest of the page works as before.
(() => {
  if (!window.PublicKeyCredential || !PublicKeyCredential.parseCreationOptionsFromJSON) {
    return;
  }

  for (const form of document.querySelectorAll('form[data-passkey]')) {
    form.hidden = false;
    const status = form.querySelector('[data-passkey-status]');
    form.addEventListener('submit', async (event) => {
      if (form.dataset.ready === 'yes') {
        return;
      }

      event.preventDefault();
      status.textContent = '';
      try {
        const token = form.querySelector('input[name="__RequestVerificationToken"]').value;
        const response = await fetch(form.dataset.options, { method: 'POST', headers: { RequestVerificationToken: token }, credentials: 'same-origin' });
        if (!response.ok) {
          throw new Error(String(response.status));
        }

        const options = await response.json();
        const credential = form.dataset.passkey === 'create'
          ? await navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options) })
          : await navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options) });
        form.querySelector('input[name="CredentialJson"]').value = JSON.stringify(credential);
        form.dataset.ready = 'yes';
        form.requestSubmit();
      } catch (error) {
        status.textContent = error && error.name === 'NotAllowedError' ? form.dataset.cancelled : form.dataset.failed;
      }
    });
  }
})();
