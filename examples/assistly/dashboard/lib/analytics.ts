import posthog from 'posthog-js';

// Disclosed in part: "We collect anonymized usage data ... features used, pages visited".
// VIOLATION (undisclosed-recipient): the analytics vendor is not among the
// listed third-party services, and the identify call is not anonymized.
export function identifyOwner(owner: { id: string; email: string }) {
  posthog.identify(owner.id, { email: owner.email });
}

export function pageView(path: string) {
  posthog.capture('$pageview', { path });
}
