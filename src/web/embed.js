// The one-line embed for other websites:
//   <script src="https://<bot host>/embed.js" async></script>
// adds a floating button that opens this bot's /chat page in a floating panel (an iframe). Styles
// are set through element.style, which the host page's CSP does not restrict, and the panel is
// created only on the first click, so a visitor who never opens it loads nothing else.
'use strict';
(function () {
  // replaced by the server with the texts of src/web/pageText.ts
  var TEXT = /* TEXT */ { open: 'Chat', close: 'Close', frameTitle: 'Chat' };
  var script = document.currentScript;
  if (!script || window.__soraClosureChat) return;
  window.__soraClosureChat = true;
  var chatUrl = new URL('/chat', script.src).href;
  var BRAND = '#4f46e5';

  var button = document.createElement('button');
  button.type = 'button';
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-label', TEXT.open);
  button.setAttribute('data-sora-chat', 'button');
  button.textContent = TEXT.open;
  button.style.cssText = [
    'position:fixed', 'right:20px', 'bottom:20px', 'z-index:2147483000', 'padding:12px 20px', 'border:0',
    'border-radius:999px', 'background:' + BRAND, 'color:#fff', 'font:600 15px/1.2 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif',
    'box-shadow:0 10px 25px -8px rgba(30,27,75,.6)', 'cursor:pointer',
  ].join(';');

  var panel;

  function createPanel() {
    panel = document.createElement('div');
    panel.setAttribute('data-sora-chat', 'panel');
    panel.style.cssText = [
      'position:fixed', 'right:20px', 'bottom:80px', 'z-index:2147483000', 'width:min(400px,calc(100vw - 40px))',
      'height:min(620px,calc(100vh - 110px))', 'border-radius:16px', 'overflow:hidden', 'background:#fff',
      'box-shadow:0 24px 48px -12px rgba(30,27,75,.5)', 'display:none',
    ].join(';');
    var frame = document.createElement('iframe');
    frame.src = chatUrl;
    frame.title = TEXT.frameTitle;
    frame.style.cssText = 'width:100%;height:100%;border:0;display:block';
    panel.appendChild(frame);
    document.body.appendChild(panel);
  }

  function setOpen(open) {
    if (open && !panel) createPanel();
    if (panel) panel.style.display = open ? 'block' : 'none';
    button.textContent = open ? TEXT.close : TEXT.open;
    button.setAttribute('aria-label', open ? TEXT.close : TEXT.open);
    button.setAttribute('aria-expanded', String(open));
  }

  button.addEventListener('click', function () {
    setOpen(button.getAttribute('aria-expanded') !== 'true');
  });
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && button.getAttribute('aria-expanded') === 'true') setOpen(false);
  });

  function mount() {
    document.body.appendChild(button);
  }
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount);
})();
