// The topics of `sscard guide`, whose steps the catalogues hold (text/messages, `guide`).
export const TOPICS = ['apply', 'activate', 'enable', 'loss', 'ecard', 'policy', 'register', 'leave'] as const;
export type Topic = (typeof TOPICS)[number];
