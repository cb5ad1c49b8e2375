// @nimkit/spec-lib: reading the bundled spec, shared by codegen, the mock, the docs, the tests and the benchmarks.
export { FORM, bundledSpecPath, loadSpec, checkShape } from './load.js';
export { deref } from './deref.js';
export { listOperations, operationsByPath, requestSchema, okMedia, okSchema, toClientShape, pascal } from './operations.js';
export { groupsByTag, groupAndAction } from './groups.js';
export { idPaths } from './ids.js';
export { encodingBranches, normalisedBranch, normalisePaths } from './encodings.js';
export { sampleValue, sampleRequest, allSamples } from './samples.js';

/** @typedef {import('./operations.js').Operation} Operation */
/** @typedef {import('./operations.js').OperationDetail} OperationDetail */
