// PLACEHOLDER owned by the chatroom model engineer: replace with the merged handlers of models/chatroom/*.js.
export const handlers = {};

export function initialState() {
  return {};
}
