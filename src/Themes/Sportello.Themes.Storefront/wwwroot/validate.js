// Live validation: any <input data-validate="codice-fiscale|partita-iva|iban|email|phone|cap|provincia|sdi"> is
// checked by the tenant's /api/validate/<kind> once it has been left, then as it is edited; the answer is shown
// under the field (announced politely). With data-normalize, a valid value is rewritten the way it is stored when the
// field is left (a codice fiscale in capitals, say; not a phone number, which people like to read in groups).
// Without script the server checks the same rules when the form is posted.
(() => {
  const script = document.currentScript;
  const base = script ? script.src.slice(0, script.src.indexOf("_content/")) : "/";
  const fields = document.querySelectorAll("input[data-validate]");
  let counter = 0;

  fields.forEach((input) => {
    const kind = input.dataset.validate;
    const note = document.createElement("p");
    note.className = "field-live";
    note.id = (input.id || "field-" + ++counter) + "-live";
    note.setAttribute("aria-live", "polite");
    input.insertAdjacentElement("afterend", note);
    input.setAttribute("aria-describedby", ((input.getAttribute("aria-describedby") || "") + " " + note.id).trim());

    let timer = 0;
    let asked = 0;
    let touched = false;

    const check = async (leaving) => {
      const value = input.value;
      if (value.trim() === "") {
        note.textContent = "";
        input.removeAttribute("aria-invalid");
        return;
      }
      const ticket = ++asked;
      try {
        const response = await fetch(base + "api/validate/" + encodeURIComponent(kind) + "?value=" + encodeURIComponent(value),
          { headers: { Accept: "application/json" }, credentials: "same-origin" });
        if (!response.ok || ticket !== asked) return; // rate-limited or stale: the server checks on submit anyway
        const answer = await response.json();
        note.textContent = answer.valid ? "" : answer.message;
        note.classList.toggle("invalid", !answer.valid);
        input.setAttribute("aria-invalid", String(!answer.valid));
        if (answer.valid && leaving && input.hasAttribute("data-normalize") && input.value === value) input.value = answer.normalized;
      } catch {
        // Offline or the server went away: say nothing, the form still posts.
      }
    };

    input.addEventListener("blur", () => {
      touched = true;
      clearTimeout(timer);
      check(true);
    });
    input.addEventListener("input", () => {
      if (!touched) return; // no reproach while the first value is still being typed
      clearTimeout(timer);
      timer = setTimeout(() => check(false), 300);
    });
  });
})();
