// The repo's tools are plain ESM JavaScript; autocannon ships no types.
declare module '*.mjs';
declare module 'autocannon';
