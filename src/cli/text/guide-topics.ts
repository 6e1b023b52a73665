// The topics of `sscard guide`, whose steps the catalogues hold (text/messages, `guide`).
export const TOPICS = ['activate', 'enable', 'loss', 'ecard', 'register', 'leave'] as const;
export type Topic = (typeof TOPICS)[number];
