/*
 * wagtail-localize's translation editor writes its heading in English whatever the admin's
 * language ("English to Français translation": the words are in its JavaScript, not in
 * its catalogue). The heading is rewritten with the project's translation of the sentence,
 * given by the script tag (data-title, with %(source)s and %(target)s), once the editor has
 * drawn it.
 */
(() => {
  const script = document.currentScript;
  const title = script && script.dataset.title;
  if (!title) return;
  const PATTERN = /^(.+) to (.+) translation$/;

  const rewrite = (root) => {
    if (!(root instanceof Element)) return;
    root.querySelectorAll('h3').forEach((heading) => {
      const match = PATTERN.exec(heading.textContent.trim());
      if (!match || heading.children.length) return;
      heading.textContent = title
        .replace('%(source)s', match[1])
        .replace('%(target)s', match[2]);
    });
  };

  const start = () => {
    rewrite(document.body);
    new MutationObserver((mutations) => {
      mutations.forEach((mutation) => mutation.addedNodes.forEach((node) => {
        rewrite(node.parentElement || node);
      }));
    }).observe(document.body, { childList: true, subtree: true });
  };

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
