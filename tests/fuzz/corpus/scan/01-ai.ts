// expect: third-party-api @openai
import OpenAI from 'openai';
// expect: third-party-api @anthropic
import Anthropic from '@anthropic-ai/sdk';
import { generateText } from 'ai';
// expect: third-party-api @openai
import { openai as openaiProvider } from '@ai-sdk/openai';
// expect: third-party-api @google_gemini
import { GoogleGenerativeAI } from '@google/generative-ai';
// expect: third-party-api @mistral
import { Mistral } from '@mistralai/mistralai';
// expect: third-party-api @cohere
import { CohereClient } from 'cohere-ai';
// expect: third-party-api @groq
import Groq from 'groq-sdk';
// expect: third-party-api @replicate
import Replicate from 'replicate';
// expect: third-party-api @huggingface
import { HfInference } from '@huggingface/inference';
// expect: third-party-api @aws_bedrock
import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
// expect: third-party-api @azure_openai
import { AzureOpenAI } from '@azure/openai';
// expect: third-party-api @together
import Together from 'together-ai';

const openai = new OpenAI();
const anthropic = new Anthropic();

export async function reply(messages: { role: 'user'; content: string }[], prompt: string) {
  // expect: third-party-api user.content.private @openai
  const c = await openai.chat.completions.create({ model: 'gpt-4o', messages });
  // expect: third-party-api user.content.private @anthropic
  const m = await anthropic.messages.create({ model: 'claude', max_tokens: 10, messages });
  // expect: third-party-api user.content.private @vercel_ai_provider
  // expect: third-party-api @openai
  const t = await generateText({ model: openaiProvider('gpt-4o'), prompt });
  // expect: third-party-api @openai
  await fetch('https://api.openai.com/v1/embeddings', { method: 'POST', body: JSON.stringify({ input: prompt }) });
  // expect: third-party-api @anthropic
  const ANTHROPIC_URL = 'https://api.anthropic.com/v1/messages';
  // expect: third-party-api @perplexity
  const PPLX = 'https://api.perplexity.ai/chat/completions';
  return [c, m, t, ANTHROPIC_URL, PPLX];
}
