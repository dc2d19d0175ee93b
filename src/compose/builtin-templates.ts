// The built-in templates compiled ahead of time, keyed by their text. Run from source this is empty and each
// template is parsed and compiled at load; the bundle (scripts/bundle.mjs) fills it with templates/*.hbs as
// Handlebars precompiled them, so a build compiles none of its own templates. A template whose text differs from
// what was bundled (an edited file, a deck's override) misses and is compiled as from source.
export const PRECOMPILED: ReadonlyMap<string, TemplateSpecification> = new Map();
