import type { messagesId } from './messages-id';

/** The languages of pages, mail, CSV and reports: the one declaration (the HTTP contract's `lang` enum is built from it). */
export const LOCALES = ['id', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'id';

type Catalogue = typeof messagesId;
export type MessageKey = keyof Catalogue;

/** Placeholder names of a message string literal: `'Yth. {name}'` → `'name'`. */
type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;

export type MessageParamName<K extends MessageKey> = Placeholders<Catalogue[K]>;
export type MessageParams<K extends MessageKey> = Record<MessageParamName<K>, string | number>;

/** `t(locale, key)` for keys without placeholders; `t(locale, key, params)` (required) otherwise. */
export type MessageArgs<K extends MessageKey> = [MessageParamName<K>] extends [never] ? [params?: Record<string, never>] : [params: MessageParams<K>];
