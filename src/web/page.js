// The chat page's only script (the CSP allows no inline script). It asks this server for a Direct
// Line token, then renders the official Web Chat (window.WebChat, served from /webchat/<version>/)
// with it: the local Direct Line by polling, or Azure's over a WebSocket.
'use strict';
(function () {
  var config = JSON.parse(document.getElementById('webchat-config').textContent);
  var status = document.getElementById('chat-status');
  var container = document.getElementById('webchat');

  // Inside the embed's panel (an iframe on another site) the page drops its big header.
  if (window.self !== window.top) document.documentElement.classList.add('is-embedded');

  var BRAND = '#4f46e5';
  var STYLE_OPTIONS = {
    accent: BRAND,
    backgroundColor: '#ffffff',
    primaryFont: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
    paddingRegular: 12,
    avatarSize: 36,
    botAvatarInitials: 'SC',
    botAvatarBackgroundColor: '#1e1b4b',
    userAvatarInitials: 'You',
    userAvatarBackgroundColor: '#c7d2fe',
    bubbleBackground: '#f1f3f9',
    bubbleBorderWidth: 0,
    bubbleBorderRadius: 14,
    bubbleNubSize: 0,
    bubbleMaxWidth: 560,
    bubbleTextColor: '#111827',
    bubbleFromUserBackground: BRAND,
    bubbleFromUserBorderWidth: 0,
    bubbleFromUserBorderRadius: 14,
    bubbleFromUserNubSize: 0,
    bubbleFromUserTextColor: '#ffffff',
    // every follow-up question visible at once, wrapped, instead of a sideways carousel
    suggestedActionLayout: 'flow',
    suggestedActionBackgroundColor: '#ffffff',
    suggestedActionBorderColor: '#c7d2fe',
    suggestedActionBorderWidth: 1,
    suggestedActionBorderRadius: 18,
    suggestedActionTextColor: '#3730a3',
    suggestedActionHeight: 36,
    suggestedActionsStackedHeight: 200,
    sendBoxHeight: 56,
    sendBoxBorderTop: '1px solid #e5e7eb',
    sendBoxButtonColor: BRAND,
    sendBoxTextWrap: true,
    // the bot reads text only
    hideUploadButton: true,
    timestampColor: '#9ca3af',
    rootHeight: '100%',
    rootWidth: '100%',
  };

  function fail() {
    status.textContent = config.text.unavailable;
    status.classList.add('chat-card__status--error');
    status.hidden = false;
  }

  fetch(config.tokenUrl, { method: 'POST', headers: { accept: 'application/json' }, credentials: 'same-origin' })
    .then(function (response) {
      if (!response.ok) throw new Error('token request failed with HTTP ' + response.status);
      return response.json();
    })
    .then(function (session) {
      var directLine = window.WebChat.createDirectLine({
        token: session.token,
        domain: new URL(session.domain, window.location.href).href.replace(/\/$/, ''),
        webSocket: session.webSocket,
      });
      var props = {
        directLine: directLine,
        locale: document.documentElement.lang || 'en-US',
        nonce: config.nonce,
        styleOptions: STYLE_OPTIONS,
        overrideLocalizedStrings: { TEXT_INPUT_PLACEHOLDER: config.text.placeholder },
      };
      // Azure's tokens name the user themselves; the local Direct Line says which id it gave us
      if (session.userId) props.userID = session.userId;
      window.WebChat.renderWebChat(props, container);
      status.hidden = true;
    })
    .catch(fail);
})();
