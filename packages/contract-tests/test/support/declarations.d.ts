// The repo's tools are plain ESM JavaScript.
declare module '*.mjs';
