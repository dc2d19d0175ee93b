// The theme: colours, fonts, footer. Loaded from assets/theme.yaml or a deck's theme, merged over defaults.

export interface Theme {
  name: string;
  fonts: {
    /**
     * Faces written into the PPTX. Calibri and Arial are measured exactly (with the metric-compatible Carlito and
     * Liberation Sans in assets/fonts); any other face gets a warning and a margin (src/layout/fonts.ts).
     */
    heading: string;
    body: string;
    /** Named in the PPTX font scheme beside the faces, for readers who have neither. */
    fallback: string;
  };
  colors: {
    background: string;
    text: string;
    muted: string;
    accent: string;
    rule: string;
    pass: string;
    fail: string;
    inconclusive: string;
    control: string;
    treatment: string;
    tableHeader: string;
    tableHeaderText: string;
    tableStripe: string;
  };
  footer?: string;
  confidentiality?: string;
  slideNumbers: boolean;
  logo?: string;
  /** The logo's bytes, read when the theme is loaded (layout and render stay pure). */
  logoImage?: LogoImage;
}

export interface LogoImage {
  data: Uint8Array;
  /** 'png' | 'jpeg' | 'svg' — what pptxgenjs embeds. */
  type: 'png' | 'jpeg' | 'svg';
  widthPx: number;
  heightPx: number;
  position: 'top-right' | 'footer';
  alt: string;
}

// Okabe–Ito derived, colour-blind safe; text colours keep ≥ 4.5:1 contrast on white.
export const defaultTheme: Theme = {
  name: 'gonogo',
  fonts: {
    heading: 'Calibri',
    body: 'Calibri',
    fallback: 'Arial',
  },
  colors: {
    background: 'FFFFFF',
    text: '1F2933',
    muted: '52606D',
    accent: '0B5CAD',
    rule: 'CBD2D9',
    pass: '00734D',
    fail: 'B3261E',
    inconclusive: '8A5A00',
    control: '6B7A89',
    treatment: '0072B2',
    tableHeader: '1F2933',
    tableHeaderText: 'FFFFFF',
    tableStripe: 'F3F5F7',
  },
  slideNumbers: true,
};
