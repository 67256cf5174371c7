# expect: third-party-api @openai
from openai import OpenAI
# expect: third-party-api @anthropic
import anthropic

client = OpenAI()
claude = anthropic.Anthropic()


def answer(prompt, messages):
    # expect: third-party-api user.content.private @openai
    r = client.chat.completions.create(model="gpt-4o-mini", messages=messages)
    # expect: third-party-api user.content.private @anthropic
    m = claude.messages.create(model="claude", max_tokens=100, messages=[{"role": "user", "content": prompt}])
    return r, m
