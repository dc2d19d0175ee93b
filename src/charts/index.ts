// The chart kit: one builder per chart kind (pure: data + theme → ChartSpec), a deterministic
// renderer to SVG and PNG, and the writer of the final Vega-Lite specs.
export { forestChart, forestCharts, type ForestInput, type ForestPart, type ForestRow } from './forest.js';
export { distributionChart, type DistributionInput } from './distribution.js';
export { timeSeriesChart, type TimeSeriesInput, type TimeSeriesPoint, type DateMarker } from './timeseries.js';
export { tradeoffChart, type TradeoffInput, type TradeoffPoint, type TradeoffAxis } from './tradeoff.js';
export { guardrailsChart, guardrailsCharts, shareOfLimit, type GuardrailsInput, type GuardrailRow } from './guardrails.js';
export { scenariosChart, scenariosCharts, type ScenariosInput, type ScenarioRow } from './scenarios.js';
export { powerChart, nForMde, type PowerInput } from './power.js';
export { renderChart, renderSvg, compileVegaLite, clearRenderCache, DEFAULT_SCALE, type RenderOptions, type RenderedChart } from './render.js';
export { writeChartSpecs, chartSpecJson } from './write.js';
export { finalSpec } from './final-spec.js';
export type { ChartPart, ChartSize, MarkTone, Arm } from './config.js';
export type { Better } from './alt.js';
export * from './format.js';
