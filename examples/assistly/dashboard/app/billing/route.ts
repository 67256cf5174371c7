import Stripe from 'stripe';
import { cookies } from 'next/headers';

const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);

// "billing information necessary to process your subscription payments" is
// disclosed as collected; VIOLATION (undisclosed-recipient): the payment
// processor is not among the third-party services the policy lists.
export async function POST(req: Request) {
  const { email, businessName } = await req.json();
  const customer = await stripe.customers.create({ email, name: businessName });
  cookies().set('assistly_customer', customer.id, { maxAge: 60 * 60 * 24 * 30 });
  return Response.json({ id: customer.id });
}
