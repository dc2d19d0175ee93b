// The sizes gonogo accepts, in one place (README "Limits" lists them). Past each, the input is refused with a
// located message before any work that grows with it: no input can make a build run for minutes or crash.

/** Characters in one text of the spec or a theme file (a title, a description, a note). */
export const MAX_TEXT_CHARS = 10_000;
/** Items in one list of the spec (risks, data gaps, timeline, options …) and entries in one mapping. */
export const MAX_LIST_ITEMS = 200;
/** Bytes of one template override file. */
export const MAX_TEMPLATE_FILE_BYTES = 100 * 1024;
/** `each` iterations one template may run while writing one sentence. */
export const MAX_TEMPLATE_ITERATIONS = 10_000;
/** Characters one template may write for one sentence or note. */
export const MAX_TEMPLATE_OUTPUT = 50_000;
/** A logo: at most this many pixels, this ratio between its long and short side, and this many bytes. */
export const MAX_IMAGE_PIXELS = 40_000_000;
export const MAX_IMAGE_ASPECT = 20;
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
/** A corporate .pptx/.potx a theme starts from, and the largest part gonogo unpacks from it. */
export const MAX_TEMPLATE_BYTES = 50 * 1024 * 1024;
export const MAX_TEMPLATE_PART_BYTES = 20 * 1024 * 1024;
/** An SVG logo: bytes, elements and characters of text (resvg shapes every glyph). */
export const MAX_SVG_BYTES = 1024 * 1024;
export const MAX_SVG_ELEMENTS = 10_000;
export const MAX_SVG_TEXT_CHARS = 2_000;
/** Bytes of metrics.lock.json (quantile metrics keep every distinct value). */
export const MAX_LOCK_BYTES = 256 * 1024 * 1024;
/** Segment values of one dimension (category=…) in one metric's data, and dimensions per metric: each is a row of a forest plot and a table. */
export const MAX_SEGMENT_VALUES = 100;
export const MAX_DIMENSIONS = 10;
/** Raw values one metrics lock may expand to (quantile metrics keep them as value counts). */
export const MAX_LOCK_VALUES = 20_000_000;
