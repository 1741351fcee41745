// On a narrow screen the back-office menu folds behind a button. Without script it simply stays open above the page.
(() => {
  const toggle = document.querySelector(".menu-toggle");
  const menu = document.getElementById("admin-menu");
  if (!toggle || !menu) return;
  const narrow = window.matchMedia("(max-width: 48rem)");
  const set = (open) => {
    toggle.setAttribute("aria-expanded", String(open));
    menu.classList.toggle("collapsed", !open);
  };
  const apply = () => {
    toggle.hidden = !narrow.matches;
    set(!narrow.matches);
  };
  toggle.addEventListener("click", () => set(toggle.getAttribute("aria-expanded") !== "true"));
  narrow.addEventListener("change", apply);
  apply();
})();
