// Redocly lint rules of this project that need the whole document (loaded by redocly.yaml `plugins`).
//   nim/operation-group: an operation's tag is in an x-tagGroups entry with x-nim-group, and its operationId is that
//   group + the vendor action in camelCase (the rule @nimkit/spec-lib applies when it lists operations).
import { groupAndAction, groupsByTag } from '@nimkit/spec-lib';

function OperationGroup() {
  /** @type {Map<string, string>} */
  let groups = new Map();
  return {
    Root: {
      enter(/** @type {Record<string, any>} */ root) {
        groups = groupsByTag(root);
      },
    },
    Operation: {
      enter(/** @type {Record<string, any>} */ operation, /** @type {any} */ ctx) {
        try {
          groupAndAction(groups, operation);
        } catch (error) {
          ctx.report({ message: error instanceof Error ? error.message : String(error), location: ctx.location.child('operationId') });
        }
      },
    },
  };
}

export default function nimPlugin() {
  return { id: 'nim', rules: { oas3: { 'operation-group': OperationGroup } } };
}
