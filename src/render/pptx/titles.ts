// Slide titles as title placeholders: screen readers, PowerPoint's outline and accessibility checker, and
// LibreOffice all find a slide's title through <p:ph type="title"/>. pptxgenjs only offers placeholders at
// the master's fixed position, so the renderer names the title box and this step marks it; the box keeps
// its own position (an explicit xfrm wins over the placeholder's).

export const TITLE_OBJECT_NAME = 'Slide Title';
/** The section label above the title and the line under it: part of the title area, not the body. */
export const KICKER_OBJECT_NAME = 'Kicker';
export const SUBTITLE_OBJECT_NAME = 'Subtitle';

export function markTitlePlaceholder(slideXml: string): string {
  return slideXml.replace(
    new RegExp(`(<p:cNvPr id="\\d+" name="${TITLE_OBJECT_NAME}"[^>]*>(?:</p:cNvPr>)?\\s*<p:cNvSpPr/>\\s*)<p:nvPr>\\s*</p:nvPr>`),
    '$1<p:nvPr><p:ph type="title"/></p:nvPr>',
  );
}
