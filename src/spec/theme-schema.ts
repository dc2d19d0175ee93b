// The theme as users write it (assets/theme.yaml, a deck's theme file, or `theme:` in gonogo.yaml):
// every field optional and merged over the defaults; colours as hex with or without '#'.
import { z } from 'zod';

const color = z
  .string()
  .regex(/^#?[0-9a-fA-F]{6}$/, { message: 'a colour as six hex digits, e.g. "#0B5CAD"' })
  .transform((s) => s.replace(/^#/, '').toUpperCase());
const name = z.string().trim().min(1);

export const themeColors = z.strictObject({
  background: color.optional(),
  text: color.optional(),
  muted: color.optional(),
  accent: color.optional(),
  rule: color.optional(),
  pass: color.optional(),
  fail: color.optional(),
  inconclusive: color.optional(),
  control: color.optional(),
  treatment: color.optional(),
  table_header: color.optional(),
  table_header_text: color.optional(),
  table_stripe: color.optional(),
});

export const themeFields = {
  name: name.optional(),
  fonts: z.strictObject({ heading: name.optional(), body: name.optional(), fallback: name.optional() }).optional(),
  colors: themeColors.optional(),
  /** A PNG, JPEG or SVG file, relative to the file that names it. */
  logo: z.union([z.string().min(1), z.strictObject({ file: z.string().min(1), position: z.enum(['top-right', 'footer']).default('top-right'), alt: z.string().optional() })]).optional(),
  footer: z.string().optional(),
  confidentiality: z.string().optional(),
  slide_numbers: z.boolean().optional(),
};

/** A theme file: the fields above, and optionally `from:` a corporate .pptx/.potx to start from. */
export const themeFile = z.strictObject({ ...themeFields, from: z.string().min(1).optional() });
export type ThemeFile = z.output<typeof themeFile>;

/** `theme:` in gonogo.yaml: a theme file, a corporate template, inline fields, or a mix (file, then from, then inline). */
export const specTheme = z.strictObject({ ...themeFields, file: z.string().min(1).optional(), from: z.string().min(1).optional() });
export type SpecTheme = z.output<typeof specTheme>;
