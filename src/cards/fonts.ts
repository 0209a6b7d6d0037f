import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Inter (SIL Open Font License, shipped as TTF in the @expo-google-fonts/inter npm package):
 * satori needs TTF/OTF/WOFF data, not woff2. Latin, Cyrillic, Greek and Vietnamese are covered.
 * Read once, when the module is first imported, never per card.
 */
const require = createRequire(import.meta.url);
const file = (path: string): Buffer => readFileSync(require.resolve(`@expo-google-fonts/inter/${path}`));

export const CARD_FONT = 'Inter';

export const FONTS = [
  { name: CARD_FONT, data: file('400Regular/Inter_400Regular.ttf'), weight: 400 as const, style: 'normal' as const },
  { name: CARD_FONT, data: file('700Bold/Inter_700Bold.ttf'), weight: 700 as const, style: 'normal' as const },
];
