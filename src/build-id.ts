// Which gonogo is running, for caches of what its code computes (laid-out slides): scripts/bundle.mjs writes the
// bundle's own content hash in place of __GONOGO_BUILD_ID__. Run from source (tests) there is none.
declare const __GONOGO_BUILD_ID__: string | undefined;

export const buildId: string | undefined = typeof __GONOGO_BUILD_ID__ === 'string' ? __GONOGO_BUILD_ID__ : undefined;
