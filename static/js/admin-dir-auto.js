/*
 * Arabic (and any right-to-left) content is edited right to left whatever the language of
 * the admin interface: every text input, textarea and rich text editor takes dir="auto",
 * so the browser sets the direction from the first strong character typed. Fields added
 * later (StreamField blocks, InlinePanel forms, modals) are handled as they appear.
 * An explicit dir set by Wagtail or a widget is kept.
 */
(() => {
  const SELECTOR = [
    'input[type="text"]',
    'input[type="search"]',
    'input[type="url"]',
    'input:not([type])',
    'textarea',
    '[contenteditable="true"]',
  ].join(',');

  const apply = (root) => {
    if (!(root instanceof Element)) return;
    const fields = root.matches(SELECTOR) ? [root] : [];
    fields.push(...root.querySelectorAll(SELECTOR));
    fields.forEach((field) => {
      if (!field.hasAttribute('dir')) field.setAttribute('dir', 'auto');
    });
  };

  const start = () => {
    apply(document.body);
    new MutationObserver((mutations) => {
      mutations.forEach((mutation) => {
        if (mutation.type === 'attributes') {
          apply(mutation.target);
        } else {
          mutation.addedNodes.forEach(apply);
        }
      });
    }).observe(document.body, {
      childList: true,
      subtree: true,
      // Draftail turns its editor contenteditable after it is inserted.
      attributes: true,
      attributeFilter: ['contenteditable'],
    });
  };

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
