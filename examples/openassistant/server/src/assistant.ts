import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';

const openai = new OpenAI();
const anthropic = new Anthropic();

// Disclosed: "AI service providers such as OpenAI and Anthropic".
export async function draftReply(messages: { role: 'user' | 'assistant'; content: string }[]) {
  const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages });
  return completion.choices[0].message.content;
}

export async function summarizeThread(prompt: string) {
  const msg = await anthropic.messages.create({
    model: 'claude-sonnet-4-5',
    max_tokens: 512,
    messages: [{ role: 'user', content: prompt }],
  });
  return msg.content;
}
