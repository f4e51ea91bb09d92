// The bare app of bench/lib/bare.ts: nothing configured, so that it measures Next.js itself.
export default { poweredByHeader: false };
