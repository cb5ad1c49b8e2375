// Every generated file the repository commits, each with the function that produces its text from the spec.
// tools/check-generated.mjs compares them with the committed files; nothing here writes.
import { clientFiles } from './codegen/generate-client.mjs';
import { adrWithTable } from './adr/required-flags.mjs';
import { encodingsAdrWithTable } from './adr/encodings.mjs';
import { collectionFiles } from './collections/postman.mjs';
import { renderExamplesDoc } from '@nimkit/mock/examples-doc';

/**
 * @typedef {object} Artefact
 * @property {string} file repository-relative path
 * @property {string} refresh the command that rewrites it
 * @property {(current: string | undefined) => string} produce its expected text (some keep hand-written prose
 *   around a generated part, so they see the committed text)
 */

/**
 * @param {Record<string, any>} spec
 * @returns {Promise<Artefact[]>}
 */
export async function generatedArtefacts(spec) {
  const client = await clientFiles(spec);
  return [
    ...Object.entries(client).map(([file, text]) => ({ file, refresh: 'npm run generate', produce: () => text })),
    { file: 'packages/mock/EXAMPLES.md', refresh: 'npm run examples -w @nimkit/mock', produce: () => renderExamplesDoc(spec) },
    {
      file: 'docs/adr/0006-inferred-required-flags.md',
      refresh: 'node tools/adr/required-flags.mjs',
      produce: (current) => adrWithTable(current ?? '', spec),
    },
    {
      file: 'docs/adr/0042-two-encodings-of-response-fields.md',
      refresh: 'node tools/adr/encodings.mjs',
      produce: (current) => encodingsAdrWithTable(current ?? '', spec),
    },
    ...Object.entries(collectionFiles(spec)).map(([name, text]) => ({
      file: `packages/spec/postman/${name}`,
      refresh: 'npm run generate',
      produce: () => text,
    })),
  ];
}
