"""Meta webhooks: Messenger, Instagram and WhatsApp messages in, AI replies out."""
import logging
import os

import requests
from flask import Flask, request
from openai import OpenAI

app = Flask(__name__)
logger = logging.getLogger(__name__)
client = OpenAI()

GRAPH = "https://graph.facebook.com/v21.0"


@app.post("/webhooks/meta")
def receive():
    payload = request.get_json()
    for entry in payload.get("entry", []):
        for event in entry.get("messaging", []):
            sender_id = event["sender"]["id"]
            text = event["message"]["text"]
            reply = answer(text)
            send_messenger(sender_id, reply)
    return "ok"


def answer(customer_message):
    # VIOLATION (undisclosed-recipient): customer messages go to OpenAI; the
    # policy lists Meta, WhatsApp and cloud hosting as its third parties.
    completion = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": customer_message}],
    )
    return completion.choices[0].message.content


def send_messenger(psid, text):
    # Disclosed: "Meta Platforms APIs — Facebook Messenger ..."
    requests.post(f"{GRAPH}/me/messages", params={"access_token": os.environ["PAGE_TOKEN"]},
                  json={"recipient": {"id": psid}, "message": {"text": text}})


def send_whatsapp(phone_number_id, wa_id, text):
    # Disclosed: "WhatsApp Business API — For processing and sending messages"
    requests.post(f"{GRAPH}/{phone_number_id}/messages",
                  json={"messaging_product": "whatsapp", "to": wa_id, "text": {"body": text}})
