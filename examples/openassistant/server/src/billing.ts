import Stripe from 'stripe';
import { PrismaClient } from '@prisma/client';

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY ?? '');
const db = new PrismaClient();

export async function subscribe(user: { id: string; email: string; name: string }, plan: string) {
  // Disclosed: "payment processing is handled by a third-party payment processor such as Stripe".
  const customer = await stripe.customers.create({ email: user.email, name: user.name });
  return stripe.subscriptions.create({ customer: customer.id, items: [{ price: plan }] });
}

export async function saveCard(userId: string, card: { number: string; last4: string }) {
  // VIOLATION (broken-promise): "OpenAssistant does not store or process full payment card information."
  await db.paymentMethod.create({ data: { userId, cardNumber: card.number, last4: card.last4 } });
}
