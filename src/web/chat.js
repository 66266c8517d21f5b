// A minimal chat page for the local, no-Azure setup. It talks to the bot's own
// /api/messages with deliveryMode "expectReplies", so no Direct Line is needed.
'use strict';
(function () {
  const log = document.getElementById('log');
  const buttons = document.getElementById('buttons');
  const form = document.getElementById('form');
  const input = document.getElementById('text');
  const id = () => Math.random().toString(36).slice(2) + Date.now().toString(36);
  const conversation = { id: 'page-' + id() };
  const user = { id: 'page-user-' + id(), name: 'You', role: 'user' };

  function escapeHtml(text) {
    return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  }

  // The bot's replies use a little markdown: **bold**, "> " quotes and blank lines.
  function render(markdown) {
    return markdown.split(/\n{2,}/).map((block) => {
      if (/^>/.test(block)) {
        const quote = block.split('\n').map((l) => l.replace(/^>\s?/, '')).filter(Boolean).map(escapeHtml).join('<br>');
        return '<blockquote>' + quote + '</blockquote>';
      }
      return '<p>' + escapeHtml(block).replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>').replace(/\n/g, '<br>') + '</p>';
    }).join('');
  }

  function show(kind, html) {
    const item = document.createElement('li');
    item.className = 'msg msg--' + kind;
    item.innerHTML = html;
    log.appendChild(item);
    log.scrollTop = log.scrollHeight;
    return item;
  }

  function offer(actions) {
    buttons.textContent = '';
    for (const action of actions) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = action.title;
      button.addEventListener('click', () => ask(typeof action.value === 'string' ? action.value : action.title));
      buttons.appendChild(button);
    }
  }

  async function send(activity) {
    const typing = show('typing', 'typing&hellip;');
    try {
      const response = await fetch('/api/messages', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(Object.assign({
          id: id(), channelId: 'webchat', serviceUrl: location.origin, deliveryMode: 'expectReplies',
          conversation, from: user, recipient: { id: 'bot', role: 'bot' }, locale: navigator.language || 'en-US',
        }, activity)),
      });
      typing.remove();
      if (!response.ok) {
        show('bot', escapeHtml('Sorry, the bot could not be reached (HTTP ' + response.status + ').'));
        return;
      }
      const body = await response.json();
      for (const reply of body.activities || []) {
        if (reply.type !== 'message' || !reply.text) continue;
        show('bot', render(reply.text));
        offer((reply.suggestedActions && reply.suggestedActions.actions) || []);
      }
    } catch {
      typing.remove();
      show('bot', escapeHtml('Sorry, the bot could not be reached.'));
    }
  }

  function ask(text) {
    show('user', escapeHtml(text));
    offer([]);
    return send({ type: 'message', text });
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (text) ask(text);
    input.value = '';
  });

  send({ type: 'conversationUpdate', membersAdded: [user] });
})();
