// Guide pages are cached for every visitor, so they cannot carry a per-visitor antiforgery token:
// the feedback form asks for one just before it is sent. Without script, the server shows a form
// with its own token instead.
document.addEventListener("submit", async (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.dataset.tokenUrl) return;
  const field = form.querySelector("input[name=__RequestVerificationToken]");
  if (!field || field.value) return;
  event.preventDefault();
  try {
    const response = await fetch(form.dataset.tokenUrl, { credentials: "same-origin", cache: "no-store" });
    if (response.ok) field.value = (await response.json()).token;
  } finally {
    form.submit();
  }
});
