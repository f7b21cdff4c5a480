/** Budget tiers of API keys (api_key.tier); anonymous callers have a budget of their own per address. */
export const TIERS = ['STANDARD', 'PARTNER', 'INTERNAL'] as const;
export type Tier = (typeof TIERS)[number];
