// PLACEHOLDER owned by the qchat model engineer: replace with the merged handlers of models/qchat/*.js.
export const handlers = {};

export function initialState() {
  return {};
}
