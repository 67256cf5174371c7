// Website widget: identifies the visitor and keeps the conversation going.
const API = 'https://api.opencom.dev/v1';

export function boot(settings) {
  // Disclosed: "Visitor profile data (email if provided, display name ...)".
  localStorage.setItem('opencom_visitor_email', settings.email);
  document.cookie = `opencom_vid=${settings.visitorId}; max-age=31536000; path=/`;
}

export async function sendMessage(conversationId, text, visitor) {
  await fetch(`${API}/conversations/${conversationId}/messages`, {
    method: 'POST',
    body: JSON.stringify({ text, visitorEmail: visitor.email }),
  });
}
