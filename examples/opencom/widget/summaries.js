// VIOLATION (undisclosed-recipient): conversation messages go to an AI
// provider; the policy names hosting, messaging, analytics and notification
// providers only.
export async function summarize(conversation) {
  const res = await fetch('https://api.openai.com/v1/chat/completions', {
    method: 'POST',
    headers: { Authorization: `Bearer ${process.env.OPENAI_KEY}` },
    body: JSON.stringify({ model: 'gpt-4o-mini', messages: conversation.messages }),
  });
  return res.json();
}
