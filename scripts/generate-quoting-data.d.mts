// Types for scripts/generate-quoting-data.mjs (plain JS so it runs with node alone).
export type Cell = string | number | null;
export type Tables = Record<'requests' | 'assignments' | 'quotes' | 'hires' | 'refunds' | 'support_tickets' | 'spam_flags' | 'pro_activity', Cell[][]>;
export function prng(seed: number): () => number;
export function generate(opts?: { requests?: number; seed?: number }): Tables;
export function writeTables(tables: Tables, outDir: string): Promise<void>;
